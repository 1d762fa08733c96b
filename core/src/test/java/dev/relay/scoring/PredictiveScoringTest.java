package dev.relay.scoring;

import static dev.relay.scoring.PredictiveSamples.EAST;
import static dev.relay.scoring.PredictiveSamples.NORTH;
import static dev.relay.scoring.PredictiveSamples.WEST;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relay.testkit.ManualClock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PredictiveScoringTest {
  private final ManualClock clock = ManualClock.at("2026-03-02T09:00:00Z");

  private PredictiveModel train(PredictiveSpec spec, int rows, int northRows) {
    return ModelTraining.train(spec, PredictiveSamples.history(spec, rows, northRows, 7), clock);
  }

  private static Map<String, Object> deal(String industry, long employees, boolean referral) {
    Map<String, Object> deal = new HashMap<>();
    if (industry != null) {
      deal.put("industry", industry);
    }
    deal.put("employees", employees);
    deal.put("referral", referral);
    return deal;
  }

  @Test
  void naiveBayesLearnsThatBanksWinAndRetailLoses() {
    PredictiveModel model = train(PredictiveSamples.spec(ModelKind.NAIVE_BAYES).build(), 4000, 0);

    Prediction bank = model.predict(deal("bank", 5000, false), null);
    Prediction retail = model.predict(deal("retail", 20, false), null);

    assertTrue(bank.probability() > 0.5 && retail.probability() < 0.3, bank + " / " + retail);
    assertEquals(new Factor("industry", "bank", bank.topPositive().get(0).contribution()), bank.topPositive().get(0));
    assertEquals("industry", retail.topNegative().get(0).field());
    assertEquals(Prediction.Basis.ALL_TEAMS, bank.basis());
  }

  @Test
  void factorsAddUpToTheLogOddsOfTheProbability() {
    PredictiveModel model = train(PredictiveSamples.spec(ModelKind.NAIVE_BAYES).build(), 2000, 0);

    Prediction p = model.predict(deal("insurance", 300, true), null);

    double sum = p.baseLogOdds() + p.factors().stream().mapToDouble(Factor::contribution).sum();
    assertEquals(p.logOdds(), sum, 1e-12);
    assertEquals(1 / (1 + Math.exp(-p.logOdds())), p.probability(), 1e-12);
    assertEquals(3, p.factors().size());
  }

  @Test
  void aMissingValueIsALevelOfItsOwn() {
    PredictiveModel model = train(PredictiveSamples.spec(ModelKind.NAIVE_BAYES).build(), 4000, 0);

    Prediction p = model.predict(deal(null, 300, false), null);

    assertEquals(new Factor("industry", TrainingSet.MISSING, p.topNegative().get(0).contribution()),
        p.topNegative().get(0));
  }

  @Test
  void aLevelTheHistoryNeverHadContributesNothing() {
    PredictiveModel model = train(PredictiveSamples.spec(ModelKind.NAIVE_BAYES).build(), 1000, 0);

    Prediction p = model.predict(deal("mining", 300, false), null);

    assertEquals(new Factor("industry", "mining", 0), p.factors().stream()
        .filter(f -> f.field().equals("industry")).findFirst().orElseThrow());
  }

  @Test
  void numericFieldsShowTheBinTheValueFellInto() {
    PredictiveModel model = train(PredictiveSamples.spec(ModelKind.NAIVE_BAYES).build(), 1000, 0);

    Prediction p = model.predict(deal("bank", 300, false), null);

    assertEquals("[100, 1000)", p.factors().stream().filter(f -> f.field().equals("employees")).findFirst()
        .orElseThrow().level());
  }

  @Test
  void teamsWithEnoughHistoryGetTheirOwnModelAndOthersFallBackToAllTeams() {
    PredictiveModel model = train(PredictiveSamples.spec(ModelKind.NAIVE_BAYES).perTeam(true).build(), 4000, 30);

    Prediction east = model.predict(deal("retail", 50, true), EAST);
    Prediction west = model.predict(deal("retail", 50, true), WEST);
    Prediction north = model.predict(deal("retail", 50, true), NORTH);

    assertEquals(java.util.Set.of("east", "west"), model.teams());
    assertEquals(Prediction.Basis.TEAM, east.basis());
    assertTrue(east.probability() > 0.8 && west.probability() < 0.05, east + " / " + west);
    assertEquals(Prediction.Basis.ALL_TEAMS, north.basis());
    assertEquals(Map.of("east", 1985, "west", 1985), model.summary().teamRows());
  }

  @Test
  void tooLittleHistoryFallsBackToThePrior() {
    PredictiveSpec spec = PredictiveSamples.spec(ModelKind.NAIVE_BAYES).minHistory(500).build();
    TrainingSet history = PredictiveSamples.history(spec, 200, 0, 3);
    PredictiveModel model = ModelTraining.train(spec, history, clock);

    Prediction p = model.predict(deal("bank", 5000, true), EAST);

    assertFalse(model.hasModel());
    assertEquals(Prediction.Basis.PRIOR, p.basis());
    assertEquals(List.of(), p.factors());
    assertEquals((history.wonCount() + 1.0) / (history.size() + 2.0), p.probability(), 1e-12);
  }

  @Test
  void theModelRecordsWhatItWasTrainedOn() {
    PredictiveModel model = train(PredictiveSamples.spec(ModelKind.NAIVE_BAYES).build(), 1000, 0);

    TrainingSummary summary = model.summary();

    assertEquals(1000, summary.rows());
    assertEquals(PredictiveSamples.FIRST_CLOSE, summary.from());
    assertEquals(PredictiveSamples.FIRST_CLOSE.plusSeconds(999 * 3600L), summary.to());
    assertEquals(clock.instant(), summary.trainedAt());
    assertTrue(summary.won() > 100 && summary.lost() > 100, summary.toString());
  }

  @Test
  void logisticRegressionLearnsTheSameAndItsFactorsAddUpToo() {
    PredictiveModel model = train(PredictiveSamples.spec(ModelKind.LOGISTIC_REGRESSION).build(), 4000, 0);

    Prediction bank = model.predict(deal("bank", 5000, false), null);
    Prediction retail = model.predict(deal("retail", 20, false), null);

    assertTrue(bank.probability() > 0.5 && retail.probability() < 0.3, bank + " / " + retail);
    assertEquals(bank.logOdds(), bank.baseLogOdds() + bank.factors().stream().mapToDouble(Factor::contribution).sum(),
        1e-12);
    assertEquals("5000", bank.factors().stream().filter(f -> f.field().equals("employees")).findFirst()
        .orElseThrow().level());
  }

  @Test
  void modelsSurviveTheirJsonFormUnchanged() {
    for (ModelKind kind : ModelKind.values()) {
      PredictiveModel model = train(PredictiveSamples.spec(kind).perTeam(true).build(), 2000, 10);

      PredictiveModel back = PredictiveModelJson.read(PredictiveModelJson.write(model));

      assertEquals(model, back);
      assertEquals(model.predict(deal("bank", 5000, true), EAST), back.predict(deal("bank", 5000, true), EAST));
      assertEquals(model.summary(), back.summary());
    }
  }

  @Test
  void evaluationRanksCalibratesAndLifts() {
    double[] p = {0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1, 0.05};
    boolean[] y = {true, true, false, true, false, false, false, false, false, false};

    ModelEvaluation e = ModelEvaluation.of(p, y);

    assertEquals(20.0 / 21.0, e.auc(), 1e-12);
    assertEquals(3, e.won());
    assertEquals(new ModelEvaluation.Decile(1, 1, 1.0, 10.0 / 3), e.lift().get(0));
    assertEquals(10, e.lift().size());
    assertEquals(10, e.calibration().stream().mapToInt(ModelEvaluation.CalibrationBand::count).sum());
    assertEquals(0.5, ModelEvaluation.of(new double[] {0.3, 0.3}, new boolean[] {true, false}).auc());
  }

  @Test
  void quantileEdgesInterpolateAndDropRepeatsSoNoBinIsEmpty() {
    double[] values = {-1, -1, -1, -1, -1, -1, -1, 5, 10, 20};

    assertArrayEquals(new double[] {0.8, 6, 11}, ModelTraining.quantileEdges(values, 10), 1e-12);
    assertArrayEquals(new double[0], ModelTraining.quantileEdges(new double[] {3, 3, 3}, 10));
  }

  @Test
  void quantileEdgesBySelectionMatchThoseOfASortedCopy() {
    java.util.Random random = new java.util.Random(5);
    for (int n : new int[] {1, 2, 17, 100, 5_001}) {
      double[] values = new double[n];
      for (int i = 0; i < n; i++) {
        values[i] = random.nextInt(4) == 0 ? -1 : Math.floor(random.nextGaussian() * 100);
      }
      double[] sorted = values.clone();
      java.util.Arrays.sort(sorted);
      double[] expected = new double[9];
      int count = 0;
      for (int i = 1; i < 10; i++) {
        double pos = i / 10.0 * (n - 1);
        int lo = (int) Math.floor(pos);
        double edge = sorted[lo] + (pos - lo) * (sorted[Math.min(lo + 1, n - 1)] - sorted[lo]);
        if (edge > sorted[0] && (count == 0 || edge > expected[count - 1])) {
          expected[count++] = edge;
        }
      }
      assertArrayEquals(java.util.Arrays.copyOf(expected, count), ModelTraining.quantileEdges(values, 10), 1e-12,
          "n = " + n);
    }
  }
}
