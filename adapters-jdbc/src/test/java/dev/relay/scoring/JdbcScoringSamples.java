package dev.relay.scoring;

import java.time.Instant;

/** A trained model for the adapter's tests outside this package (the core's samples are package-private). */
public final class JdbcScoringSamples {
  private static PredictiveModel model;

  /** A small naive Bayes model, trained once per test JVM. */
  public static synchronized PredictiveModel model() {
    if (model == null) {
      PredictiveSpec spec = PredictiveSamples.spec(ModelKind.NAIVE_BAYES).perTeam(true).build();
      model = ModelTraining.train(spec, PredictiveSamples.history(spec, 300, 20, 11),
          Instant.parse("2026-03-02T09:00:00Z"));
    }
    return model;
  }

  private JdbcScoringSamples() {}
}
