package dev.relay.playbook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.relay.criteria.Criteria;
import dev.relay.fields.EntityKind;
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
import net.jqwik.api.AfterFailureMode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Any valid scoring section survives its JSON form: {@code read(write(p))} equals {@code p} and writes the same text,
 * whatever the points (fractions, negatives), caps, windows, grades, matrix, predictive part and blend.
 */
class ScoringSectionProperties {

  @Property(tries = 150, afterFailure = AfterFailureMode.PREVIOUS_SEED)
  void writeThenReadGivesTheSameScoringSection(@ForAll("models") ScoringModel model) {
    Playbook playbook = LeadScoringPlaybook.builder().scoring(ScoringPolicy.of(model)).build();

    String json = PlaybookJson.write(playbook);
    Playbook back = PlaybookJson.read(json);

    assertEquals(playbook, back);
    assertEquals(json, PlaybookJson.write(back));
    assertEquals(model, back.scoring().models().get(0));
  }

  @Provide
  Arbitrary<ScoringModel> models() {
    Arbitrary<Double> points = Arbitraries.oneOf(Arbitraries.integers().between(-50, 50).map(Integer::doubleValue),
        Arbitraries.of(0.5, -15.5, 2.25, 0.1));
    Arbitrary<Double> cap = Arbitraries.integers().between(0, 100).map(Integer::doubleValue).injectNull(0.4);
    Arbitrary<Criteria> when = Arbitraries.of(Criteria.always(), Criteria.field("industry").in("bank", "insurance"),
        Criteria.field("employees").gte(1000), Criteria.field("budget").lt(new java.math.BigDecimal("2.5")),
        Criteria.not(Criteria.field("industry").eq("retail")));
    Arbitrary<ScoringRule> fit = Combinators.combine(Arbitraries.integers().between(0, 999), when, points)
        .as((k, w, p) -> new ScoringRule.FitRule("f" + k, "Fit " + k, w, p));
    Arbitrary<EngagementWindow> window = Arbitraries.oneOf(
        Arbitraries.integers().between(1, 90).map(d -> EngagementWindow.within(Duration.ofDays(d))),
        Arbitraries.integers().between(1, 72).map(h -> EngagementWindow.halfLife(Duration.ofHours(h))));
    Arbitrary<ScoringRule> engagement = Combinators.combine(Arbitraries.integers().between(0, 999),
            Arbitraries.of("email_opened", "visit", "replied").list().ofMinSize(1).ofMaxSize(3).uniqueElements(),
            points, Arbitraries.integers().between(1, 5), window)
        .as((k, s, p, n, w) -> new ScoringRule.EngagementRule("e" + k, "Engagement " + k, s, p, n, w));
    Arbitrary<RuleGroup> fitGroup = Combinators.combine(cap, fit.list().ofMinSize(1).ofMaxSize(4)
        .uniqueElements(ScoringRule::key)).as((c, r) -> new RuleGroup("fit", "Fit", Dimension.FIT, c, r));
    Arbitrary<RuleGroup> engagementGroup = Combinators.combine(cap, engagement.list().ofMinSize(1).ofMaxSize(4)
        .uniqueElements(ScoringRule::key))
        .as((c, r) -> new RuleGroup("engagement", "Engagement", Dimension.ENGAGEMENT, c, r));
    Arbitrary<PredictiveSpec> predictive = Combinators.combine(Arbitraries.of(ModelKind.values()),
            Arbitraries.of(FeatureSpec.quantiles("budget", 7), FeatureSpec.edges("budget", 0.5, 10.0, 1e6)),
            Arbitraries.of(0.5, 1.0, 2.0), Arbitraries.of(true, false), Arbitraries.integers().between(0, 500))
        .as((kind, numeric, smoothing, perTeam, min) -> PredictiveSpec.builder(kind).categorical("industry")
            .feature(numeric).smoothing(smoothing).l2(smoothing).perTeam(perTeam).minHistory(min).build())
        .injectNull(0.4);
    Arbitrary<Grading> grades = Arbitraries.of(Grading.standard(), Grading.of("A", 70, "B", 45.5, "C", -10, "D"),
        Grading.of("A", 0, "D"));
    Arbitrary<GradeMatrix> matrix = Arbitraries.of(new GradeMatrix(Grading.of("A", 40, "B", 20, "C"),
        Grading.of("1", 25, "2", 10, "3"))).injectNull(0.5);
    return Combinators.combine(fitGroup, engagementGroup, cap, grades, matrix, predictive)
        .as((f, e, c, g, m, p) -> {
          ScoringModel.Builder b = ScoringModel.builder("lead_score", EntityKind.LEAD).label("Lead score")
              .group(f).group(e).grades(g).scoreField("lead_score").gradeField("lead_grade");
          if (c != null) {
            b.cap(c);
          }
          if (m != null) {
            b.matrix(m);
          }
          if (p != null) {
            b.predictive(p).blend(new Blend(0.7, 0.3));
          }
          return b.build();
        });
  }
}
