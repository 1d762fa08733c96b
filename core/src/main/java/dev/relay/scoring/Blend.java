package dev.relay.scoring;

/**
 * How the final score mixes the rule score with the predicted probability: {@code ruleWeight × rule score +
 * probabilityWeight × 100 × probability}. With weights 0.5/0.5 and rules capped at 100 the final score stays on a
 * 0–100 scale. {@link #rulesOnly()} ignores any model.
 *
 * @throws IllegalArgumentException if a weight is negative or not finite, or both are zero
 */
public record Blend(double ruleWeight, double probabilityWeight) {
  /** Probability 1 is worth this many points before weighting. */
  public static final double PROBABILITY_POINTS = 100.0;

  public Blend {
    if (!Double.isFinite(ruleWeight) || !Double.isFinite(probabilityWeight) || ruleWeight < 0
        || probabilityWeight < 0) {
      throw new IllegalArgumentException("blend weights must be finite and not negative, got " + ruleWeight + " and "
          + probabilityWeight);
    }
    if (ruleWeight == 0 && probabilityWeight == 0) {
      throw new IllegalArgumentException("a blend needs a positive weight");
    }
  }

  public static Blend rulesOnly() {
    return new Blend(1.0, 0.0);
  }

  /** The final score. */
  public double apply(double ruleScore, double probability) {
    return ruleWeight * ruleScore + probabilityWeight * PROBABILITY_POINTS * probability;
  }
}
