package dev.relay.scoring;

import static dev.relay.scoring.ScoringSamples.NOW;
import static dev.relay.scoring.ScoringSamples.daysAgo;
import static dev.relay.scoring.ScoringSamples.lead;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.relay.common.Problem;
import dev.relay.common.ValidationException;
import dev.relay.criteria.Criteria;
import dev.relay.fields.EntityKind;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleScoringTest {
  private final RuleScorer scorer = RuleScorer.compile(ScoringSamples.model().build(), ScoringSamples.LEADS);

  @Test
  void matchingFitRulesAddTheirPointsAndEachIsExplained() {
    RuleScore score = scorer.score(lead(Map.of("industry", "bank", "employees", 20)), List.of(), NOW);

    assertEquals(30, score.score());
    assertEquals(30, score.fit());
    assertEquals(List.of(new Contribution(Contribution.Kind.RULE, "fit.finance", "industry in [bank, insurance]", 30)),
        score.contributions());
  }

  @Test
  void negativePointsPenaliseACompetitor() {
    RuleScore score = scorer.score(lead(Map.of("industry", "bank", "email_domain", "rival.com")), List.of(), NOW);

    assertEquals(-10, score.score());
    assertEquals(-40, score.contributions().get(1).points());
    assertEquals("fit.competitor", score.contributions().get(1).path());
  }

  @Test
  void groupCapClipsTheGroupAndSaysHowMuchItTook() {
    RuleScore score = scorer.score(lead(Map.of("industry", "insurance", "employees", 5000, "budget", 900_000)),
        List.of(), NOW);

    assertEquals(50, score.score());
    Contribution cap = score.contributions().get(3);
    assertEquals(new Contribution(Contribution.Kind.GROUP_CAP, "fit", "capped at 50 (65 before)", -15), cap);
    assertEquals(score.score(), score.contributionTotal(), 1e-9);
  }

  @Test
  void overallCapClipsTheTotalAfterTheGroupCaps() {
    RuleScorer capped = RuleScorer.compile(ScoringSamples.model().cap(60).build(), ScoringSamples.LEADS);

    RuleScore score = capped.score(lead(Map.of("industry", "bank", "employees", 5000)),
        List.of(daysAgo("meeting", 1)), NOW);

    assertEquals(60, score.score());
    assertEquals(50, score.fit());
    assertEquals(25, score.engagement());
    Contribution last = score.contributions().get(score.contributions().size() - 1);
    assertEquals(new Contribution(Contribution.Kind.MODEL_CAP, "lead_score", "capped at 60 (75 before)", -15), last);
  }

  @Test
  void engagementsCountOnlyWithinTheTimeFrame() {
    RuleScore score = scorer.score(lead(Map.of()),
        List.of(daysAgo("email_opened", 1), daysAgo("email_opened", 29), daysAgo("email_opened", 31)), NOW);

    assertEquals(10, score.score());
    assertEquals("2 × email_opened within PT720H × 5", score.contributions().get(0).text());
  }

  @Test
  void onlyTheMostRecentEngagementsUpToTheMaximumCount() {
    RuleScore score = scorer.score(lead(Map.of()),
        List.of(daysAgo("email_opened", 1), daysAgo("email_opened", 2), daysAgo("email_opened", 3),
            daysAgo("email_opened", 4), daysAgo("email_opened", 5)), NOW);

    assertEquals(15, score.score());
  }

  @Test
  void engagementPointsHalveEveryHalfLife() {
    assertEquals(10, scorer.points(lead(Map.of()), List.of(daysAgo("page_visited", 0)), NOW), 1e-9);
    assertEquals(5, scorer.points(lead(Map.of()), List.of(daysAgo("page_visited", 14)), NOW), 1e-9);
    assertEquals(2.5, scorer.points(lead(Map.of()), List.of(daysAgo("visit", 28)), NOW), 1e-9);
    // The two most recent of three visits: 10 × (0.5 + 0.25).
    assertEquals(7.5, scorer.points(lead(Map.of()),
        List.of(daysAgo("visit", 42), daysAgo("page_visited", 14), daysAgo("visit", 28)), NOW), 1e-9);
  }

  @Test
  void engagementsAfterNowAreNotCountedYet() {
    assertEquals(0, scorer.points(lead(Map.of()), List.of(daysAgo("meeting", -1)), NOW));
  }

  @Test
  void engagementGroupCapHoldsHoweverBusyTheLeadIs() {
    RuleScore score = scorer.score(lead(Map.of()), List.of(daysAgo("meeting", 1), daysAgo("email_opened", 1),
        daysAgo("email_opened", 2), daysAgo("visit", 0)), NOW);

    assertEquals(40, score.engagement());
    assertEquals(new Contribution(Contribution.Kind.GROUP_CAP, "engagement", "capped at 40 (45 before)", -5),
        score.contributions().get(3));
  }

  @Test
  void activitiesBecomeEngagementsNamedAfterTheirKind() {
    var activity = dev.relay.activity.ActivitySamples.visit(dev.relay.common.TenantId.of("acme"), "ACT-1");

    assertEquals(Engagement.of("visit", activity.occurredAt()), Engagement.of(activity));
  }

  @Test
  void gradesFollowTheThresholdsHighestFirst() {
    Grading grading = Grading.of("A", 80, "B", 50, "C", 20, "D");

    assertEquals(List.of("A", "A", "B", "C", "D", "D"),
        List.of(100.0, 80.0, 79.9, 20.0, 19.99, -30.0).stream().map(grading::grade).toList());
  }

  @Test
  void matrixNamesTheFitGradeAndTheEngagementLevel() {
    GradeMatrix matrix = new GradeMatrix(Grading.of("A", 40, "B", 20, "C"), Grading.of("1", 30, "2", 10, "3"));

    assertEquals("A1", matrix.cell(50, 35));
    assertEquals("B3", matrix.cell(25, 5));
    assertEquals("C2", matrix.cell(0, 10));
  }

  @Test
  void rulesAreCheckedAgainstTheSchemaWithTheirPaths() {
    ScoringModel broken = ScoringModel.builder("m", EntityKind.LEAD)
        .group(RuleGroup.of("fit", Dimension.FIT, null, ScoringRule.fit("x", Criteria.field("industy").eq("bank"), 1),
            ScoringRule.engagement("y", List.of("visit"), 1, 1, EngagementWindow.within(Duration.ofDays(1)))))
        .build();

    ValidationException e = assertThrows(ValidationException.class,
        () -> RuleScorer.compile(broken, ScoringSamples.LEADS));

    assertEquals(List.of("groups[0].rules[0].when.field", "groups[0].rules[1]"),
        e.problems().stream().map(Problem::path).toList());
  }
}
