package dev.relay.jdbc;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.relay.common.TenantId;
import dev.relay.playbook.Playbook;
import dev.relay.playbook.PlaybookJson;
import dev.relay.playbook.PlaybookRepository;
import dev.relay.playbook.VersionedPlaybook;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link PlaybookRepository} on table {@code relay_playbook}: each version as the playbook's canonical JSON. Saves for
 * one tenant are serialised by a row lock, in this engine and in every other one on the database, so version numbers
 * never repeat; the primary key {@code (tenant_id, version)} backs that up. Versions never change, so parsed ones are
 * cached.
 */
public final class JdbcPlaybookRepository implements PlaybookRepository {
  private static final String SELECT = "SELECT tenant_id, version, fingerprint, saved_at, document FROM relay_playbook ";

  private final Statements sql;
  private final TenantLocks locks;
  private final Cache<Key, VersionedPlaybook> parsed = Caffeine.newBuilder().maximumSize(1_000).build();

  public JdbcPlaybookRepository(JdbcTransactionRunner transactions) {
    this.sql = new Statements(Objects.requireNonNull(transactions, "transactions"));
    this.locks = new TenantLocks(sql.dialect());
  }

  @Override
  public VersionedPlaybook save(TenantId tenant, Playbook playbook, Instant savedAt) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(playbook, "playbook");
    Objects.requireNonNull(savedAt, "savedAt");
    String fingerprint = playbook.fingerprint();
    return sql.runner().withConnection(c -> {
      locks.lock(c, tenant.value(), "playbook");
      List<VersionedPlaybook> current = Statements.query(c, SELECT + "WHERE tenant_id = ? ORDER BY version DESC"
          + sql.dialect().limit(1), this::read, tenant.value());
      if (!current.isEmpty() && current.get(0).fingerprint().equals(fingerprint)) {
        return current.get(0);
      }
      int version = current.isEmpty() ? 1 : current.get(0).version() + 1;
      Statements.update(c, "INSERT INTO relay_playbook (tenant_id, version, fingerprint, saved_at, document)"
          + " VALUES (?, ?, ?, ?, ?)", tenant.value(), version, fingerprint, savedAt, PlaybookJson.write(playbook));
      VersionedPlaybook saved = new VersionedPlaybook(tenant, version, playbook, fingerprint, savedAt);
      java.util.Map<Object, Object> remembered = sql.runner().remembered();
      if (remembered != null) {
        remembered.put(new CurrentOf(tenant.value()), version);
      }
      Key key = new Key(tenant.value(), version);
      // A version number is reused if this save rolls back, so its cache entry must go with it.
      sql.runner().onRollback(() -> parsed.invalidate(key));
      parsed.put(key, saved);
      return saved;
    });
  }

  @Override
  public Optional<VersionedPlaybook> current(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    // Every command asks for the current version, often several times in one unit of work: the number is read once
    // per transaction, and only the number travels unless that version is not cached yet.
    java.util.Map<Object, Object> remembered = sql.runner().remembered();
    CurrentOf key = new CurrentOf(tenant.value());
    Object known = remembered == null ? null : remembered.get(key);
    if (known instanceof Integer v) {
      return version(tenant, v);
    }
    Optional<Integer> latest = sql.queryOne("SELECT MAX(version) FROM relay_playbook WHERE tenant_id = ?",
        rs -> {
          int v = rs.getInt(1);
          return rs.wasNull() ? null : v;
        }, tenant.value());
    if (remembered != null && latest.isPresent()) {
      remembered.put(key, latest.get());
    }
    return latest.flatMap(v -> version(tenant, v));
  }

  @Override
  public Optional<VersionedPlaybook> version(TenantId tenant, int version) {
    Objects.requireNonNull(tenant, "tenant");
    VersionedPlaybook cached = parsed.getIfPresent(new Key(tenant.value(), version));
    if (cached != null) {
      return Optional.of(cached);
    }
    return sql.queryOne(SELECT + "WHERE tenant_id = ? AND version = ?", this::read, tenant.value(), version);
  }

  @Override
  public List<VersionedPlaybook> history(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    return sql.query(SELECT + "WHERE tenant_id = ? ORDER BY version", this::read, tenant.value());
  }

  private VersionedPlaybook read(ResultSet rs) throws SQLException {
    String tenant = rs.getString(1);
    int version = rs.getInt(2);
    Key key = new Key(tenant, version);
    VersionedPlaybook cached = parsed.getIfPresent(key);
    if (cached != null) {
      return cached;
    }
    VersionedPlaybook read = new VersionedPlaybook(TenantId.of(tenant), version, PlaybookJson.read(rs.getString(5)),
        rs.getString(3), Objects.requireNonNull(Statements.instant(rs, "saved_at")));
    // Other transactions' rows are read only once committed; this transaction's own are uncached by save on rollback.
    parsed.put(key, read);
    return read;
  }

  private record Key(String tenant, int version) {}

  /** The memo key of a tenant's current version within one transaction. */
  private record CurrentOf(String tenant) {}
}
