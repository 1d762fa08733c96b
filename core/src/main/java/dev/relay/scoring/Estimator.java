package dev.relay.scoring;

/**
 * One trained table of a {@link PredictiveModel} (all teams', or one team's): the part of the log-odds that does not
 * depend on the record, and each feature's contribution for an encoded value. Both are calibrated, so that the
 * log-odds of a record is {@code base() + Σ contribution(f, …)} and its probability the logistic of that.
 */
sealed interface Estimator permits NaiveBayesTable, LogisticWeights {
  /** The training rows it learned from. */
  int rows();

  /** How many of them were won. */
  int won();

  double base();

  /**
   * The contribution of feature {@code f} with code {@code code} (-1 for a level never seen: 0) and standardised value
   * {@code z} (numeric features of logistic regression only).
   */
  double contribution(int f, int code, double z);
}
