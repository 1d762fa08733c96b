package dev.relay.pipeline;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;

/**
 * One stage's row of a {@link FunnelReport}. Counts are of distinct deals; dwell figures are of visits. See {@link
 * FunnelAnalytics} for the exact definitions.
 *
 * @param stage the stage key
 * @param label the stage label as configured
 * @param entered deals that began a visit of the stage in the period
 * @param advanced deals that left the stage forward in the period
 * @param won deals won in the period in this stage (entering the won stage, or closed as won here)
 * @param lost deals lost in the period while in this stage
 * @param converted of the {@code entered} deals, those that later moved forward into a stage after this one
 * @param hasNextStage false for the last stage, whose conversion is undefined
 * @param dwellSamples visits of the stage that ended in the period
 * @param medianDwell nearest-rank median of those visits' durations, or {@code null} without samples
 * @param p90Dwell nearest-rank 90th percentile of those durations, or {@code null} without samples
 */
public record StageStats(
    String stage,
    String label,
    int entered,
    int advanced,
    int won,
    int lost,
    int converted,
    boolean hasNextStage,
    int dwellSamples,
    @Nullable Duration medianDwell,
    @Nullable Duration p90Dwell) {

  public StageStats {
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(label, "label");
    if (converted > entered) {
      throw new IllegalArgumentException("stage " + stage + ": " + converted + " converted of " + entered + " entered");
    }
  }

  /** {@code converted / entered}, empty for the last stage or when no deal entered. */
  public OptionalDouble conversion() {
    return hasNextStage && entered > 0 ? OptionalDouble.of((double) converted / entered) : OptionalDouble.empty();
  }
}
