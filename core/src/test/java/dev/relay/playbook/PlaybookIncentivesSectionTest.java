package dev.relay.playbook;

import static dev.relay.criteria.Criteria.all;
import static dev.relay.criteria.Criteria.field;
import static dev.relay.playbook.PlaybookEdits.edited;
import static dev.relay.playbook.PlaybookEdits.json;
import static dev.relay.playbook.PlaybookEdits.rejects;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.relay.common.Money;
import dev.relay.common.Period;
import dev.relay.common.TenantId;
import dev.relay.incentive.CommissionPlan;
import dev.relay.incentive.Component;
import dev.relay.incentive.DimensionKind;
import dev.relay.incentive.IncentivePolicy;
import dev.relay.incentive.Measure;
import dev.relay.incentive.RampUp;
import dev.relay.incentive.Reconciliation;
import dev.relay.incentive.Scorecard;
import dev.relay.incentive.ScorecardDimension;
import dev.relay.incentive.Seasonality;
import dev.relay.incentive.SplitPolicy;
import dev.relay.incentive.TargetEntry;
import dev.relay.incentive.TargetOwner;
import dev.relay.incentive.TargetSettings;
import dev.relay.incentive.Tier;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The {@code incentives} section: the seeds' two schemes, targets and a scorecard, built in Java and read from JSON to
 * the same playbook; and each mistake reported with its path.
 */
class PlaybookIncentivesSectionTest {

  static IncentivePolicy incentives() {
    return IncentivePolicy.builder()
        .splits(new SplitPolicy(Map.of("presales", new BigDecimal("20")), Map.of("specialist", new BigDecimal("50"))))
        .collectedStage("payment")
        .targets(new TargetSettings(Reconciliation.AT_LEAST, Seasonality.of(8, 5, 8, 8, 8, 8, 8, 8, 8, 8, 8, 15),
            RampUp.of(25, 50, 75), List.of(
                new TargetEntry("company", "2026", Money.of("12000000", "CNY"), Money.of("15000000", "CNY")),
                new TargetEntry("team:north", "2026-Q1", Money.of("1500000", "CNY"), Money.of("1800000", "CNY")),
                new TargetEntry("rep:li", "2026-03", Money.of("200000", "CNY"), Money.of("260000", "CNY")))))
        .scorecard(new Scorecard("sales_rep", List.of(
            ScorecardDimension.of(DimensionKind.REVENUE_ATTAINMENT, "0.4", "1.0"),
            ScorecardDimension.of(DimensionKind.CUSTOMER_SATISFACTION, "0.2", "90"),
            ScorecardDimension.of(DimensionKind.PROCESS_COMPLIANCE, "0.2", "0.9"),
            ScorecardDimension.of(DimensionKind.COLLABORATION, "0.2", "10")), new BigDecimal("1.2")))
        .plan(CommissionPlan.builder("base_and_stretch", "CNY").name("Base target plus stretch with accelerator")
            .graduated("tiers", Tier.of("0", "0.05"), Tier.of("1.0", "0.08"))
            .accelerator("stretch_accelerator", "1.3", "0.03")
            .component(new Component.Spiff("big_deal", all(field("budget").gte(500_000)), Money.of("2000", "CNY")))
            .dealCap("deal_cap", "50000")
            .clawback("clawback", 90)
            .build())
        .plan(CommissionPlan.builder("individual_and_team", "CNY").name("Individual plus team profit sharing")
            .measure(Measure.COLLECTED)
            .flatRate("individual", "0.04")
            .teamPool("team_pool", "0.02", "0.6", "0.4")
            .override("override", "0.01", 2)
            .draw("draw", "3000", true)
            .build())
        .build();
  }

  private static Playbook built() {
    return SmallTeamPlaybook.builder("Small team").incentives(incentives()).build();
  }

  private static String canonical() {
    return PlaybookJson.write(built());
  }

  @Test
  void theSeedsSchemesReadBackToTheSamePlaybook() {
    String json = canonical();

    Playbook read = PlaybookJson.read(json);

    assertEquals(built(), read);
    assertEquals(json, PlaybookJson.write(read));
    assertEquals(incentives(), read.incentives());
    assertTrue(json.contains("\"type\": \"team_pool\""), json);
    assertTrue(json.contains("\"collaboration_weight\": 0.4"), json);
  }

  @Test
  void aPlaybookWithoutIncentivesKeepsItsForm() {
    assertFalse(PlaybookJson.write(SmallTeamPlaybook.built()).contains("incentives"));
    assertEquals(IncentivePolicy.defaults(), SmallTeamPlaybook.built().incentives());
  }

  @Test
  void targetsBindToATenantInThePlaybooksZone() {
    TenantId acme = TenantId.of("acme");
    var book = built().incentives().targets().book(acme, ZoneId.of("Asia/Shanghai"));

    var march = book.levels(TargetOwner.rep(dev.relay.common.RepId.of(acme, "li")),
        Period.month(2026, 3, ZoneId.of("Asia/Shanghai"))).orElseThrow();
    assertEquals(Money.of("260000", "CNY"), march.stretch());
  }

  @Test
  void unknownComponentTypeIsReportedWithADidYouMean() {
    rejects(edit(i -> component(i, 1, 0).put("type", "flat_rat")),
        "incentives.plans[1].components[0].type: unknown component type 'flat_rat' (did you mean 'flat_rate'?)");
  }

