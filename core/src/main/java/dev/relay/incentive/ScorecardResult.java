package dev.relay.incentive;

import dev.relay.common.RepId;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A rep's scorecard result with its breakdown: the score is the sum of the dimensions' points.
 *
 * @param rep whose
 * @param role the scorecard's role
 * @param score the total, 100 when every target is met exactly
 * @param dimensions each dimension's raw value, target, normalised value, weight and points
 */
public record ScorecardResult(RepId rep, String role, BigDecimal score, List<DimensionScore> dimensions) {
  public ScorecardResult {
    Objects.requireNonNull(rep, "rep");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(score, "score");
    dimensions = List.copyOf(dimensions);
  }

  public Optional<DimensionScore> dimension(DimensionKind kind) {
    return dimensions.stream().filter(d -> d.kind() == kind).findFirst();
  }

  /**
   * One dimension of a result.
   *
   * @param kind what was measured
   * @param raw the measured value
   * @param target the value that counts as 100%
   * @param normalised raw ÷ target, capped, 4 decimals
   * @param weight the dimension's weight
   * @param points normalised × weight × 100, 2 decimals
   */
  public record DimensionScore(DimensionKind kind, BigDecimal raw, BigDecimal target, BigDecimal normalised,
      BigDecimal weight, BigDecimal points) {
    public DimensionScore {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(raw, "raw");
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(normalised, "normalised");
      Objects.requireNonNull(weight, "weight");
      Objects.requireNonNull(points, "points");
    }
  }
}
