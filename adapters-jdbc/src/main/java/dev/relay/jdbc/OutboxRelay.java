package dev.relay.jdbc;

import dev.relay.common.TenantId;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Drains the outbox: hands undelivered events to a delivery in the order they were written and marks them delivered,
 * in one transaction per batch. On PostgreSQL the batch is read with {@code FOR UPDATE SKIP LOCKED}, so several relays
 * (one per engine) drain side by side without waiting or delivering the same row twice at once. Delivery is at least
 * once: if the delivery throws, or the process dies before the batch commits, the batch stays undelivered and comes
 * again, so consumers de-duplicate on {@link OutboxEvent#id()}. The host calls {@link #drain} on its own schedule;
 * Relay starts no threads.
 */
public final class OutboxRelay {
  private final JdbcTransactionRunner runner;
  private final Clock clock;
  private final String select;

  public OutboxRelay(JdbcTransactionRunner transactions, Clock clock) {
    this.runner = Objects.requireNonNull(transactions, "transactions");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.select = "SELECT seq, event_id, tenant_id, event_type, event_class, occurred_at, payload FROM relay_outbox"
        + " WHERE delivered_at IS NULL ORDER BY seq";
  }

  /**
   * Delivers up to {@code max} undelivered events, oldest first.
   *
   * @return how many were delivered (0 when the outbox is drained, or every pending row is held by another relay)
   * @throws IllegalArgumentException if {@code max < 1}
   * @throws IllegalStateException if called inside a unit of work (the batch must commit on its own)
   * @throws RuntimeException whatever the delivery threw; the batch is then left undelivered
   */
  public int drain(int max, Consumer<? super OutboxEvent> delivery) {
    if (max < 1) {
      throw new IllegalArgumentException("max must be at least 1, got " + max);
    }
    Objects.requireNonNull(delivery, "delivery");
    if (runner.inUnitOfWork()) {
      throw new IllegalStateException("drain outside a unit of work: delivered events must commit on their own");
    }
    return runner.withConnection(c -> {
      String sql = select + runner.dialect().limit(max) + runner.dialect().forUpdateSkipLocked();
      List<OutboxEvent> batch = Statements.query(c, sql, rs -> new OutboxEvent(rs.getLong(1),
          rs.getString(2), TenantId.of(rs.getString(3)), rs.getString(4), rs.getString(5),
          Objects.requireNonNull(Statements.instant(rs, "occurred_at")), rs.getString(7)));
      for (OutboxEvent e : batch) {
        delivery.accept(e);
      }
      markDelivered(c, batch);
      return batch.size();
    });
  }

  /**
   * Drains until the outbox is empty (or held by other relays).
   *
   * @return how many events were delivered
   */
  public int drainAll(int batchSize, Consumer<? super OutboxEvent> delivery) {
    int total = 0;
    for (int n; (n = drain(batchSize, delivery)) > 0; ) {
      total += n;
    }
    return total;
  }

  /**
   * Deletes the events delivered more than {@code retention} before now (by this relay's clock), oldest first, in
   * batches of at most {@code batchSize} rows, each batch in a transaction of its own so that a large backlog never
   * means one long transaction or many locks held at once. Events not yet delivered are never deleted. The host calls
   * this on its own schedule, like {@link #drain}.
   *
   * @return how many events were deleted
   * @throws IllegalArgumentException if {@code batchSize < 1} or the retention is negative
   * @throws IllegalStateException if called inside a unit of work (each batch must commit on its own)
   */
  public int purgeDelivered(Duration retention, int batchSize) {
    Objects.requireNonNull(retention, "retention");
    if (retention.isNegative()) {
      throw new IllegalArgumentException("retention must not be negative, got " + retention);
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
    }
    if (runner.inUnitOfWork()) {
      throw new IllegalStateException("purge outside a unit of work: each batch must commit on its own");
    }
    Instant cutoff = clock.instant().minus(retention);
    // Oldest first by seq, through the (delivered_at, seq) index; rows a drain holds are delivered already or skipped.
    String delete = "DELETE FROM relay_outbox WHERE seq IN (SELECT seq FROM relay_outbox WHERE delivered_at < ?"
        + " ORDER BY seq" + runner.dialect().limit(batchSize) + ")";
    int total = 0;
    int deleted;
    do {
      deleted = runner.withConnection(c -> Statements.update(c, delete, cutoff));
      total += deleted;
    } while (deleted == batchSize);
    return total;
  }

  /** How many events wait for delivery. */
  public long pending() {
    return runner.withConnection(c -> Statements.query(c, "SELECT COUNT(*) FROM relay_outbox WHERE delivered_at IS NULL",
        rs -> rs.getLong(1)).get(0));
  }

  private void markDelivered(Connection c, List<OutboxEvent> batch) throws SQLException {
    List<@Nullable Object[]> rows = new ArrayList<>(batch.size());
    java.time.Instant now = clock.instant();
    for (OutboxEvent e : batch) {
      rows.add(new Object[] {now, e.seq()});
    }
    Statements.batch(c, "UPDATE relay_outbox SET delivered_at = ? WHERE seq = ?", rows);
  }
}
