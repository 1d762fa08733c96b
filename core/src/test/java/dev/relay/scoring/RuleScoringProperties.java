package dev.relay.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relay.criteria.Criteria;
import dev.relay.fields.EntityKind;
import dev.relay.fields.FieldValues;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.AfterFailureMode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * Invariants of rule scoring over random models, leads and engagement histories: caps hold, the explanation adds up
 * to the score, the fast path agrees with the explained one, and decay never raises a score as time passes.
 */
class RuleScoringProperties {
  private static final List<String> SIGNALS = List.of("email_opened", "page_visited", "replied", "meeting");

  @Property(tries = 300, afterFailure = AfterFailureMode.PREVIOUS_SEED)
  void scoresStayWithinEveryCapAndTheExplanationAddsUp(@ForAll("models") ScoringModel model,
      @ForAll("leads") FieldValues lead, @ForAll("histories") List<Engagement> history) {
    RuleScorer scorer = RuleScorer.compile(model, ScoringSamples.LEADS);

    RuleScore score = scorer.score(lead, history, ScoringSamples.NOW);

    if (model.cap() != null) {
      assertTrue(score.score() <= model.cap() + 1e-9, score + " above cap " + model.cap());
    }
    double fitCaps = capSum(model, Dimension.FIT);
    double engagementCaps = capSum(model, Dimension.ENGAGEMENT);
    assertTrue(score.fit() <= fitCaps + 1e-9, score + " fit above caps " + fitCaps);
    assertTrue(score.engagement() <= engagementCaps + 1e-9, score + " engagement above caps " + engagementCaps);
    assertEquals(score.score(), score.contributionTotal(), 1e-9, score.toString());
    assertEquals(score.score(), scorer.points(lead, history, ScoringSamples.NOW), 1e-9);
    Statistics.label("clipped")
        .collect(score.contributions().stream().anyMatch(c -> c.kind() != Contribution.Kind.RULE));
    Statistics.label("clipped").coverage(c -> c.check(true).count(n -> n > 10));
  }

  @Property(tries = 300, afterFailure = AfterFailureMode.PREVIOUS_SEED)
  void decayNeverIncreasesAScoreAsTimePasses(@ForAll("positiveModels") ScoringModel model,
      @ForAll("leads") FieldValues lead, @ForAll("pastHistories") List<Engagement> history,
      @ForAll @IntRange(min = 0, max = 90 * 24) int hoursLater) {
    RuleScorer scorer = RuleScorer.compile(model, ScoringSamples.LEADS);
    Instant later = ScoringSamples.NOW.plus(Duration.ofHours(hoursLater));

    double now = scorer.points(lead, history, ScoringSamples.NOW);
    double then = scorer.points(lead, history, later);

    assertTrue(then <= now + 1e-9, "score rose from " + now + " to " + then + " after " + hoursLater + "h");
    Statistics.label("fell").collect(then < now - 1e-9);
    Statistics.label("fell").coverage(c -> c.check(true).count(n -> n > 10));
  }

  private static double capSum(ScoringModel model, Dimension dimension) {
    double sum = 0;
    for (RuleGroup g : model.groups()) {
      if (g.dimension() == dimension) {
        sum += g.cap() != null ? g.cap()
            : g.rules().stream().mapToDouble(r -> Math.max(r.points(), 0) * maxCount(r)).sum();
      }
    }
    return sum;
  }

  private static int maxCount(ScoringRule rule) {
    return rule instanceof ScoringRule.EngagementRule e ? e.maxCount() : 1;
  }

  @Provide
  Arbitrary<ScoringModel> models() {
    return models(-30);
  }

  /** Engagement points are positive: a decaying penalty would rightly raise the score as it fades. */
  @Provide
  Arbitrary<ScoringModel> positiveModels() {
    return models(0);
  }

