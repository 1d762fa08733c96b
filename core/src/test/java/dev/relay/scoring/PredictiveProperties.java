package dev.relay.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.AfterFailureMode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * Invariants of predictive models over random histories (sizes around the minimum, so that every fallback occurs)
 * and random records, unseen levels and missing values included: probabilities stay in [0, 1], the base and the
 * factors add up to the log-odds, and a model read back from JSON predicts the same.
 */
class PredictiveProperties {

  @Property(tries = 60, afterFailure = AfterFailureMode.PREVIOUS_SEED)
  void probabilitiesStayInTheUnitIntervalAndFactorsAddUpToTheLogOdds(@ForAll("kinds") ModelKind kind,
      @ForAll @IntRange(min = 0, max = 400) int rows, @ForAll @IntRange(min = 0, max = 60) int northRows,
      @ForAll long seed, @ForAll("smoothing") double smoothing) {
    PredictiveSpec spec = PredictiveSamples.spec(kind).perTeam(true).smoothing(smoothing).l2(smoothing)
        .minHistory(40).build();
    PredictiveModel model = ModelTraining.train(spec,
        PredictiveSamples.history(spec, rows, Math.min(rows, northRows), seed), Instant.EPOCH);
    Random random = new Random(seed);

    for (int i = 0; i < 20; i++) {
      Map<String, Object> deal = PredictiveSamples.deal(random);
      if (i % 5 == 0) {
        deal.put("industry", "unheard_of");
      }
      if (i % 7 == 0) {
        deal.remove("employees");
      }
      var team = new dev.relay.common.TeamId[] {null, PredictiveSamples.EAST, PredictiveSamples.NORTH}[i % 3];
      Prediction p = model.predict(deal, team);

      assertTrue(p.probability() >= 0 && p.probability() <= 1, p.toString());
      double sum = p.baseLogOdds() + p.factors().stream().mapToDouble(Factor::contribution).sum();
      assertEquals(p.logOdds(), sum, 1e-9 * Math.max(1, Math.abs(sum)), p.toString());
      Statistics.label("basis").collect(p.basis());
    }
    assertEquals(model, PredictiveModelJson.read(PredictiveModelJson.write(model)));
    Statistics.label("basis").coverage(c -> {
      c.check(Prediction.Basis.PRIOR).count(n -> n > 0);
      c.check(Prediction.Basis.TEAM).count(n -> n > 0);
      c.check(Prediction.Basis.ALL_TEAMS).count(n -> n > 0);
    });
  }

  @Provide
  Arbitrary<ModelKind> kinds() {
    return Arbitraries.of(ModelKind.values());
  }

  @Provide
  Arbitrary<Double> smoothing() {
    return Arbitraries.of(0.01, 0.5, 1.0, 10.0);
  }
}
