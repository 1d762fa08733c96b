package dev.relay.incentive;

import java.math.BigDecimal;
import java.util.List;

/**
 * How a yearly target spreads over its twelve months (季节性), e.g. less in February for the Spring Festival and more in
 * December. Weights are relative: {@code 8, 5, 8, …} means February gets 5 parts of the year's sum.
 *
 * @param monthWeights twelve non-negative weights, January first, not all zero
 * @throws IllegalArgumentException otherwise
 */
public record Seasonality(List<BigDecimal> monthWeights) {
  public Seasonality {
    monthWeights = List.copyOf(monthWeights);
    if (monthWeights.size() != 12) {
      throw new IllegalArgumentException("a seasonality profile has 12 monthly weights, not " + monthWeights.size());
    }
    if (monthWeights.stream().anyMatch(w -> w.signum() < 0) || monthWeights.stream().allMatch(w -> w.signum() == 0)) {
      throw new IllegalArgumentException("monthly weights must be non-negative and not all zero: " + monthWeights);
    }
  }

  /** Every month the same. */
  public static Seasonality flat() {
    return new Seasonality(java.util.Collections.nCopies(12, BigDecimal.ONE));
  }

  public static Seasonality of(int... weights) {
    return new Seasonality(java.util.Arrays.stream(weights).mapToObj(BigDecimal::valueOf).toList());
  }
}
