package dev.relay.common;

import java.time.Instant;

/**
 * Something that happened, named in the past tense. Events are immutable records published through {@link
 * EventPublisher} as part of the change that caused them.
 */
public interface RelayEvent {
  TenantId tenant();

  Instant occurredAt();

  /** A stable type name for routing and serialisation, e.g. {@code pipeline.stage_changed}. */
  String type();
}
