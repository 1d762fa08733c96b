package dev.relay.scoring;

/**
 * Logistic regression weights over encoded features: one weight per level of a categorical feature (one-hot), and for
 * a numeric feature a weight on its standardised value plus one for "missing". Its probabilities are calibrated by
 * the log-loss it was fitted with, so no further calibration is applied.
 *
 * @param numeric which features are numeric
 */
record LogisticWeights(int rows, int won, double intercept, double[][] weights, boolean[] numeric)
    implements Estimator {

  @Override
  public double base() {
    return intercept;
  }

  @Override
  public double contribution(int f, int code, double z) {
    double[] w = weights[f];
    if (numeric[f]) {
      return code == 0 ? w[1] : w[0] * z;
    }
    return code >= 0 && code < w.length ? w[code] : 0;
  }
}
