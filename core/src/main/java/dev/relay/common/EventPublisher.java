package dev.relay.common;

import java.util.List;

/**
 * Port through which application services publish the events of a change. Services call it inside the {@link
 * TransactionRunner} boundary of that change; a durable implementation (such as a transactional outbox) writes the events
 * in that transaction and delivers them only after commit.
 */
public interface EventPublisher {
  void publish(List<? extends RelayEvent> events);
}
