package dev.relay.pipeline;

import dev.relay.common.DealId;
import dev.relay.common.RepId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A deal that has stayed in a stage longer than the stage's SLA, as reported once per stage visit by {@link
 * SlaMonitor}.
 *
 * @param deal the deal
 * @param stage the stage it overstayed
 * @param responsible who is responsible for it in that stage
 * @param enteredAt when the visit began
 * @param due {@code enteredAt} plus the stage's SLA
 * @param overdue how far past {@code due} the check found it
 */
public record SlaBreach(DealId deal, String stage, RepId responsible, Instant enteredAt, Instant due,
    Duration overdue) {
  public SlaBreach {
    Objects.requireNonNull(deal, "deal");
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(responsible, "responsible");
    Objects.requireNonNull(enteredAt, "enteredAt");
    Objects.requireNonNull(due, "due");
    Objects.requireNonNull(overdue, "overdue");
  }
}
