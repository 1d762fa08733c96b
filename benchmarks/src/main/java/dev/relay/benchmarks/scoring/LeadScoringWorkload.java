package dev.relay.benchmarks.scoring;

import static dev.relay.criteria.Criteria.field;

import dev.relay.criteria.Criteria;
import dev.relay.fields.EntityKind;
import dev.relay.fields.FieldDefinition;
import dev.relay.fields.FieldSchema;
import dev.relay.fields.FieldType;
import dev.relay.fields.FieldValues;
import dev.relay.scoring.Dimension;
import dev.relay.scoring.Engagement;
import dev.relay.scoring.EngagementWindow;
import dev.relay.scoring.RuleGroup;
import dev.relay.scoring.ScoringModel;
import dev.relay.scoring.ScoringRule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * What the scoring benchmark scores: a 40-rule lead model in the shape marketing teams write them — 32 fit rules in
 * three capped groups (firmographics, budget, contact) and 8 engagement rules (time frames and half-lives, one
 * penalty) in a capped group, under an overall cap — and deterministic leads with 0–12 engagements each over the last
 * 120 days.
 */
final class LeadScoringWorkload {
  static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
  static final List<String> INDUSTRIES =
      List.of("bank", "insurance", "software", "retail", "manufacturing", "healthcare", "education", "government");
  static final List<String> COUNTRIES = List.of("CN", "DE", "US", "JP", "FR", "BR", "IN", "GB");
  static final List<String> SOURCES = List.of("referral", "webinar", "ads", "cold", "partner");
  static final List<String> TITLES = List.of("CEO", "Sales Director", "IT Manager", "Intern", "Engineer", "Buyer");
  static final List<String> SIGNALS = List.of("email_opened", "email_clicked", "page_visited", "form_submitted",
      "webinar_attended", "meeting", "replied", "unsubscribed", "pricing_viewed");

  static final FieldSchema SCHEMA = FieldSchema.of(EntityKind.LEAD, List.of(), List.of(
      FieldDefinition.customEnum("industry", FieldType.ENUM, INDUSTRIES),
      FieldDefinition.custom("employees", FieldType.INTEGER),
      FieldDefinition.custom("budget", FieldType.DECIMAL),
      FieldDefinition.customEnum("country", FieldType.ENUM, COUNTRIES),
      FieldDefinition.customEnum("source", FieldType.ENUM, SOURCES),
      FieldDefinition.custom("title", FieldType.STRING),
      FieldDefinition.custom("has_phone", FieldType.BOOLEAN),
      FieldDefinition.custom("email_domain", FieldType.STRING)));

  /** Points per industry, in {@link #INDUSTRIES} order. */
  static final int[] INDUSTRY_POINTS = {15, 12, 10, 4, 8, 6, -5, -10};
  static final long[] EMPLOYEE_STEPS = {10, 50, 200, 1000, 5000};
  static final int[] EMPLOYEE_POINTS = {2, 3, 4, 5, 6};
  static final long[] BUDGET_STEPS = {10_000, 50_000, 100_000, 500_000, 1_000_000};
  static final int[] BUDGET_POINTS = {3, 4, 5, 6, 7};

  private LeadScoringWorkload() {}

