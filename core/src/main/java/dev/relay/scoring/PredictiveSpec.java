package dev.relay.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What to train a predictive model on and how: the kind, the fields, the smoothing (naive Bayes) or L2 strength
 * (logistic regression), per-team models, and the minimum history below which a model is not trusted.
 *
 * @param smoothing naive Bayes' additive (Laplace) smoothing, added to every level count; 1 by default
 * @param l2 logistic regression's L2 penalty λ on the weights (not the intercept), as in {@code λ/2 ‖w‖²} over the
 *     summed log-loss; 1 by default (scikit-learn's {@code C = 1})
 * @param perTeam whether to train one model per team beside the all-teams model; a team falls back to the all-teams
 *     model when it has too little history
 * @param minHistory the least number of closed records, with at least one won and one lost, a model needs; below
 *     it the team falls back to all teams, and all teams fall back to the prior (the smoothed won rate)
 * @param topFactors how many positive and how many negative factors a prediction lists
 * @throws IllegalArgumentException if there are no features, a field repeats, or a number is out of range
 */
public record PredictiveSpec(ModelKind kind, List<FeatureSpec> features, double smoothing, double l2,
    boolean perTeam, int minHistory, int topFactors) {
  public PredictiveSpec {
    Objects.requireNonNull(kind, "kind");
    features = List.copyOf(features);
    if (features.isEmpty()) {
      throw new IllegalArgumentException("a predictive model needs at least one feature");
    }
    if (features.stream().map(FeatureSpec::field).distinct().count() != features.size()) {
      throw new IllegalArgumentException("a feature field repeats: " + features);
    }
    if (!(smoothing > 0) || !Double.isFinite(smoothing)) {
      throw new IllegalArgumentException("smoothing must be positive, got " + smoothing);
    }
    if (!(l2 >= 0) || !Double.isFinite(l2)) {
      throw new IllegalArgumentException("l2 must not be negative, got " + l2);
    }
    if (minHistory < 0) {
      throw new IllegalArgumentException("min history must not be negative, got " + minHistory);
    }
    if (topFactors < 0) {
      throw new IllegalArgumentException("top factors must not be negative, got " + topFactors);
    }
  }

  public static Builder builder(ModelKind kind) {
    return new Builder(kind);
  }

  /** Defaults: smoothing 1, λ 1, no per-team models, a history of 50, 3 factors each way. */
  public static final class Builder {
    private final ModelKind kind;
    private final List<FeatureSpec> features = new ArrayList<>();
    private double smoothing = 1.0;
    private double l2 = 1.0;
    private boolean perTeam;
    private int minHistory = 50;
    private int topFactors = 3;

    private Builder(ModelKind kind) {
      this.kind = Objects.requireNonNull(kind, "kind");
    }

    public Builder feature(FeatureSpec value) {
      features.add(Objects.requireNonNull(value, "feature"));
      return this;
    }

    public Builder categorical(String... fields) {
      for (String f : fields) {
        feature(FeatureSpec.categorical(f));
      }
      return this;
    }

    public Builder quantiles(int bins, String... fields) {
      for (String f : fields) {
        feature(FeatureSpec.quantiles(f, bins));
      }
      return this;
    }

    public Builder smoothing(double value) {
      this.smoothing = value;
      return this;
    }

    public Builder l2(double value) {
      this.l2 = value;
      return this;
    }

    public Builder perTeam(boolean value) {
      this.perTeam = value;
      return this;
    }

    public Builder minHistory(int value) {
      this.minHistory = value;
      return this;
    }

    public Builder topFactors(int value) {
      this.topFactors = value;
      return this;
    }

    /** @throws IllegalArgumentException as the record does */
    public PredictiveSpec build() {
      return new PredictiveSpec(kind, features, smoothing, l2, perTeam, minHistory, topFactors);
    }
  }
}
