package dev.relay.scoring;

import org.jspecify.annotations.Nullable;

/** The kinds of predictive model Relay trains. */
public enum ModelKind {
  /** Categorical naive Bayes with additive smoothing; numeric fields binned. */
  NAIVE_BAYES("naive_bayes"),
  /** L2-regularised logistic regression; categoricals one-hot, numerics standardised. */
  LOGISTIC_REGRESSION("logistic_regression");

  private final String jsonName;

  ModelKind(String jsonName) {
    this.jsonName = jsonName;
  }

  public String jsonName() {
    return jsonName;
  }

  public static @Nullable ModelKind fromJson(String name) {
    for (ModelKind k : values()) {
      if (k.jsonName.equals(name)) {
        return k;
      }
    }
    return null;
  }
}
