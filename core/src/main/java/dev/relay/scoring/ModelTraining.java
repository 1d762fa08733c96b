package dev.relay.scoring;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Trains {@link PredictiveModel}s on a {@link TrainingSet}, in plain Java over int-coded arrays.
 *
 * <ul>
 *   <li><b>Naive Bayes</b>: numeric features binned at their configured edges or at training-set quantiles
 *       (interpolated percentiles, repeated edges dropped); per feature and level the won and lost counts with
 *       additive smoothing; raw log-odds calibrated by Platt scaling fitted on the training rows.
 *   <li><b>Logistic regression</b>: categoricals one-hot (the missing level included), numerics standardised with a
 *       separate weight for "missing"; {@code Σ log-loss + λ/2 ‖w‖²} (intercept unpenalised) minimised by Newton's
 *       method with a Cholesky solve, which converges in a handful of passes.
 * </ul>
 *
 * <p>Every table needs {@link PredictiveSpec#minHistory()} rows with at least one won and one lost; a team below it
 * gets no table of its own, and when all teams together are below it the model predicts the prior. Encodings
 * (levels, edges, means) come from the whole history and are shared by the team tables.
 */
public final class ModelTraining {
  private static final int MAX_NEWTON_STEPS = 50;
  private static final double TOLERANCE = 1e-8;

  private ModelTraining() {}

  /**
   * Trains a model of {@code spec}'s kind on {@code history}.
   *
   * @param clock gives the training time recorded in the summary
   * @throws IllegalArgumentException if the history's features are not the spec's
   */
  public static PredictiveModel train(PredictiveSpec spec, TrainingSet history, Clock clock) {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(history, "history");
    Objects.requireNonNull(clock, "clock");
    if (!history.features().equals(spec.features())) {
      throw new IllegalArgumentException("the training set was built for " + history.features()
          + ", the spec needs " + spec.features());
    }
    return train(spec, history, clock.instant());
  }

  static PredictiveModel train(PredictiveSpec spec, TrainingSet set, Instant trainedAt) {
    List<FeatureEncoding> encodings = encodings(spec, set);
    Encoded encoded = encode(set, encodings);
    int n = set.size();
    boolean[] y = set.outcomes();
    int[] everyRow = new int[n];
    Arrays.setAll(everyRow, i -> i);
    Estimator all = enough(y, everyRow, spec.minHistory()) ? fit(spec, encodings, encoded, y, everyRow) : null;
    Map<String, Estimator> teams = new HashMap<>();
    Map<String, Integer> teamRows = new HashMap<>();
    if (spec.perTeam() && all != null) {
      List<List<Integer>> byTeam = new ArrayList<>();
      set.teamNames().forEach(t -> byTeam.add(new ArrayList<>()));
      int[] team = set.teamIndexes();
      for (int i = 0; i < n; i++) {
        if (team[i] >= 0) {
          byTeam.get(team[i]).add(i);
        }
      }
      for (int t = 0; t < byTeam.size(); t++) {
        int[] rows = byTeam.get(t).stream().mapToInt(Integer::intValue).toArray();
        if (enough(y, rows, spec.minHistory())) {
          teams.put(set.teamNames().get(t), fit(spec, encodings, encoded, y, rows));
          teamRows.put(set.teamNames().get(t), rows.length);
        }
      }
    }
    int won = set.wonCount();
    double prior = Math.log((won + spec.smoothing()) / (n - won + spec.smoothing()));
    long[] at = set.closedAtMillis();
    Instant from = n == 0 ? null : Instant.ofEpochMilli(Arrays.stream(at).min().getAsLong());
    Instant to = n == 0 ? null : Instant.ofEpochMilli(Arrays.stream(at).max().getAsLong());
    TrainingSummary summary = new TrainingSummary(n, won, from, to, trainedAt, teamRows);
    return new PredictiveModel(spec, summary, encodings, all, teams, prior);
  }

  private static boolean enough(boolean[] y, int[] rows, int minHistory) {
    int won = 0;
    for (int r : rows) {
      won += y[r] ? 1 : 0;
    }
    return rows.length >= Math.max(minHistory, 2) && won > 0 && won < rows.length;
  }

  /** The set's features as the model will read them. */
  private static List<FeatureEncoding> encodings(PredictiveSpec spec, TrainingSet set) {
    List<FeatureEncoding> out = new ArrayList<>();
    for (int f = 0; f < spec.features().size(); f++) {
      FeatureSpec feature = spec.features().get(f);
      if (feature instanceof FeatureSpec.Categorical) {
        out.add(FeatureEncoding.Levels.of(feature.field(), set.levels(f)));
        continue;
      }
      FeatureSpec.Numeric numeric = (FeatureSpec.Numeric) feature;
      double[] values = present(set.numbers(f));
      if (spec.kind() == ModelKind.NAIVE_BAYES) {
        double[] edges = numeric.edges().isEmpty() ? quantileEdges(values, numeric.quantiles())
            : numeric.edges().stream().mapToDouble(Double::doubleValue).toArray();
        out.add(new FeatureEncoding.Bins(feature.field(), edges));
      } else {
        double mean = Arrays.stream(values).average().orElse(0);
        double var = Arrays.stream(values).map(v -> (v - mean) * (v - mean)).average().orElse(0);
        out.add(new FeatureEncoding.Standardised(feature.field(), mean, var > 0 ? Math.sqrt(var) : 1));
      }
    }
    return out;
  }

  private static double[] present(double[] values) {
    double[] out = new double[values.length];
    int n = 0;
    for (double v : values) {
      if (!Double.isNaN(v)) {
        out[n++] = v;
      }
    }
    return n == out.length ? out : Arrays.copyOf(out, n);
  }

  /**
   * Interior edges at the {@code k}-quantiles (linear interpolation between order statistics, as numpy's default
   * percentile), repeats and edges at the minimum dropped so that no bin is empty. The order statistics are selected
   * in ascending order, each within what is left after the previous one, rather than by sorting.
   */
  static double[] quantileEdges(double[] values, int k) {
    if (values.length == 0) {
      return new double[0];
    }
    double[] a = values.clone();
    double min = a[0];
    for (double v : a) {
      min = Math.min(min, v);
    }
    double[] edges = new double[k - 1];
    int count = 0;
    int from = 0;
    for (int i = 1; i < k; i++) {
      double pos = (double) i / k * (a.length - 1);
      int lo = (int) Math.floor(pos);
      int hi = Math.min(lo + 1, a.length - 1);
      double low = select(a, from, a.length, lo);
      double high = hi == lo ? low : select(a, lo + 1, a.length, hi);
      from = hi;
      double edge = low + (pos - lo) * (high - low);
      if (edge > min && (count == 0 || edge > edges[count - 1])) {
        edges[count++] = edge;
      }
    }
    return Arrays.copyOf(edges, count);
  }

  /**
   * The value of rank {@code k} (0-based, over the whole array) when it lies in {@code a[from, to)} and everything
   * before {@code from} is no larger than everything from it on. Rearranges {@code a[from, to)} so that this stays
   * true with {@code k + 1} in place of {@code from}. Quickselect with a three-way partition, so that long runs of
   * equal values (a field that is -1 for most records) finish in one pass.
   */
  private static double select(double[] a, int from, int to, int k) {
    while (to - from > 16) {
      double x = a[from];
      double y = a[(from + to) >>> 1];
      double z = a[to - 1];
      double pivot = Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
      int lt = from;
      int i = from;
      int gt = to;
      while (i < gt) {
        double v = a[i];
        if (v < pivot) {
          a[i++] = a[lt];
          a[lt++] = v;
        } else if (v > pivot) {
          a[i] = a[--gt];
          a[gt] = v;
        } else {
          i++;
        }
      }
      if (k < lt) {
        to = lt;
      } else if (k >= gt) {
        from = gt;
      } else {
        return pivot;
      }
    }
    Arrays.sort(a, from, to);
    return a[k];
  }

  /** Codes per feature and row, and standardised values of numeric features (logistic regression). */
  private record Encoded(int[][] codes, double[][] z) {}

  private static Encoded encode(TrainingSet set, List<FeatureEncoding> encodings) {
    int n = set.size();
    int[][] codes = new int[encodings.size()][];
    double[][] z = new double[encodings.size()][];
    for (int f = 0; f < encodings.size(); f++) {
      int[] given = set.codes(f);
      if (given != null) {
        codes[f] = given;
        continue;
      }
      double[] x = set.numbers(f);
      int[] c = new int[n];
      if (encodings.get(f) instanceof FeatureEncoding.Bins bins) {
        for (int i = 0; i < n; i++) {
          c[i] = bins.binCode(x[i]);
        }
      } else {
        FeatureEncoding.Standardised s = (FeatureEncoding.Standardised) encodings.get(f);
        double[] zf = new double[n];
        for (int i = 0; i < n; i++) {
          c[i] = Double.isNaN(x[i]) ? 0 : 1;
          zf[i] = s.z(x[i]);
        }
        z[f] = zf;
      }
      codes[f] = c;
    }
    return new Encoded(codes, z);
  }

  private static int levelCount(FeatureEncoding encoding) {
    if (encoding instanceof FeatureEncoding.Levels levels) {
      return levels.levels().size();
    }
    if (encoding instanceof FeatureEncoding.Bins bins) {
      return bins.levelCount();
    }
    return 2;
  }

  private static Estimator fit(PredictiveSpec spec, List<FeatureEncoding> encodings, Encoded encoded, boolean[] y,
      int[] rows) {
    return spec.kind() == ModelKind.NAIVE_BAYES
        ? naiveBayes(spec, encodings, encoded, y, rows)
        : logistic(spec, encodings, encoded, y, rows);
  }

  private static NaiveBayesTable naiveBayes(PredictiveSpec spec, List<FeatureEncoding> encodings, Encoded encoded,
      boolean[] y, int[] rows) {
    int features = encodings.size();
    long[][] wonCounts = new long[features][];
    long[][] lostCounts = new long[features][];
    int won = 0;
    for (int r : rows) {
      won += y[r] ? 1 : 0;
    }
    for (int f = 0; f < features; f++) {
      long[] w = new long[levelCount(encodings.get(f))];
      long[] l = new long[w.length];
      int[] codes = encoded.codes()[f];
      for (int r : rows) {
        if (y[r]) {
          w[codes[r]]++;
        } else {
          l[codes[r]]++;
        }
      }
      wonCounts[f] = w;
      lostCounts[f] = l;
    }
    NaiveBayesTable table = NaiveBayesTable.of(won, rows.length - won, wonCounts, lostCounts, spec.smoothing(), 1, 0);
    double[] scores = new double[rows.length];
    boolean[] outcomes = new boolean[rows.length];
    int[] row = new int[features];
    for (int i = 0; i < rows.length; i++) {
      for (int f = 0; f < features; f++) {
        row[f] = encoded.codes()[f][rows[i]];
      }
      scores[i] = table.raw(row);
      outcomes[i] = y[rows[i]];
    }
    double[] ab = platt(scores, outcomes);
    return table.calibrated(ab[0], ab[1]);
  }

  /** Platt scaling: {@code a, b} maximising the likelihood of {@code sigmoid(a·s + b)}, by Newton's method. */
  static double[] platt(double[] s, boolean[] y) {
    double a = 1;
    double b = 0;
    for (int step = 0; step < MAX_NEWTON_STEPS; step++) {
      double ga = 0;
      double gb = 0;
      double haa = 1e-9;
      double hab = 0;
      double hbb = 1e-9;
      for (int i = 0; i < s.length; i++) {
        double p = Prediction.sigmoid(a * s[i] + b);
        double d = p - (y[i] ? 1 : 0);
        double w = p * (1 - p);
        ga += d * s[i];
        gb += d;
        haa += w * s[i] * s[i];
        hab += w * s[i];
        hbb += w;
      }
      double det = haa * hbb - hab * hab;
      double da = (hbb * ga - hab * gb) / det;
      double db = (haa * gb - hab * ga) / det;
      a -= da;
      b -= db;
      if (Math.abs(da) + Math.abs(db) < TOLERANCE) {
        break;
      }
    }
    return new double[] {a, b};
  }

  private static LogisticWeights logistic(PredictiveSpec spec, List<FeatureEncoding> encodings, Encoded encoded,
      boolean[] y, int[] rows) {
    int features = encodings.size();
    int[] offset = new int[features + 1];
    boolean[] numeric = new boolean[features];
    offset[0] = 1; // column 0 is the intercept
    for (int f = 0; f < features; f++) {
      numeric[f] = encodings.get(f) instanceof FeatureEncoding.Standardised;
      offset[f + 1] = offset[f] + levelCount(encodings.get(f));
    }
    int d = offset[features];
    // Each row has one active column per feature plus the intercept: sparse rows of fixed width.
    int width = features + 1;
    int[][] cols = new int[rows.length][width];
    double[][] vals = new double[rows.length][width];
    for (int i = 0; i < rows.length; i++) {
      int r = rows[i];
      cols[i][0] = 0;
      vals[i][0] = 1;
      for (int f = 0; f < features; f++) {
        int code = encoded.codes()[f][r];
        if (numeric[f]) {
          cols[i][f + 1] = offset[f] + (code == 0 ? 1 : 0);
          vals[i][f + 1] = code == 0 ? 1 : encoded.z()[f][r];
        } else {
          cols[i][f + 1] = offset[f] + code;
          vals[i][f + 1] = 1;
        }
      }
    }
    double[] w = new double[d];
    double[] grad = new double[d];
    double[][] hessian = new double[d][d];
    for (int step = 0; step < MAX_NEWTON_STEPS; step++) {
      for (int j = 0; j < d; j++) {
        grad[j] = j == 0 ? 0 : spec.l2() * w[j];
        Arrays.fill(hessian[j], 0);
        hessian[j][j] = j == 0 ? 1e-9 : spec.l2() + 1e-9;
      }
      for (int i = 0; i < rows.length; i++) {
        int[] c = cols[i];
        double[] v = vals[i];
        double eta = 0;
        for (int k = 0; k < width; k++) {
          eta += w[c[k]] * v[k];
        }
        double p = Prediction.sigmoid(eta);
        double residual = p - (y[rows[i]] ? 1 : 0);
        double weight = p * (1 - p);
        for (int k = 0; k < width; k++) {
          grad[c[k]] += residual * v[k];
          double wv = weight * v[k];
          double[] h = hessian[c[k]];
          for (int m = 0; m < width; m++) {
            h[c[m]] += wv * v[m];
          }
        }
      }
      double[] delta = Cholesky.solve(hessian, grad);
      double change = 0;
      for (int j = 0; j < d; j++) {
        w[j] -= delta[j];
        change = Math.max(change, Math.abs(delta[j]));
      }
      if (change < 1e-7) {
        break;
      }
    }
    double[][] weights = new double[features][];
    for (int f = 0; f < features; f++) {
      weights[f] = Arrays.copyOfRange(w, offset[f], offset[f + 1]);
    }
    int won = 0;
    for (int r : rows) {
      won += y[r] ? 1 : 0;
    }
    return new LogisticWeights(rows.length, won, w[0], weights, numeric);
  }
}
