package dev.relay.pipeline;

import dev.relay.common.DealId;
import dev.relay.common.RepId;
import java.time.Duration;
import java.util.Objects;

/**
 * A deal in progress that has stayed in its current stage longer than it should: longer than the stage's SLA, or, for
 * a stage without SLA, longer than the stage's 90th-percentile dwell in the same report.
 *
 * @param deal the deal
 * @param name its name
 * @param stage the stage it is stuck in
 * @param responsible who is responsible for it there
 * @param dwell how long it has been there
 * @param limit the SLA or p90 it exceeds
 * @param limitKind which of the two {@code limit} is
 */
public record StalledDeal(DealId deal, String name, String stage, RepId responsible, Duration dwell, Duration limit,
    Limit limitKind) {

  public StalledDeal {
    Objects.requireNonNull(deal, "deal");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(responsible, "responsible");
    Objects.requireNonNull(dwell, "dwell");
    Objects.requireNonNull(limit, "limit");
    Objects.requireNonNull(limitKind, "limitKind");
  }

  /** How far past the limit it is. */
  public Duration overshoot() {
    return dwell.minus(limit);
  }

  /** What a stalled deal's limit is. */
  public enum Limit {
    /** The stage's configured SLA. */
    SLA,
    /** The stage's 90th-percentile dwell in the report (the stage has no SLA). */
    STAGE_P90
  }
}
