package dev.relay.scoring;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A predicted win probability with its explanation: {@code logOdds = baseLogOdds + Σ factors}, {@code probability =
 * 1 / (1 + e^-logOdds)}. For naive Bayes the base is the (calibrated) prior and each factor a field's calibrated
 * log-likelihood ratio; for logistic regression the base is the intercept and each factor a field's weight times its
 * value. A prediction from the prior alone has no factors.
 *
 * @param probability the calibrated probability of winning, in [0, 1]
 * @param logOdds the log-odds of {@code probability}
 * @param baseLogOdds the part that does not depend on the record
 * @param basis which model answered: the team's, all teams', or the prior when history was too short
 * @param factors every field's contribution, largest first
 * @param topFactors how many factors each way {@link #topPositive()} and {@link #topNegative()} list
 */
public record Prediction(double probability, double logOdds, double baseLogOdds, Basis basis, List<Factor> factors,
    int topFactors) {
  public Prediction {
    Objects.requireNonNull(basis, "basis");
    factors = factors.stream().sorted(Comparator.comparingDouble(Factor::contribution).reversed()).toList();
    if (!(probability >= 0 && probability <= 1)) {
      throw new IllegalArgumentException("probability must be in [0, 1], got " + probability);
    }
  }

  /** Which model gave a prediction. */
  public enum Basis {
    /** The record's team's own model. */
    TEAM,
    /** The model over all teams (no team given, or the team's history was too short). */
    ALL_TEAMS,
    /** The smoothed won rate alone: too little history for any model. */
    PRIOR
  }

  /** The strongest factors towards winning, at most {@code topFactors}, largest first. */
  public List<Factor> topPositive() {
    return factors.stream().filter(f -> f.contribution() > 0).limit(topFactors).toList();
  }

  /** The strongest factors towards losing, at most {@code topFactors}, most negative first. */
  public List<Factor> topNegative() {
    return factors.stream().filter(f -> f.contribution() < 0)
        .sorted(Comparator.comparingDouble(Factor::contribution)).limit(topFactors).toList();
  }

  static double sigmoid(double logOdds) {
    return logOdds >= 0 ? 1.0 / (1.0 + Math.exp(-logOdds)) : Math.exp(logOdds) / (1.0 + Math.exp(logOdds));
  }
}
