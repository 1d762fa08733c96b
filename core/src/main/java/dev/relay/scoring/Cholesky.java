package dev.relay.scoring;

/** Solves symmetric positive-definite systems (the Newton steps of logistic regression). */
final class Cholesky {
  private Cholesky() {}

  /**
   * The solution x of {@code a x = b}; {@code a} is overwritten with its Cholesky factor.
   *
   * @throws IllegalStateException if {@code a} is not positive definite
   */
  static double[] solve(double[][] a, double[] b) {
    int n = b.length;
    for (int j = 0; j < n; j++) {
      double[] rowJ = a[j];
      double diagonal = rowJ[j];
      for (int k = 0; k < j; k++) {
        diagonal -= rowJ[k] * rowJ[k];
      }
      if (!(diagonal > 0)) {
        throw new IllegalStateException("matrix is not positive definite at column " + j);
      }
      double root = Math.sqrt(diagonal);
      rowJ[j] = root;
      for (int i = j + 1; i < n; i++) {
        double[] rowI = a[i];
        double sum = rowI[j];
        for (int k = 0; k < j; k++) {
          sum -= rowI[k] * rowJ[k];
        }
        rowI[j] = sum / root;
      }
    }
    double[] x = b.clone();
    for (int i = 0; i < n; i++) {
      double sum = x[i];
      for (int k = 0; k < i; k++) {
        sum -= a[i][k] * x[k];
      }
      x[i] = sum / a[i][i];
    }
    for (int i = n - 1; i >= 0; i--) {
      double sum = x[i];
      for (int k = i + 1; k < n; k++) {
        sum -= a[k][i] * x[k];
      }
      x[i] = sum / a[i][i];
    }
    return x;
  }
}
