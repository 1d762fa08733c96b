package dev.relay.assignment;

import static dev.relay.criteria.Criteria.field;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.relay.fields.EntityKind;
import dev.relay.fields.FieldValues;
import dev.relay.scoring.Dimension;
import dev.relay.scoring.Engagement;
import dev.relay.scoring.EngagementWindow;
import dev.relay.scoring.Grading;
import dev.relay.scoring.RuleGroup;
import dev.relay.scoring.Score;
import dev.relay.scoring.Scoring;
import dev.relay.scoring.ScoringModel;
import dev.relay.scoring.ScoringRule;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Scores reach routing as fields: a lead scored and graded into its {@code grade} field is routed by a rule on that
 * grade, and its per-grade SLA applies — the same criteria language, no special operator.
 */
class ScoredLeadRoutingTest {
  private final RoutingFixture f = new RoutingFixture();

  private final ScoringModel leadScore = ScoringModel.builder("lead_score", EntityKind.LEAD)
      .group(RuleGroup.of("fit", Dimension.FIT, 60.0,
          ScoringRule.fit("referred", field("source").eq("referral"), 30),
          ScoringRule.fit("finance", field("industry").in("bank", "insurance"), 30)))
      .group(RuleGroup.of("engagement", Dimension.ENGAGEMENT, 40.0,
          ScoringRule.engagement("met", List.of("meeting", "visit"), 20, 2,
              EngagementWindow.halfLife(Duration.ofDays(14)))))
      .grades(Grading.of("A", 70, "B", 40, "C", 10, "D"))
      .gradeField("grade")
      .build();

  @Test
  void aLeadGradedAIsRoutedByTheRuleForGradeA() {
    f.use(AssignmentPolicy.builder().accountOwnerFirst(false).gradeField("grade")
        .rule(RoutingRule.builder("hot", "高分线索 Hot leads").when(field("grade").in("A")).target(Target.team("north"))
            .firstContactSla(Duration.ofHours(4)).slaForGrade("A", Duration.ofMinutes(15)))
        .rule(RoutingRule.builder("rest", "其他 The rest").target(Target.team("east"))));
    Scoring scoring = Scoring.of(leadScore, f.fields(Map.of()).schema(), null, f.clock);
    FieldValues hot = f.fields(Map.of("source", "referral", "industry", "bank"));
    FieldValues cold = f.fields(Map.of("source", "web", "industry", "retail"));
    List<Engagement> met = List.of(Engagement.of("meeting", f.clock.instant().minus(Duration.ofDays(1))));

    Score hotScore = scoring.score(hot, met, null);
    RoutingDecision hotRoute = f.router.route(RoutingRequest.of(f.nextLead(), scoring.writeTo(hot, hotScore)));
    RoutingDecision coldRoute = f.router.route(RoutingRequest.of(f.nextLead(),
        scoring.writeTo(cold, scoring.score(cold, met, null))));

    assertEquals("A", hotScore.grade());
    assertEquals("hot", hotRoute.ruleKey());
    assertEquals(Duration.ofMinutes(15), hotRoute.firstContactSla());
    assertEquals("rest", coldRoute.ruleKey());
  }
}
