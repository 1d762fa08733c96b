package dev.relay.jdbc;

import dev.relay.common.EventPublisher;
import dev.relay.common.RelayEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * {@link EventPublisher} as a transactional outbox: each event becomes a row of {@code relay_outbox} written on the
 * connection of the current unit of work, so it commits with the change that caused it or not at all. Nothing is
 * delivered here; an {@link OutboxRelay} (or Debezium reading the table) delivers after commit. Each event gets a
 * random UUID as its id for consumers to de-duplicate on.
 */
public final class OutboxEventPublisher implements EventPublisher {
  private static final String INSERT = "INSERT INTO relay_outbox (tenant_id, event_id, event_type, event_class,"
      + " occurred_at, payload) VALUES (?, ?, ?, ?, ?, ?)";

  private final JdbcTransactionRunner runner;
  private final AggregateJson json = new AggregateJson();

  public OutboxEventPublisher(JdbcTransactionRunner transactions) {
    this.runner = Objects.requireNonNull(transactions, "transactions");
  }

  @Override
  public void publish(List<? extends RelayEvent> events) {
    Objects.requireNonNull(events, "events");
    if (events.isEmpty()) {
      return;
    }
    List<Object[]> rows = new ArrayList<>(events.size());
    for (RelayEvent e : events) {
      rows.add(new Object[] {e.tenant().value(), UUID.randomUUID().toString(), e.type(), e.getClass().getName(),
          e.occurredAt(), json.write(e)});
    }
    // Nothing reads the outbox before commit, so on PostgreSQL the rows travel with the commit (one round trip less).
    runner.withConnection(c -> {
      runner.insertBeforeCommit(c, INSERT, rows);
      return null;
    });
  }
}