  @Test
  void tiersMustStartAtZeroAndAscend() {
    rejects(edit(i -> ((ObjectNode) component(i, 0, 0).withArray("tiers").get(1)).put("from", 0)),
        "incentives.plans[0].components[0].tiers[1].from: tiers must start in ascending order: 0 after 0");
  }

  @Test
  void teamPoolWeightsMustTotalOne() {
    rejects(edit(i -> component(i, 1, 1).put("collaboration_weight", 0.5)),
        "incentives.plans[1].components[1]: attainment and collaboration weights must total 1, not 1.1");
  }

  @Test
  void negativeRatesAndUnknownKeysAreReported() {
    rejects(edit(i -> component(i, 1, 0).put("rate", -0.04)),
        "incentives.plans[1].components[0]: rate must not be negative: -0.04");
    rejects(edit(i -> component(i, 1, 0).put("tiers", 1)),
        "incentives.plans[1].components[0].tiers: unknown key 'tiers' (keys: type, key, rate, credit)");
  }

  @Test
  void spiffCriteriaAreCheckedAgainstTheDealSchema() {
    rejects(edit(i -> component(i, 0, 2).set("when", json("{'all': [{'field': 'budgt', 'op': 'gte', 'value': 1}]}"))),
        "incentives.plans[0].components[2].when.all[0].field: unknown field 'budgt' (did you mean 'budget'?)");
  }

  @Test
  void targetsNeedAWellFormedOwnerAndPeriodAndAStretchNotBelowTheBase() {
    rejects(edit(i -> level(i, 1).put("owner", "squad:north").put("period", "2026-Q5")),
        "incentives.targets.levels[1].owner: expected 'company', 'team:<id>' or 'rep:<id>', got 'squad:north'",
        "incentives.targets.levels[1].period: expected a period like '2026', '2026-Q1', '2026-03' or '2026-W05', got"
            + " '2026-Q5'");
    rejects(edit(i -> level(i, 2).put("stretch", 100)),
        "incentives.targets.levels[2].stretch: the stretch target 100 is below the base 200000");
  }

  @Test
  void scorecardsNeedAKnownRoleAndWeightsTotallingOne() {
    rejects(edit(i -> {
      ObjectNode card = (ObjectNode) i.withArray("scorecards").get(0);
      card.put("role", "sales_repp");
      ((ObjectNode) card.withArray("dimensions").get(0)).put("weight", 0.5);
    }), "incentives.scorecards[0].role: unknown role 'sales_repp'",
        "incentives.scorecards[0].dimensions: weights must total 1, not 1.1");
  }

  @Test
  void theCollectedStageMustBeAStageAndPlanKeysUnique() {
    rejects(edit(i -> {
      i.put("collected_stage", "paid");
      ((ObjectNode) i.withArray("plans").get(1)).put("key", "base_and_stretch");
    }), "incentives.collected_stage: unknown stage 'paid'",
        "incentives.plans[1].key: duplicate plan 'base_and_stretch' (first at incentives.plans[0])");
  }

  @Test
  void aNonGuaranteedDrawReadsBackAndAGuaranteedOneKeepsItsForm() {
    assertFalse(canonical().contains("guaranteed"), "the default is not written");
    String json = edit(i -> component(i, 1, 3).put("guaranteed", false).put("min_attainment", 0.5));

    Playbook read = PlaybookJson.read(json);

    Component.Draw draw = read.incentives().plans().get(1).components(Component.Draw.class).get(0);
    assertFalse(draw.guaranteed());
    assertEquals(new BigDecimal("0.5"), draw.minAttainment());
    assertEquals(read, PlaybookJson.read(PlaybookJson.write(read)));
    assertTrue(PlaybookJson.write(read).contains("\"min_attainment\": 0.5"), PlaybookJson.write(read));
  }

  @Test
  void aDrawsMinimumAttainmentMustFitTheDraw() {
    rejects(edit(i -> component(i, 1, 3).put("guaranteed", false).put("min_attainment", 12)),
        "incentives.plans[1].components[3].min_attainment: must be a fraction of target within [0, 10], not 12");
    rejects(edit(i -> component(i, 1, 3).put("min_attainment", 0.5)),
        "incentives.plans[1].components[3].min_attainment: a guaranteed draw is paid whatever the attainment; set"
            + " guaranteed to false to make it conditional, or remove min_attainment");
    rejects(edit(i -> component(i, 1, 3).put("guaranteed", false)),
        "incentives.plans[1].components[3].min_attainment: a non-guaranteed draw needs the minimum attainment it is"
            + " paid at, e.g. 0.5 for 50% of target");
  }

  private static String edit(Consumer<ObjectNode> change) {
    return edited(canonical(), root -> change.accept((ObjectNode) root.get("incentives")));
  }

  private static ObjectNode component(ObjectNode incentives, int plan, int component) {
    ArrayNode plans = incentives.withArray("plans");
    return (ObjectNode) ((ObjectNode) plans.get(plan)).withArray("components").get(component);
  }

  private static ObjectNode level(ObjectNode incentives, int index) {
    return (ObjectNode) ((ObjectNode) incentives.get("targets")).withArray("levels").get(index);
  }
}
