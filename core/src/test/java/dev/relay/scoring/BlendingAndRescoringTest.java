package dev.relay.scoring;

import static dev.relay.scoring.ScoringSamples.daysAgo;
import static dev.relay.scoring.ScoringSamples.lead;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relay.common.InMemoryEventPublisher;
import dev.relay.common.LeadId;
import dev.relay.common.TenantId;
import dev.relay.criteria.Criteria;
import dev.relay.criteria.CriteriaCompiler;
import dev.relay.fields.FieldValues;
import dev.relay.testkit.ManualClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BlendingAndRescoringTest {
  private static final TenantId ACME = TenantId.of("acme");
  private final ManualClock clock = ManualClock.at(ScoringSamples.NOW);
  private final InMemoryEventPublisher events = new InMemoryEventPublisher();

  private final ScoringModel rulesOnly = ScoringSamples.model()
      .grades(Grading.of("A", 60, "B", 40, "C", 20, "D"))
      .matrix(new GradeMatrix(Grading.of("A", 40, "B", 20, "C"), Grading.of("1", 30, "2", 10, "3")))
      .scoreField("lead_score").gradeField("lead_grade").build();

  @Test
  void aRulesOnlyScoreIsGradedPlacedInTheMatrixAndExplained() {
    Scoring scoring = Scoring.of(rulesOnly, ScoringSamples.LEADS, null, clock);

    Score score = scoring.score(lead(Map.of("industry", "bank", "employees", 2000)),
        List.of(daysAgo("email_opened", 2)), null);

    assertEquals(55, score.value());
    assertEquals("B", score.grade());
    assertEquals("A3", score.matrixCell());
    assertEquals(3, score.rules().contributions().size());
    assertEquals(clock.instant(), score.scoredAt());
  }

  @Test
  void theBlendMixesRulePointsWithTheProbabilityInPoints() {
    PredictiveSpec spec = PredictiveSpec.builder(ModelKind.NAIVE_BAYES).categorical("industry").minHistory(10).build();
    TrainingSet.Builder history = TrainingSet.builder(spec.features());
    for (int i = 0; i < 100; i++) {
      history.add(Map.of("industry", i % 2 == 0 ? "bank" : "retail"), i % 4 == 0, ScoringSamples.NOW, null);
    }
    PredictiveModel predictive = ModelTraining.train(spec, history.build(), clock);
    ScoringModel blended = ScoringModel.builder("lead_score", dev.relay.fields.EntityKind.LEAD)
        .group(rulesOnly.groups().get(0)).predictive(spec).blend(new Blend(0.5, 0.5)).build();
    Scoring scoring = Scoring.of(blended, ScoringSamples.LEADS, predictive, clock);

    Score score = scoring.score(lead(Map.of("industry", "bank")), List.of(), null);

    double p = score.prediction().probability();
    assertEquals(0.5, p, 0.02);
    assertEquals(0.5 * 30 + 0.5 * 100 * p, score.value(), 1e-9);
  }

  @Test
  void scoreAndGradeAreWrittenToFieldsThatAssignmentCriteriaRead() {
    Scoring scoring = Scoring.of(rulesOnly, ScoringSamples.LEADS, null, clock);
    FieldValues lead = lead(Map.of("industry", "insurance", "employees", 5000));

    FieldValues scored = scoring.writeTo(lead, scoring.score(lead, List.of(daysAgo("meeting", 1)), null));

    assertEquals(new BigDecimal("75.00"), scored.get("lead_score"));
    assertEquals("A", scored.get("lead_grade"));
    assertTrue(CriteriaCompiler.compile(Criteria.field("lead_grade").in("A", "B"), ScoringSamples.LEADS, "")
        .test(scored));
  }

  @Test
  void rescoringPublishesAnEventOnlyWhenAGradeChanges() {
    Scoring scoring = Scoring.of(rulesOnly, ScoringSamples.LEADS, null, clock);
    FieldValues steady = lead(Map.of("industry", "bank", "employees", 2000, "lead_grade", "B"));
    FieldValues cooling = lead(Map.of("industry", "retail", "lead_grade", "B"));
    FieldValues fresh = lead(Map.of("industry", "bank"));
    List<ScoringRequest> batch = List.of(
        ScoringRequest.of(LeadId.of(ACME, "L-1"), steady, List.of(), null),
        ScoringRequest.of(LeadId.of(ACME, "L-2"), cooling, List.of(daysAgo("page_visited", 0)), null),
        ScoringRequest.of(LeadId.of(ACME, "L-3"), fresh, List.of(), null));

    Scoring.RescoreReport report = scoring.rescore(batch, events);

    assertEquals(List.of(
            new ScoringEvent.GradeChanged(LeadId.of(ACME, "L-2"), "lead_score", "B", "D", 10, clock.instant()),
            new ScoringEvent.GradeChanged(LeadId.of(ACME, "L-3"), "lead_score", null, "C", 30, clock.instant())),
        events.events());
    assertEquals(report.events(), events.events());

    // A week later the visit has decayed, but re-scoring the written-back records changes no grade: no event.
    events.clear();
    clock.advance(Duration.ofDays(7));
    scoring.rescore(report.results().stream().map(r -> ScoringRequest.of(r.subject(), r.updated(),
        List.of(daysAgo("page_visited", 0)), null)).toList(), events);

    assertEquals(List.of(), events.events());
  }

  @Test
  void aModelThatBlendsAProbabilityNeedsItsTrainedModel() {
    ScoringModel blended = ScoringModel.builder("m", dev.relay.fields.EntityKind.LEAD)
        .predictive(PredictiveSpec.builder(ModelKind.NAIVE_BAYES).categorical("industry").build())
        .blend(new Blend(0.5, 0.5)).build();

    assertThrows(IllegalArgumentException.class, () -> Scoring.of(blended, ScoringSamples.LEADS, null, clock));
  }
}
