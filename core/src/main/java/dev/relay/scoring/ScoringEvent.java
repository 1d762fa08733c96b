package dev.relay.scoring;

import dev.relay.common.RelayEvent;
import dev.relay.common.TenantId;
import dev.relay.common.TenantScopedId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** What scoring reports through {@link dev.relay.common.EventPublisher}. */
public sealed interface ScoringEvent extends RelayEvent {

  /** The lead, account or deal the event is about. */
  TenantScopedId subject();

  @Override
  default TenantId tenant() {
    return subject().tenant();
  }

  /**
   * A record's grade changed on re-scoring (an unchanged grade is not an event, however much the score moved).
   *
   * @param from the grade before, or {@code null} when the record had none
   * @param to the new grade
   * @param score the new score
   */
  record GradeChanged(TenantScopedId subject, String model, @Nullable String from, String to, double score,
      Instant occurredAt) implements ScoringEvent {
    @Override
    public String type() {
      return "scoring.grade_changed";
    }
  }
}
