package dev.relay.incentive;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One weighted dimension of a scorecard.
 *
 * @param kind what it measures
 * @param weight its share of the score, a fraction; the weights of a scorecard total 1
 * @param target the raw value that counts as 100% (e.g. 1.0 attainment, 5 new customers, 90% compliance as 0.9)
 * @throws IllegalArgumentException if the weight is negative or the target not positive
 */
public record ScorecardDimension(DimensionKind kind, BigDecimal weight, BigDecimal target) {
  public ScorecardDimension {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(weight, "weight");
    Objects.requireNonNull(target, "target");
    if (weight.signum() < 0 || target.signum() <= 0) {
      throw new IllegalArgumentException(kind.jsonName() + ": weight must be >= 0 and target > 0: " + weight + ", "
          + target);
    }
  }

  public static ScorecardDimension of(DimensionKind kind, String weight, String target) {
    return new ScorecardDimension(kind, new BigDecimal(weight), new BigDecimal(target));
  }
}
