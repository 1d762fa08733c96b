package dev.relay.jdbc;

import dev.relay.common.RepId;
import dev.relay.common.TeamId;
import dev.relay.common.TenantId;
import dev.relay.org.OrgDirectory;
import dev.relay.org.Rep;
import dev.relay.org.Team;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link OrgDirectory} on tables {@code relay_rep} and {@code relay_team}: each rep and team as JSON under the key
 * {@code (tenant_id, id)}. Every save moves the tenant's {@code org} counter in {@code relay_revision} in the same
 * transaction, so {@link #revision} is one indexed read and an engine's router sees changes made through any other
 * engine on the database. Saves join the runner's current unit of work, if any.
 *
 * <p>Methods throw {@link dev.relay.common.StorageException} if the database fails.
 */
public final class JdbcOrgDirectory implements OrgDirectory {
  private final Statements sql;
  private final AggregateJson json = new AggregateJson();
  private final RevisionCounter revisions;

  public JdbcOrgDirectory(JdbcTransactionRunner transactions) {
    this.sql = new Statements(Objects.requireNonNull(transactions, "transactions"));
    this.revisions = new RevisionCounter(sql.dialect(), "org");
  }

  @Override
  public Optional<Rep> rep(RepId id) {
    Objects.requireNonNull(id, "id");
    return sql.queryOne("SELECT document FROM relay_rep WHERE tenant_id = ? AND rep_id = ?",
        rs -> json.read(rs.getString(1), Rep.class), id.tenant().value(), id.value());
  }

  @Override
  public Optional<Team> team(TeamId id) {
    Objects.requireNonNull(id, "id");
    return sql.queryOne("SELECT document FROM relay_team WHERE tenant_id = ? AND team_id = ?",
        rs -> json.read(rs.getString(1), Team.class), id.tenant().value(), id.value());
  }

  @Override
  public List<Rep> reps(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    return sql.query("SELECT document FROM relay_rep WHERE tenant_id = ? ORDER BY rep_id",
        rs -> json.read(rs.getString(1), Rep.class), tenant.value());
  }

  @Override
  public List<Team> teams(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    return sql.query("SELECT document FROM relay_team WHERE tenant_id = ? ORDER BY team_id",
        rs -> json.read(rs.getString(1), Team.class), tenant.value());
  }

  @Override
  public void saveRep(Rep rep) {
    Objects.requireNonNull(rep, "rep");
    save("relay_rep", "rep_id", rep.id().tenant().value(), rep.id().value(), json.write(rep));
  }

  @Override
  public void saveTeam(Team team) {
    Objects.requireNonNull(team, "team");
    save("relay_team", "team_id", team.id().tenant().value(), team.id().value(), json.write(team));
  }

  @Override
  public long revision(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    return sql.runner().withConnection(c -> revisions.read(c, tenant.value()));
  }

  private void save(String table, String idColumn, String tenant, String id, String document) {
    sql.runner().withConnection(c -> {
      // The lock makes update-else-insert safe against another engine saving the same row.
      revisions.lock(c, tenant);
      upsert(c, table, idColumn, tenant, id, document);
      revisions.bump(c, tenant);
      return null;
    });
  }

  static void upsert(Connection c, String table, String idColumn, String tenant, String id, String document)
      throws SQLException {
    int updated = Statements.update(c, "UPDATE " + table + " SET document = ? WHERE tenant_id = ? AND " + idColumn
        + " = ?", document, tenant, id);
    if (updated == 0) {
      Statements.update(c, "INSERT INTO " + table + " (tenant_id, " + idColumn + ", document) VALUES (?, ?, ?)",
          tenant, id, document);
    }
  }
}
