package dev.relay.jdbc;

import dev.relay.common.TenantId;
import java.time.Instant;
import java.util.Objects;

/**
 * One event as the outbox stores it, handed to the delivery of an {@link OutboxRelay}.
 *
 * @param seq the outbox's position, increasing in the order events were written
 * @param id the event's unique id: a consumer that may see an event twice (delivery is at least once) de-duplicates on it
 * @param tenant the tenant the event belongs to
 * @param type the event's stable type name, e.g. {@code lead.assigned}
 * @param eventClass the Java class the payload was written from
 * @param occurredAt when it happened
 * @param payload the event as JSON
 */
public record OutboxEvent(long seq, String id, TenantId tenant, String type, String eventClass, Instant occurredAt,
    String payload) {
  public OutboxEvent {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(eventClass, "eventClass");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(payload, "payload");
  }
}
