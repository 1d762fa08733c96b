package dev.relay.jdbc;

import dev.relay.assignment.RepProfile;
import dev.relay.assignment.RepProfiles;
import dev.relay.common.RepId;
import dev.relay.common.TenantId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link RepProfiles} on table {@code relay_rep_profile}: each routing profile as JSON under the key {@code (tenant_id,
 * rep_id)}. Every save moves the tenant's {@code rep_profiles} counter in {@code relay_revision} in the same
 * transaction, so {@link #revision} is one indexed read and a rep paused through one engine stops receiving leads
 * routed by every other engine on the database. Saves join the runner's current unit of work, if any.
 *
 * <p>Methods throw {@link dev.relay.common.StorageException} if the database fails.
 */
public final class JdbcRepProfiles implements RepProfiles {
  private final Statements sql;
  private final AggregateJson json = new AggregateJson();
  private final RevisionCounter revisions;

  public JdbcRepProfiles(JdbcTransactionRunner transactions) {
    this.sql = new Statements(Objects.requireNonNull(transactions, "transactions"));
    this.revisions = new RevisionCounter(sql.dialect(), "rep_profiles");
  }

  @Override
  public Optional<RepProfile> find(RepId rep) {
    Objects.requireNonNull(rep, "rep");
    return sql.queryOne("SELECT document FROM relay_rep_profile WHERE tenant_id = ? AND rep_id = ?",
        rs -> json.read(rs.getString(1), RepProfile.class), rep.tenant().value(), rep.value());
  }

  @Override
  public List<RepProfile> all(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    return sql.query("SELECT document FROM relay_rep_profile WHERE tenant_id = ? ORDER BY rep_id",
        rs -> json.read(rs.getString(1), RepProfile.class), tenant.value());
  }

  @Override
  public void save(RepProfile profile) {
    Objects.requireNonNull(profile, "profile");
    String tenant = profile.rep().tenant().value();
    String document = json.write(profile);
    sql.runner().withConnection(c -> {
      revisions.lock(c, tenant);
      JdbcOrgDirectory.upsert(c, "relay_rep_profile", "rep_id", tenant, profile.rep().value(), document);
      revisions.bump(c, tenant);
      return null;
    });
  }

  @Override
  public long revision(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    return sql.runner().withConnection(c -> revisions.read(c, tenant.value()));
  }
}
