package dev.relay.jdbc;

import dev.relay.common.DealId;
import dev.relay.common.Money;
import dev.relay.common.Period;
import dev.relay.common.PeriodKind;
import dev.relay.common.RepId;
import dev.relay.common.TenantId;
import dev.relay.incentive.ClosedPeriodException;
import dev.relay.incentive.CommissionStatement;
import dev.relay.incentive.LineKind;
import dev.relay.incentive.StatementLine;
import dev.relay.incentive.StatementRepository;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@link StatementRepository} on tables {@code relay_statement} (one JSON document per tenant, rep and period, beside
 * the key columns), {@code relay_statement_deal} (which statements have a line naming a deal, rewritten with the
 * statement) and {@code relay_statement_closed} (frozen periods). A period is keyed by its kind, first local day and
 * zone, as {@link Period#equals} compares them.
 *
 * <p>Saves and closes of one tenant are serialised by the tenant's {@code statement} row lock, in this engine and in
 * every other one on the database: a save that found its period open commits before a close of that period can, so no
 * statement changes after its period was seen closed. The port has no versions: a save replaces the statement, as the
 * in-memory reference does. Lists are sorted here with the reference's comparators, so every database orders alike.
 *
 * <p>Methods throw {@link dev.relay.common.StorageException} if the database fails.
 */
public final class JdbcStatementRepository implements StatementRepository {
  private static final String LOCK_PURPOSE = "statement";
  private static final String KEY = "rep_id = ? AND period_kind = ? AND period_first_day = ? AND period_zone = ?";
  private static final String COLUMNS = "s.rep_id, s.period_kind, s.period_first_day, s.period_zone, s.document";

  private static final Comparator<CommissionStatement> BY_PERIOD =
      Comparator.comparing((CommissionStatement s) -> s.period().start()).thenComparing(s -> s.period().kind());
  private static final Comparator<CommissionStatement> BY_REP = Comparator.comparing(s -> s.rep().value());

  private final Statements sql;
  private final TenantLocks locks;
  private final AggregateJson json = new AggregateJson();

  public JdbcStatementRepository(JdbcTransactionRunner transactions) {
    this.sql = new Statements(Objects.requireNonNull(transactions, "transactions"));
    this.locks = new TenantLocks(sql.dialect());
  }

  @Override
  public void save(CommissionStatement statement) {
    Objects.requireNonNull(statement, "statement");
    TenantId tenant = statement.rep().tenant();
    Period period = statement.period();
    String document = json.write(StoredStatement.of(statement));
    Object[] key = key(tenant, statement.rep().value(), period);
    List<@Nullable Object[]> deals = new ArrayList<>();
    for (String deal : dealsOf(statement)) {
      deals.add(new Object[] {tenant.value(), deal, key[1], key[2], key[3], key[4]});
    }
    sql.runner().withConnection(c -> {
      locks.lock(c, tenant.value(), LOCK_PURPOSE);
      if (isClosed(c, tenant, period)) {
        throw new ClosedPeriodException(tenant, period);
      }
      Statements.update(c, "DELETE FROM relay_statement_deal WHERE tenant_id = ? AND " + KEY, key);
      int updated = Statements.update(c, "UPDATE relay_statement SET document = ? WHERE tenant_id = ? AND " + KEY,
          prepend(document, key));
      if (updated == 0) {
        // No row to replace; the tenant lock keeps any other save of this key out until this one commits.
        Statements.update(c, "INSERT INTO relay_statement (tenant_id, rep_id, period_kind, period_first_day,"
            + " period_zone, document) VALUES (?, ?, ?, ?, ?, ?)", append(key, document));
      }
      Statements.batch(c, "INSERT INTO relay_statement_deal (tenant_id, deal_id, rep_id, period_kind,"
          + " period_first_day, period_zone) VALUES (?, ?, ?, ?, ?, ?)", deals);
      return null;
    });
  }

  @Override
  public Optional<CommissionStatement> find(RepId rep, Period period) {
    Objects.requireNonNull(rep, "rep");
    Objects.requireNonNull(period, "period");
    TenantId tenant = rep.tenant();
    return sql.query("SELECT " + COLUMNS + " FROM relay_statement s WHERE s.tenant_id = ? AND s."
        + KEY.replace(" AND ", " AND s."), rs -> read(tenant, rs), key(tenant, rep.value(), period))
        .stream().findFirst();
  }

  @Override
  public List<CommissionStatement> findAll(TenantId tenant, Period period) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(period, "period");
    List<CommissionStatement> found = sql.query("SELECT " + COLUMNS + " FROM relay_statement s WHERE s.tenant_id = ?"
        + " AND s.period_kind = ? AND s.period_first_day = ? AND s.period_zone = ?", rs -> read(tenant, rs),
        tenant.value(), period.kind().name(), period.firstDay(), period.zone().getId());
    return sorted(found, BY_REP);
  }

  @Override
  public List<CommissionStatement> findByRep(RepId rep) {
    Objects.requireNonNull(rep, "rep");
    TenantId tenant = rep.tenant();
    List<CommissionStatement> found = sql.query("SELECT " + COLUMNS + " FROM relay_statement s"
        + " WHERE s.tenant_id = ? AND s.rep_id = ?", rs -> read(tenant, rs), tenant.value(), rep.value());
    return sorted(found, BY_PERIOD);
  }

  @Override
  public List<CommissionStatement> findByDeal(DealId deal) {
    Objects.requireNonNull(deal, "deal");
    TenantId tenant = deal.tenant();
    List<CommissionStatement> found = sql.query("SELECT " + COLUMNS + " FROM relay_statement_deal d"
        + " JOIN relay_statement s ON s.tenant_id = d.tenant_id AND s.rep_id = d.rep_id"
        + " AND s.period_kind = d.period_kind AND s.period_first_day = d.period_first_day"
        + " AND s.period_zone = d.period_zone WHERE d.tenant_id = ? AND d.deal_id = ?", rs -> read(tenant, rs),
        tenant.value(), deal.value());
    return sorted(found, BY_PERIOD.thenComparing(BY_REP));
  }

  @Override
  public void close(TenantId tenant, Period period) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(period, "period");
    sql.runner().withConnection(c -> {
      // Waits for saves of the tenant in flight; under the lock, checking then inserting cannot race.
      locks.lock(c, tenant.value(), LOCK_PURPOSE);
      if (!isClosed(c, tenant, period)) {
        Statements.update(c, "INSERT INTO relay_statement_closed (tenant_id, period_kind, period_first_day,"
            + " period_zone) VALUES (?, ?, ?, ?)", tenant.value(), period.kind().name(), period.firstDay(),
            period.zone().getId());
      }
      return null;
    });
  }

  @Override
  public boolean isClosed(TenantId tenant, Period period) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(period, "period");
    return sql.runner().withConnection(c -> isClosed(c, tenant, period));
  }

  private static boolean isClosed(Connection c, TenantId tenant, Period period) throws SQLException {
    return !Statements.query(c, "SELECT 1 FROM relay_statement_closed WHERE tenant_id = ? AND period_kind = ?"
        + " AND period_first_day = ? AND period_zone = ?", rs -> 1, tenant.value(), period.kind().name(),
        period.firstDay(), period.zone().getId()).isEmpty();
  }

  private CommissionStatement read(TenantId tenant, ResultSet rs) throws SQLException {
    RepId rep = RepId.of(tenant, rs.getString(1));
    Period period = new Period(PeriodKind.valueOf(rs.getString(2)), rs.getObject(3, LocalDate.class),
        ZoneId.of(rs.getString(4)));
    return json.read(rs.getString(5), StoredStatement.class).toStatement(rep, period);
  }

  private static Object[] key(TenantId tenant, String rep, Period period) {
    return new Object[] {tenant.value(), rep, period.kind().name(), period.firstDay(), period.zone().getId()};
  }

  /** The local ids of the deals the statement's lines name, each once. */
  private static Set<String> dealsOf(CommissionStatement statement) {
    Set<String> deals = new LinkedHashSet<>();
    for (StatementLine line : statement.lines()) {
      if (line.deal() != null) {
        deals.add(line.deal().value());
      }
    }
    return deals;
  }

  private static List<CommissionStatement> sorted(List<CommissionStatement> found,
      Comparator<CommissionStatement> order) {
    List<CommissionStatement> out = new ArrayList<>(found);
    out.sort(order);
    return List.copyOf(out);
  }

  private static Object[] prepend(Object first, Object[] rest) {
    Object[] out = new Object[rest.length + 1];
    out[0] = first;
    System.arraycopy(rest, 0, out, 1, rest.length);
    return out;
  }

  private static Object[] append(Object[] first, Object last) {
    Object[] out = java.util.Arrays.copyOf(first, first.length + 1);
    out[first.length] = last;
    return out;
  }

  /**
   * A statement's document: what the key columns do not hold. Lines name their deal by its local id (the tenant is the
   * row's) and keep every part the line's public constructor takes, which checks them again on every read.
   */
  record StoredStatement(String plan, Currency currency, List<StoredLine> lines, Money drawBalance) {
    static StoredStatement of(CommissionStatement s) {
      List<StoredLine> lines = new ArrayList<>(s.lines().size());
      for (StatementLine l : s.lines()) {
        lines.add(new StoredLine(l.component(), l.kind(), l.deal() == null ? null : l.deal().value(), l.subject(),
            l.base(), l.rate(), l.tier(), l.amount(), l.adjusts()));
      }
      return new StoredStatement(s.plan(), s.currency(), lines, s.drawBalance());
    }

    CommissionStatement toStatement(RepId rep, Period period) {
      List<StatementLine> rebuilt = new ArrayList<>(lines.size());
      for (StoredLine l : lines) {
        rebuilt.add(new StatementLine(l.component(), l.kind(),
            l.deal() == null ? null : DealId.of(rep.tenant(), l.deal()), l.subject(), l.base(), l.rate(), l.tier(),
            l.amount(), l.adjusts()));
      }
      return new CommissionStatement(rep, period, plan, currency, rebuilt, drawBalance);
    }
  }

  /** One line of a stored statement. */
  record StoredLine(String component, LineKind kind, @Nullable String deal, String subject, Money base,
      @Nullable BigDecimal rate, String tier, Money amount, @Nullable Period adjusts) {}
}
