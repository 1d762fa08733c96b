package dev.relay.scoring;

/**
 * Categorical naive Bayes over encoded levels: per feature and level the won and lost counts, smoothed additively over
 * the levels the training history had; a level it never had contributes nothing. The raw log-odds {@code log(won /
 * lost) + Σ log(P(level | won) / P(level | lost))} is calibrated by Platt scaling ({@code a · raw + b}, fitted on the
 * training rows), because naive Bayes' independence assumption makes its raw probabilities overconfident; the
 * calibration is monotone, so it keeps the ranking (and the AUC).
 */
record NaiveBayesTable(int rows, int won, long[][] wonCounts, long[][] lostCounts, double smoothing, double a,
    double b, double[][] ratios, double prior) implements Estimator {

  /** A table from counts; derives the log-likelihood ratios. */
  static NaiveBayesTable of(int won, int lost, long[][] wonCounts, long[][] lostCounts, double smoothing, double a,
      double b) {
    double[][] ratios = new double[wonCounts.length][];
    for (int f = 0; f < wonCounts.length; f++) {
      long[] w = wonCounts[f];
      long[] l = lostCounts[f];
      int observed = 0;
      for (int v = 0; v < w.length; v++) {
        observed += w[v] + l[v] > 0 ? 1 : 0;
      }
      double wonDenominator = Math.log(won + smoothing * observed);
      double lostDenominator = Math.log(lost + smoothing * observed);
      ratios[f] = new double[w.length];
      for (int v = 0; v < w.length; v++) {
        if (w[v] + l[v] > 0) {
          ratios[f][v] = Math.log(w[v] + smoothing) - wonDenominator - Math.log(l[v] + smoothing) + lostDenominator;
        }
      }
    }
    return new NaiveBayesTable(won + lost, won, wonCounts, lostCounts, smoothing, a, b, ratios,
        Math.log((double) won / lost));
  }

  /** The uncalibrated log-odds of an encoded row. */
  double raw(int[] codes) {
    double sum = prior;
    for (int f = 0; f < codes.length; f++) {
      int c = codes[f];
      if (c >= 0 && c < ratios[f].length) {
        sum += ratios[f][c];
      }
    }
    return sum;
  }

  NaiveBayesTable calibrated(double newA, double newB) {
    return new NaiveBayesTable(rows, won, wonCounts, lostCounts, smoothing, newA, newB, ratios, prior);
  }

  @Override
  public double base() {
    return a * prior + b;
  }

  @Override
  public double contribution(int f, int code, double z) {
    double[] r = ratios[f];
    return code >= 0 && code < r.length ? a * r[code] : 0;
  }
}