  static ScoringModel model() {
    List<ScoringRule> firmographics = new ArrayList<>();
    for (int i = 0; i < INDUSTRIES.size(); i++) {
      firmographics.add(ScoringRule.fit("industry_" + INDUSTRIES.get(i), field("industry").eq(INDUSTRIES.get(i)),
          INDUSTRY_POINTS[i]));
    }
    for (int i = 0; i < EMPLOYEE_STEPS.length; i++) {
      firmographics.add(ScoringRule.fit("employees_" + EMPLOYEE_STEPS[i], field("employees").gte(EMPLOYEE_STEPS[i]),
          EMPLOYEE_POINTS[i]));
    }
    firmographics.add(ScoringRule.fit("core_market", field("country").in("CN", "DE", "US"), 8));
    firmographics.add(ScoringRule.fit("second_market", field("country").in("JP", "FR", "GB"), 4));
    firmographics.add(ScoringRule.fit("far_market", field("country").in("BR", "IN"), -3));
    firmographics.add(ScoringRule.fit("unknown_country", field("country").isBlank(), -6));
    List<ScoringRule> budget = new ArrayList<>();
    for (int i = 0; i < BUDGET_STEPS.length; i++) {
      budget.add(ScoringRule.fit("budget_" + BUDGET_STEPS[i], field("budget").gte(BUDGET_STEPS[i]), BUDGET_POINTS[i]));
    }
    List<ScoringRule> contact = List.of(
        ScoringRule.fit("referral", field("source").eq("referral"), 10),
        ScoringRule.fit("webinar", field("source").eq("webinar"), 6),
        ScoringRule.fit("ads", field("source").eq("ads"), 2),
        ScoringRule.fit("cold", field("source").eq("cold"), -4),
        ScoringRule.fit("chief", field("title").contains("CEO"), 8),
        ScoringRule.fit("director", field("title").contains("Director"), 6),
        ScoringRule.fit("manager", field("title").contains("Manager"), 4),
        ScoringRule.fit("intern", field("title").contains("Intern"), -8),
        ScoringRule.fit("phone", field("has_phone").eq(true), 3),
        ScoringRule.fit("free_mail", Criteria.field("email_domain").in("gmail.com", "qq.com", "163.com"), -5));
    List<ScoringRule> engagement = List.of(
        ScoringRule.engagement("opened", List.of("email_opened"), 2, 3, EngagementWindow.within(Duration.ofDays(30))),
        ScoringRule.engagement("clicked", List.of("email_clicked"), 4, 2,
            EngagementWindow.within(Duration.ofDays(30))),
        ScoringRule.engagement("visited", List.of("page_visited"), 3, 3,
            EngagementWindow.halfLife(Duration.ofDays(14))),
        ScoringRule.engagement("pricing", List.of("pricing_viewed"), 8, 1,
            EngagementWindow.halfLife(Duration.ofDays(7))),
        ScoringRule.engagement("form", List.of("form_submitted", "webinar_attended"), 10, 1,
            EngagementWindow.within(Duration.ofDays(60))),
        ScoringRule.engagement("met", List.of("meeting"), 15, 1, EngagementWindow.halfLife(Duration.ofDays(30))),
        ScoringRule.engagement("replied", List.of("replied"), 6, 2, EngagementWindow.within(Duration.ofDays(14))),
        ScoringRule.engagement("unsubscribed", List.of("unsubscribed"), -20, 1,
            EngagementWindow.within(Duration.ofDays(365))));
    return ScoringModel.builder("lead_score", EntityKind.LEAD)
        .group(new RuleGroup("firmographics", "Firmographics", Dimension.FIT, 40.0, firmographics))
        .group(new RuleGroup("budget", "Budget", Dimension.FIT, 25.0, budget))
        .group(new RuleGroup("contact", "Contact", Dimension.FIT, 20.0, contact))
        .group(new RuleGroup("engagement", "Engagement", Dimension.ENGAGEMENT, 40.0, engagement))
        .cap(100)
        .build();
  }

  /** One lead with its engagements. */
  record Lead(FieldValues fields, List<Engagement> engagements) {}

  static Lead[] leads(int count, long seed) {
    Random random = new Random(seed);
    Lead[] leads = new Lead[count];
    for (int i = 0; i < count; i++) {
      Map<String, Object> values = new HashMap<>();
      maybe(random, values, "industry", INDUSTRIES.get(random.nextInt(INDUSTRIES.size())));
      maybe(random, values, "employees", (long) Math.exp(random.nextDouble() * 9.5));
      maybe(random, values, "budget", (long) Math.exp(random.nextDouble() * 14.5));
      maybe(random, values, "country", COUNTRIES.get(random.nextInt(COUNTRIES.size())));
      maybe(random, values, "source", SOURCES.get(random.nextInt(SOURCES.size())));
      maybe(random, values, "title", TITLES.get(random.nextInt(TITLES.size())));
      values.put("has_phone", random.nextBoolean());
      maybe(random, values, "email_domain", random.nextBoolean() ? "gmail.com" : "corp" + random.nextInt(50) + ".com");
      List<Engagement> engagements = new ArrayList<>();
      int n = random.nextInt(13);
      for (int k = 0; k < n; k++) {
        engagements.add(Engagement.of(SIGNALS.get(random.nextInt(SIGNALS.size())),
            NOW.minusSeconds((long) (random.nextDouble() * 120 * 86_400))));
      }
      leads[i] = new Lead(FieldValues.empty(SCHEMA).with(values, false), List.copyOf(engagements));
    }
    return leads;
  }

  private static void maybe(Random random, Map<String, Object> values, String field, Object value) {
    if (random.nextInt(10) > 0) {
      values.put(field, value);
    }
  }
}
