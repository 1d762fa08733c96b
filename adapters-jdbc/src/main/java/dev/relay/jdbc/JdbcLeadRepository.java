package dev.relay.jdbc;

import dev.relay.common.LeadId;
import dev.relay.common.TenantId;
import dev.relay.fields.EntityKind;
import dev.relay.lead.Lead;
import dev.relay.lead.LeadRepository;
import dev.relay.lead.LeadStatus;
import dev.relay.pool.matching.MatchKey;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@link LeadRepository} on table {@code relay_lead}, with the lead's match keys in {@code relay_lead_key}, written in
 * the same transaction. Queues and the SLA sweep's work list are served from the index on {@code (tenant_id, status,
 * captured_at, id)}: first come, first served.
 */
public final class JdbcLeadRepository implements LeadRepository {
  private static final String SELECT = "SELECT tenant_id, playbook_version, document FROM relay_lead ";
  private static final String FIRST_COME = " ORDER BY captured_at, id";

  private final Statements sql;
  private final AggregateJson json = new AggregateJson();
  private final SchemaSource schemas;
  private final VersionedRows rows;

  public JdbcLeadRepository(JdbcTransactionRunner transactions, SchemaSource schemas) {
    this.sql = new Statements(Objects.requireNonNull(transactions, "transactions"));
    this.schemas = Objects.requireNonNull(schemas, "schemas");
    this.rows = new VersionedRows(sql, "relay_lead", "lead",
        List.of("status", "owner_id", "contacted", "captured_at", "playbook_version", "document"));
  }

  @Override
  public Optional<Lead> find(LeadId id) {
    Objects.requireNonNull(id, "id");
    return sql.queryOne(SELECT + "WHERE tenant_id = ? AND id = ?", this::read, id.tenant().value(), id.value());
  }

  @Override
  public void insert(Lead lead) {
    if (lead.version() != 1) {
      throw new IllegalArgumentException("a new lead has version 1, not " + lead.version() + ": " + lead.id());
    }
    rows.insertIndexed(lead.id(), 1, values(lead), "relay_lead_key", "tenant_id, kind, key_value, lead_id",
        keyRows(lead));
  }

  @Override
  public void save(Lead lead, long expectedVersion) {
    if (lead.version() != expectedVersion + 1) {
      throw new IllegalArgumentException("lead " + lead.id() + " saved as version " + lead.version()
          + " on top of version " + expectedVersion + "; versions grow by one");
    }
    rows.update(lead.id(), expectedVersion, lead.version(), values(lead), c -> index(c, lead, true));
  }

  @Override
  public List<Lead> findByStatus(TenantId tenant, Set<LeadStatus> statuses) {
    Objects.requireNonNull(tenant, "tenant");
    if (statuses.isEmpty()) {
      return List.of();
    }
    List<Object> params = new ArrayList<>();
    params.add(tenant.value());
    statuses.forEach(s -> params.add(s.name()));
    return sql.query(SELECT + "WHERE tenant_id = ? AND status IN (" + JdbcDealRepository.placeholders(statuses) + ")"
        + FIRST_COME, this::read, params.toArray());
  }

  @Override
  public List<Lead> findAssignedNotContacted(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    return sql.query(SELECT + "WHERE tenant_id = ? AND status = ? AND contacted = ?" + FIRST_COME, this::read,
        tenant.value(), LeadStatus.ASSIGNED.name(), false);
  }

  @Override
  public List<Lead> leadsWithKeys(TenantId tenant, Collection<MatchKey> keys) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(keys, "keys");
    if (keys.isEmpty()) {
      return List.of();
    }
    StringBuilder where = new StringBuilder();
    List<Object> params = new ArrayList<>();
    params.add(tenant.value());
    for (MatchKey k : keys) {
      where.append(where.length() == 0 ? "" : " OR ").append("(kind = ? AND key_value = ?)");
      params.add(k.kind().name());
      params.add(k.value());
    }
    params.add(tenant.value());
    return sql.query(SELECT + "WHERE id IN (SELECT lead_id FROM relay_lead_key WHERE tenant_id = ? AND (" + where
        + ")) AND tenant_id = ?" + FIRST_COME, this::read, params.toArray());
  }

  private void index(Connection c, Lead lead, boolean replace) throws SQLException {
    String tenant = lead.tenant().value();
    String id = lead.id().value();
    if (replace) {
      Statements.update(c, "DELETE FROM relay_lead_key WHERE tenant_id = ? AND lead_id = ?", tenant, id);
    }
    Statements.batch(c, "INSERT INTO relay_lead_key (tenant_id, kind, key_value, lead_id) VALUES (?, ?, ?, ?)",
        new ArrayList<>(keyRows(lead)));
  }

  private static List<Object[]> keyRows(Lead lead) {
    List<Object[]> keys = new ArrayList<>();
    for (MatchKey k : lead.keys()) {
      keys.add(new Object[] {lead.tenant().value(), k.kind().name(), k.value(), lead.id().value()});
    }
    return keys;
  }

  private Object[] values(Lead lead) {
    return new Object[] {lead.status().name(), lead.owner() == null ? null : lead.owner().value(),
        lead.firstContactAt() != null, lead.capturedAt(), lead.playbookVersion(), json.write(lead)};
  }

  private Lead read(ResultSet rs) throws SQLException {
    TenantId tenant = TenantId.of(rs.getString(1));
    return json.read(rs.getString(3), Lead.class, schemas.schema(tenant, rs.getInt(2), EntityKind.LEAD));
  }
}
