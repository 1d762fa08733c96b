package dev.relay.scoring;

import java.util.List;
import java.util.Objects;

/**
 * One field a predictive model learns from. A missing value is always a level of its own ("not given" can predict as
 * much as any answer).
 */
public sealed interface FeatureSpec {
  /** The record field it reads. */
  String field();

  /** A field read as levels: enums, strings, booleans (integers too, if they are codes). */
  record Categorical(String field) implements FeatureSpec {
    public Categorical {
      Objects.requireNonNull(field, "field");
    }
  }

  /**
   * A numeric field. Naive Bayes bins it at {@code edges} when given, else at {@code quantiles} quantiles of the
   * training set; logistic regression standardises it.
   *
   * @param edges ascending, distinct bin edges; empty to use quantiles
   * @param quantiles the number of training-set quantile bins when {@code edges} is empty
   * @throws IllegalArgumentException if the edges are not ascending and finite, or quantiles is below 2
   */
  record Numeric(String field, List<Double> edges, int quantiles) implements FeatureSpec {
    public Numeric {
      Objects.requireNonNull(field, "field");
      edges = List.copyOf(edges);
      for (int i = 0; i < edges.size(); i++) {
        if (!Double.isFinite(edges.get(i)) || (i > 0 && edges.get(i) <= edges.get(i - 1))) {
          throw new IllegalArgumentException("bin edges of '" + field + "' must be finite and ascending, got "
              + edges);
        }
      }
      if (edges.isEmpty() && quantiles < 2) {
        throw new IllegalArgumentException("'" + field + "' needs at least 2 quantile bins, got " + quantiles);
      }
    }
  }

  static Categorical categorical(String field) {
    return new Categorical(field);
  }

  /** A numeric field in {@code quantiles} training-set quantile bins. */
  static Numeric quantiles(String field, int quantiles) {
    return new Numeric(field, List.of(), quantiles);
  }

  /** A numeric field binned at fixed edges. */
  static Numeric edges(String field, Double... edges) {
    return new Numeric(field, List.of(edges), 10);
  }
}
