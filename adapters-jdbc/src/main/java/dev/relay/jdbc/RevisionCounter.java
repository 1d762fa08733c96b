package dev.relay.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * One counter per tenant and scope in {@code relay_revision}, for ports whose readers cache per revision ({@code
 * OrgDirectory}, {@code RepProfiles}). A save calls {@link #bump} in its own transaction, under the tenant's lock for
 * the scope, so the counter moves exactly when the saved rows become visible to other engines (at commit) and rolls
 * back with them. New values come from {@code relay_revision_seq}, which never hands a value out twice: a revision
 * read inside a unit of work that then fails (a router in that unit may have cached what it saw) is never reused for
 * another state. A tenant never saved reads 0.
 */
final class RevisionCounter {
  private final String scope;
  private final TenantLocks locks;
  private final String next;

  RevisionCounter(Dialect dialect, String scope) {
    this.scope = scope;
    this.locks = new TenantLocks(dialect);
    this.next = dialect.nextValue("relay_revision_seq");
  }

  /** Serialises saves of the tenant's scope across engines until the transaction of {@code c} ends. */
  void lock(Connection c, String tenant) throws SQLException {
    locks.lock(c, tenant, scope);
  }

  /** Moves the tenant's revision; call under {@link #lock}, which makes the read-then-write safe. */
  void bump(Connection c, String tenant) throws SQLException {
    int updated = Statements.update(c, "UPDATE relay_revision SET revision = " + next
        + " WHERE tenant_id = ? AND scope = ?", tenant, scope);
    if (updated == 0) {
      Statements.update(c, "INSERT INTO relay_revision (tenant_id, scope, revision) VALUES (?, ?, " + next + ")",
          tenant, scope);
    }
  }

  /** The tenant's revision: one read of the primary key. */
  long read(Connection c, String tenant) throws SQLException {
    List<Long> rows = Statements.query(c, "SELECT revision FROM relay_revision WHERE tenant_id = ? AND scope = ?",
        rs -> rs.getLong(1), tenant, scope);
    return rows.isEmpty() ? 0 : rows.get(0);
  }
}
