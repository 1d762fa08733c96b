package dev.relay.playbook;

import static dev.relay.criteria.Criteria.field;

import dev.relay.fields.EntityKind;
import dev.relay.fields.FieldDefinition;
import dev.relay.fields.FieldType;
import dev.relay.scoring.Blend;
import dev.relay.scoring.Dimension;
import dev.relay.scoring.EngagementWindow;
import dev.relay.scoring.FeatureSpec;
import dev.relay.scoring.GradeMatrix;
import dev.relay.scoring.Grading;
import dev.relay.scoring.ModelKind;
import dev.relay.scoring.PredictiveSpec;
import dev.relay.scoring.RuleGroup;
import dev.relay.scoring.ScoringModel;
import dev.relay.scoring.ScoringPolicy;
import dev.relay.scoring.ScoringRule;
import java.time.Duration;
import java.util.List;

/**
 * The small-team playbook with a lead-scoring model (线索评分), in JSON ({@code /playbooks/lead-scoring.json}) and built
 * in Java. Leads have the custom fields {@code industry} (bank, insurance, retail), {@code employees}, {@code budget},
 * {@code lead_score} (the score field) and {@code lead_grade} (A–D, the grade field). Model 0 {@code lead_score}: group
 * 0 {@code fit} (capped at 50) with rules {@code finance}, {@code large}, {@code tiny}; group 1 {@code engagement}
 * (capped at 40) with {@code opened} (within 30 days) and {@code visited} (half-life 14 days); overall cap 100; a
 * matrix; a naive-Bayes part over industry and employees, blended half and half.
 */
public final class LeadScoringPlaybook {
  public static final String RESOURCE = "/playbooks/lead-scoring.json";

  private LeadScoringPlaybook() {}

  public static String json() {
    return SmallTeamPlaybook.resource(RESOURCE);
  }

  public static Playbook built() {
    return builder().build();
  }

  public static Playbook.Builder builder() {
    return SmallTeamPlaybook.builder("Lead scoring")
        .customField(EntityKind.LEAD, FieldDefinition.customEnum("industry", FieldType.ENUM,
            List.of("bank", "insurance", "retail")).withLabel("Industry"))
        .customField(EntityKind.LEAD, FieldDefinition.custom("employees", FieldType.INTEGER).withLabel("Employees"))
        .customField(EntityKind.LEAD, FieldDefinition.custom("budget", FieldType.DECIMAL).withLabel("Budget"))
        .customField(EntityKind.LEAD, FieldDefinition.custom("lead_score", FieldType.DECIMAL).withLabel("Score"))
        .customField(EntityKind.LEAD, FieldDefinition.customEnum("lead_grade", FieldType.ENUM,
            List.of("A", "B", "C", "D")).withLabel("Grade"))
        .scoring(ScoringPolicy.of(model().build()));
  }

  public static ScoringModel.Builder model() {
    return ScoringModel.builder("lead_score", EntityKind.LEAD)
        .label("线索评分 Lead score")
        .scoreField("lead_score")
        .gradeField("lead_grade")
        .cap(100)
        .group(new RuleGroup("fit", "Fit", Dimension.FIT, 50.0, List.of(
            new ScoringRule.FitRule("finance", "Banks and insurers", field("industry").in("bank", "insurance"), 30),
            new ScoringRule.FitRule("large", "1,000+ employees", field("employees").gte(1000), 20),
            new ScoringRule.FitRule("tiny", "Under 10 employees", field("employees").lt(10), -15.5))))
        .group(new RuleGroup("engagement", "Engagement", Dimension.ENGAGEMENT, 40.0, List.of(
            new ScoringRule.EngagementRule("opened", "Opened an e-mail", List.of("email_opened"), 5, 3,
                EngagementWindow.within(Duration.ofDays(30))),
            new ScoringRule.EngagementRule("visited", "Visited", List.of("page_visited", "visit"), 10, 2,
                EngagementWindow.halfLife(Duration.ofDays(14))))))
        .grades(Grading.of("A", 70, "B", 45, "C", 20, "D"))
        .matrix(new GradeMatrix(Grading.of("A", 40, "B", 20, "C"), Grading.of("1", 25, "2", 10, "3")))
        .predictive(PredictiveSpec.builder(ModelKind.NAIVE_BAYES).categorical("industry")
            .feature(FeatureSpec.edges("employees", 10.0, 100.0, 1000.0)).feature(FeatureSpec.quantiles("budget", 5))
            .perTeam(true).minHistory(100).build())
        .blend(new Blend(0.5, 0.5));
  }
}
