package dev.relay.jdbc;

import dev.relay.common.AccountId;
import dev.relay.common.DealId;
import dev.relay.common.TenantId;
import dev.relay.fields.EntityKind;
import dev.relay.pipeline.Deal;
import dev.relay.pipeline.DealRepository;
import dev.relay.pipeline.DealStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@link DealRepository} on table {@code relay_deal}: the deal as a JSON document beside its status, account, owner and
 * version columns. Writes are optimistic on the version column.
 */
public final class JdbcDealRepository implements DealRepository {
  private static final String SELECT = "SELECT tenant_id, playbook_version, document FROM relay_deal ";

  private final Statements sql;
  private final AggregateJson json;
  private final SchemaSource schemas;
  private final VersionedRows rows;

  public JdbcDealRepository(JdbcTransactionRunner transactions, SchemaSource schemas) {
    this.sql = new Statements(Objects.requireNonNull(transactions, "transactions"));
    this.json = new AggregateJson();
    this.schemas = Objects.requireNonNull(schemas, "schemas");
    this.rows = new VersionedRows(sql, "relay_deal", "deal",
        List.of("status", "account_id", "owner_id", "playbook_version", "document"));
  }

  @Override
  public Optional<Deal> find(DealId id) {
    Objects.requireNonNull(id, "id");
    return sql.queryOne(SELECT + "WHERE tenant_id = ? AND id = ?", this::read, id.tenant().value(), id.value());
  }

  @Override
  public void insert(Deal deal) {
    if (deal.version() != 1) {
      throw new IllegalArgumentException("a new deal has version 1, not " + deal.version() + ": " + deal.id());
    }
    rows.insert(deal.id(), 1, values(deal), VersionedRows.AfterWrite.NOTHING);
  }

  @Override
  public void save(Deal deal, long expectedVersion) {
    if (deal.version() != expectedVersion + 1) {
      throw new IllegalArgumentException("deal " + deal.id() + " saved as version " + deal.version()
          + " on top of version " + expectedVersion + "; versions grow by one");
    }
    rows.update(deal.id(), expectedVersion, deal.version(), values(deal), VersionedRows.AfterWrite.NOTHING);
  }

  @Override
  public List<Deal> findByStatus(TenantId tenant, Set<DealStatus> statuses) {
    Objects.requireNonNull(tenant, "tenant");
    if (statuses.isEmpty()) {
      return List.of();
    }
    List<Object> params = new ArrayList<>();
    params.add(tenant.value());
    statuses.forEach(s -> params.add(s.name()));
    return sql.query(SELECT + "WHERE tenant_id = ? AND status IN (" + placeholders(statuses) + ") ORDER BY id",
        this::read, params.toArray());
  }

  @Override
  public List<Deal> findByAccount(AccountId account) {
    Objects.requireNonNull(account, "account");
    return sql.query(SELECT + "WHERE tenant_id = ? AND account_id = ? ORDER BY id", this::read,
        account.tenant().value(), account.value());
  }

  private Object[] values(Deal deal) {
    return new Object[] {deal.status().name(), deal.account() == null ? null : deal.account().value(),
        deal.owner().value(), deal.playbookVersion(), json.write(deal)};
  }

  private Deal read(ResultSet rs) throws SQLException {
    TenantId tenant = TenantId.of(rs.getString(1));
    return json.read(rs.getString(3), Deal.class, schemas.schema(tenant, rs.getInt(2), EntityKind.DEAL));
  }

  static String placeholders(Collection<?> values) {
    return String.join(", ", Collections.nCopies(values.size(), "?"));
  }
}