  private Arbitrary<ScoringModel> models(int minPoints) {
    Arbitrary<Double> cap = Arbitraries.integers().between(0, 80).map(Integer::doubleValue).injectNull(0.3);
    Arbitrary<RuleGroup> fit = Combinators.combine(cap, fitRules().list().ofMinSize(1).ofMaxSize(5))
        .as((c, rules) -> new RuleGroup("fit", "fit", Dimension.FIT, c, rules));
    Arbitrary<RuleGroup> engagement = Combinators.combine(cap, engagementRules(minPoints).list().ofMinSize(1)
            .ofMaxSize(5).uniqueElements(ScoringRule::key))
        .as((c, rules) -> new RuleGroup("engagement", "engagement", Dimension.ENGAGEMENT, c, rules));
    return Combinators.combine(fit, engagement, cap).as((f, e, c) -> {
      ScoringModel.Builder b = ScoringModel.builder("m", EntityKind.LEAD).group(f).group(e);
      if (c != null) {
        b.cap(c);
      }
      return b.build();
    });
  }

  private Arbitrary<ScoringRule> fitRules() {
    Arbitrary<Criteria> when = Arbitraries.of(
        Criteria.field("industry").in("bank", "insurance"), Criteria.field("employees").gte(100),
        Criteria.field("budget").lt(50_000), Criteria.field("email_domain").isSet(),
        Criteria.not(Criteria.field("industry").eq("retail")));
    return Combinators.combine(when, Arbitraries.integers().between(-30, 40))
        .as((w, p) -> ScoringRule.fit("f" + Math.abs(w.hashCode() % 1000) + "_" + (p + 30), w, p));
  }

  private Arbitrary<ScoringRule> engagementRules(int minPoints) {
    Arbitrary<EngagementWindow> window = Arbitraries.oneOf(
        Arbitraries.integers().between(1, 60).map(d -> EngagementWindow.within(Duration.ofDays(d))),
        Arbitraries.integers().between(1, 30).map(d -> EngagementWindow.halfLife(Duration.ofDays(d))));
    return Combinators.combine(Arbitraries.of(SIGNALS).list().ofMinSize(1).ofMaxSize(2).uniqueElements(),
            Arbitraries.integers().between(minPoints, 20), Arbitraries.integers().between(1, 4), window,
            Arbitraries.integers().between(0, 999))
        .as((s, p, n, w, k) -> ScoringRule.engagement("e" + k, s, p, n, w));
  }

  @Provide
  Arbitrary<FieldValues> leads() {
    return Combinators.combine(Arbitraries.of("bank", "insurance", "retail", "education").injectNull(0.2),
            Arbitraries.integers().between(1, 5000).injectNull(0.2),
            Arbitraries.integers().between(0, 900_000).injectNull(0.2),
            Arbitraries.of("rival.com", "example.com").injectNull(0.3))
        .as((industry, employees, budget, domain) -> {
          Map<String, Object> values = new java.util.HashMap<>();
          values.put("industry", industry);
          values.put("employees", employees);
          values.put("budget", budget);
          values.put("email_domain", domain);
          return ScoringSamples.lead(values);
        });
  }

  /** Engagements up to five days after "now" too, which must not count yet. */
  @Provide
  Arbitrary<List<Engagement>> histories() {
    return histories(-5 * 24);
  }

  /**
   * Engagements that already happened: one dated after "now" would rightly raise the score once its time comes.
   */
  @Provide
  Arbitrary<List<Engagement>> pastHistories() {
    return histories(0);
  }

  private Arbitrary<List<Engagement>> histories(int minHoursAgo) {
    Arbitrary<Engagement> one = Combinators.combine(Arbitraries.of(SIGNALS),
            Arbitraries.integers().between(minHoursAgo, 120 * 24))
        .as((s, hoursAgo) -> Engagement.of(s, ScoringSamples.NOW.minus(Duration.ofHours(hoursAgo))));
    return one.list().ofMaxSize(12).map(ArrayList::new);
  }
}
