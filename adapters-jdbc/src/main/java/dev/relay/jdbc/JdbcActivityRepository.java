package dev.relay.jdbc;

import dev.relay.activity.Activity;
import dev.relay.activity.ActivityRepository;
import dev.relay.common.AccountId;
import dev.relay.common.ActivityId;
import dev.relay.common.ConcurrencyConflictException;
import dev.relay.common.DealId;
import dev.relay.common.RepId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link ActivityRepository} on table {@code relay_activity}, append-only: the activity as a JSON document beside the
 * account, deal, author and time columns its timelines are read by.
 */
public final class JdbcActivityRepository implements ActivityRepository {
  private static final String SELECT = "SELECT document FROM relay_activity ";
  private static final String NEWEST_FIRST = " ORDER BY occurred_at DESC, recorded_at DESC, id DESC";

  private final Statements sql;
  private final AggregateJson json = new AggregateJson();
  private final String insert;

  public JdbcActivityRepository(JdbcTransactionRunner transactions) {
    this.sql = new Statements(Objects.requireNonNull(transactions, "transactions"));
    this.insert = sql.dialect().insertIgnoringDuplicate("relay_activity",
        "tenant_id, id, account_id, deal_id, author_id, occurred_at, recorded_at, document", "?, ?, ?, ?, ?, ?, ?, ?");
  }

  @Override
  public void insert(Activity activity) {
    Objects.requireNonNull(activity, "activity");
    AccountId account = activity.subject().account();
    DealId deal = activity.subject().deal();
    boolean inserted = sql.runner().withConnection(c -> {
      try {
        return Statements.update(c, insert, activity.tenant().value(), activity.id().value(),
            account == null ? null : account.value(), deal == null ? null : deal.value(), activity.author().value(),
            activity.occurredAt(), activity.recordedAt(), json.write(activity)) == 1;
      } catch (SQLException e) {
        if (sql.dialect().isDuplicateKey(e)) {
          return false;
        }
        throw e;
      }
    });
    if (!inserted) {
      throw new ConcurrencyConflictException(activity.id(), 0, 1);
    }
  }

  @Override
  public Optional<Activity> find(ActivityId id) {
    Objects.requireNonNull(id, "id");
    return sql.queryOne(SELECT + "WHERE tenant_id = ? AND id = ?", this::read, id.tenant().value(), id.value());
  }

  @Override
  public List<Activity> findByAccount(AccountId account, int limit) {
    Objects.requireNonNull(account, "account");
    checkLimit(limit);
    return sql.query(SELECT + "WHERE tenant_id = ? AND account_id = ?" + NEWEST_FIRST + sql.dialect().limit(limit),
        this::read, account.tenant().value(), account.value());
  }

  @Override
  public List<Activity> findByDeal(DealId deal, int limit) {
    Objects.requireNonNull(deal, "deal");
    checkLimit(limit);
    return sql.query(SELECT + "WHERE tenant_id = ? AND deal_id = ?" + NEWEST_FIRST + sql.dialect().limit(limit),
        this::read, deal.tenant().value(), deal.value());
  }

  @Override
  public List<Activity> findByAuthor(RepId author, Instant from, Instant to) {
    Objects.requireNonNull(author, "author");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("time range ends at " + to + " before it starts at " + from);
    }
    return sql.query(SELECT + "WHERE tenant_id = ? AND author_id = ? AND occurred_at >= ? AND occurred_at < ?"
        + " ORDER BY occurred_at, recorded_at, id", this::read, author.tenant().value(), author.value(), from, to);
  }

  @Override
  public Optional<Instant> latestActivityAt(AccountId account) {
    Objects.requireNonNull(account, "account");
    // The document holds the exact instant; the column may be rounded to the database's precision.
    return sql.queryOne(SELECT + "WHERE tenant_id = ? AND account_id = ?" + NEWEST_FIRST + sql.dialect().limit(1),
        this::read, account.tenant().value(), account.value()).map(Activity::occurredAt);
  }

  private static void checkLimit(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, got " + limit);
    }
  }

  private Activity read(ResultSet rs) throws SQLException {
    return json.read(rs.getString(1), Activity.class);
  }
}
