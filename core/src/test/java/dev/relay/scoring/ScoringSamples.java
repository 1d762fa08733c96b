package dev.relay.scoring;

import dev.relay.criteria.Criteria;
import dev.relay.fields.EntityKind;
import dev.relay.fields.FieldDefinition;
import dev.relay.fields.FieldSchema;
import dev.relay.fields.FieldType;
import dev.relay.fields.FieldValues;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A lead schema with fit fields and a score and grade field, and a small lead-scoring model over it. */
final class ScoringSamples {
  static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
  static final FieldSchema LEADS = FieldSchema.of(EntityKind.LEAD, List.of(), List.of(
      FieldDefinition.customEnum("industry", FieldType.ENUM, List.of("bank", "insurance", "retail", "education")),
      FieldDefinition.custom("employees", FieldType.INTEGER),
      FieldDefinition.custom("budget", FieldType.DECIMAL),
      FieldDefinition.custom("email_domain", FieldType.STRING),
      FieldDefinition.custom("lead_score", FieldType.DECIMAL),
      FieldDefinition.customEnum("lead_grade", FieldType.ENUM, List.of("A", "B", "C", "D"))));

  private ScoringSamples() {}

  static FieldValues lead(Map<String, ?> values) {
    return FieldValues.empty(LEADS).with(values, false);
  }

  /** Finance fit 30, large 20, budget 15, competitors -40 (fit capped at 50); engagement capped at 40. */
  static ScoringModel.Builder model() {
    return ScoringModel.builder("lead_score", EntityKind.LEAD)
        .group(RuleGroup.of("fit", Dimension.FIT, 50.0,
            ScoringRule.fit("finance", Criteria.field("industry").in("bank", "insurance"), 30),
            ScoringRule.fit("large", Criteria.field("employees").gte(1000), 20),
            ScoringRule.fit("budget", Criteria.field("budget").gte(500_000), 15),
            ScoringRule.fit("competitor", Criteria.field("email_domain").eq("rival.com"), -40)))
        .group(RuleGroup.of("engagement", Dimension.ENGAGEMENT, 40.0,
            ScoringRule.engagement("opened", List.of("email_opened"), 5, 3,
                EngagementWindow.within(Duration.ofDays(30))),
            ScoringRule.engagement("visited", List.of("page_visited", "visit"), 10, 2,
                EngagementWindow.halfLife(Duration.ofDays(14))),
            ScoringRule.engagement("met", List.of("meeting"), 25, 1,
                EngagementWindow.within(Duration.ofDays(60)))));
  }

  static Engagement daysAgo(String signal, double days) {
    return Engagement.of(signal, NOW.minusSeconds((long) (days * 86_400)));
  }
}
