package dev.relay.scoring;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How a trained model turns one field's value into what its estimator reads: a level code (categorical, and numeric
 * fields binned for naive Bayes) or a standardised number (numeric fields for logistic regression). Code 0 is always
 * the missing value; -1 is a level the training history never had.
 */
sealed interface FeatureEncoding {
  String field();

  /** The code of a value (see the interface); for standardised numbers 0 (missing) or 1 (present). */
  int code(@Nullable Object value);

  /** The standardised value, or 0 when missing; only meaningful for {@link Standardised}. */
  default double z(@Nullable Object value) {
    return 0;
  }

  /** The level text a factor shows. */
  String text(int code, @Nullable Object value);

  /** Levels by code, level 0 being {@link TrainingSet#MISSING}. */
  record Levels(String field, List<String> levels, Map<String, Integer> index) implements FeatureEncoding {
    static Levels of(String field, List<String> levels) {
      Map<String, Integer> index = new HashMap<>();
      for (int i = 1; i < levels.size(); i++) {
        index.put(levels.get(i), i);
      }
      return new Levels(field, List.copyOf(levels), Map.copyOf(index));
    }

    @Override
    public int code(@Nullable Object value) {
      String level = TrainingSet.levelOf(value);
      if (level == null) {
        return 0;
      }
      Integer code = index.get(level);
      return code == null ? -1 : code;
    }

    @Override
    public String text(int code, @Nullable Object value) {
      return code >= 0 ? levels.get(code) : String.valueOf(TrainingSet.levelOf(value));
    }
  }

  /** Bins at ascending edges: code 0 missing, code {@code 1 + k} for values with {@code k} edges at or below them. */
  record Bins(String field, double[] edges) implements FeatureEncoding {
    @Override
    public int code(@Nullable Object value) {
      return binCode(TrainingSet.numberOf(field, value));
    }

    int binCode(double x) {
      if (Double.isNaN(x)) {
        return 0;
      }
      int lo = 0;
      int hi = edges.length;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (edges[mid] <= x) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo + 1;
    }

    int levelCount() {
      return edges.length + 2;
    }

    @Override
    public String text(int code, @Nullable Object value) {
      if (code == 0) {
        return TrainingSet.MISSING;
      }
      int k = code - 1;
      if (edges.length == 0) {
        return "any";
      }
      if (k == 0) {
        return "< " + num(edges[0]);
      }
      if (k == edges.length) {
        return "≥ " + num(edges[edges.length - 1]);
      }
      return "[" + num(edges[k - 1]) + ", " + num(edges[k]) + ")";
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Bins b && b.field.equals(field) && Arrays.equals(b.edges, edges);
    }

    @Override
    public int hashCode() {
      return field.hashCode() * 31 + Arrays.hashCode(edges);
    }
  }

  /** A number standardised by the training mean and standard deviation; code 0 missing, 1 present. */
  record Standardised(String field, double mean, double sd) implements FeatureEncoding {
    @Override
    public int code(@Nullable Object value) {
      return Double.isNaN(TrainingSet.numberOf(field, value)) ? 0 : 1;
    }

    @Override
    public double z(@Nullable Object value) {
      return z(TrainingSet.numberOf(field, value));
    }

    double z(double x) {
      return Double.isNaN(x) ? 0 : (x - mean) / sd;
    }

    @Override
    public String text(int code, @Nullable Object value) {
      return code == 0 ? TrainingSet.MISSING : num(TrainingSet.numberOf(field, value));
    }
  }

  static String num(double x) {
    return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x)
        : java.math.BigDecimal.valueOf(x).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
  }
}
