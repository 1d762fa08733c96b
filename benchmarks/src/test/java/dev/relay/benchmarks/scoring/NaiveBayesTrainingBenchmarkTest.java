package dev.relay.benchmarks.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relay.scoring.PredictiveModel;
import org.junit.jupiter.api.Test;

/** Both sides of {@link NaiveBayesTrainingBenchmark} see the same history (on a smaller sample). */
class NaiveBayesTrainingBenchmarkTest {
  @Test
  void trainingAndCountingSeeTheSameRows() {
    NaiveBayesTrainingBenchmark benchmark = new NaiveBayesTrainingBenchmark();
    benchmark.setUp(20_000);

    PredictiveModel model = benchmark.relayTraining();
    long[][] counts = benchmark.countingOnly();

    long won = 0;
    for (int level = 0; level < 16; level++) {
      won += counts[0][2 * level + 1];
    }
    assertEquals(model.summary().won(), won);
    assertEquals(20_000, model.summary().rows());
    assertTrue(model.hasModel());
    double share = (double) won / 20_000;
    assertTrue(share > 0.1 && share < 0.6, "won share " + share);
  }
}
