package dev.relay.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Row locks per tenant and purpose on {@code relay_tenant_lock}, for work that must not interleave across engines
 * (numbering playbook versions, routing decisions). The row is created on first use; {@code SELECT … FOR UPDATE} then
 * holds it until the transaction ends, in this process and in every other one sharing the database.
 */
final class TenantLocks {
  private final Dialect dialect;
  private final String insert;
  private final String lock;

  TenantLocks(Dialect dialect) {
    this.dialect = dialect;
    this.insert = dialect.insertIgnoringDuplicate("relay_tenant_lock", "tenant_id, purpose", "?, ?");
    this.lock = "SELECT tenant_id FROM relay_tenant_lock WHERE tenant_id = ? AND purpose = ?" + dialect.forUpdate();
  }

  /** Locks the tenant's row for {@code purpose} until the current transaction of {@code c} ends. */
  void lock(Connection c, String tenant, String purpose) throws SQLException {
    if (Statements.query(c, lock, rs -> 1, tenant, purpose).isEmpty()) {
      try {
        Statements.update(c, insert, tenant, purpose);
      } catch (SQLException e) {
        // Another transaction created the row first; locking it below waits for that one.
        if (!dialect.isDuplicateKey(e)) {
          throw e;
        }
      }
      Statements.query(c, lock, rs -> 1, tenant, purpose);
    }
  }
}
