package dev.relay.incentive;

import static dev.relay.criteria.Criteria.all;
import static dev.relay.criteria.Criteria.field;
import static dev.relay.incentive.IncentiveSamples.ACME;
import static dev.relay.incentive.IncentiveSamples.DIRECTOR;
import static dev.relay.incentive.IncentiveSamples.LI;
import static dev.relay.incentive.IncentiveSamples.MARCH;
import static dev.relay.incentive.IncentiveSamples.MEI;
import static dev.relay.incentive.IncentiveSamples.WANG;
import static dev.relay.incentive.IncentiveSamples.chart;
import static dev.relay.incentive.IncentiveSamples.cny;
import static dev.relay.incentive.IncentiveSamples.credit;
import static dev.relay.incentive.IncentiveSamples.deal;
import static dev.relay.incentive.IncentiveSamples.target;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relay.common.Money;
import dev.relay.common.ValidationException;
import dev.relay.pipeline.Deal;
import dev.relay.pipeline.DealSamples;
import dev.relay.pipeline.DealStatus;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each commission component on its own, with the lines it explains itself by. */
class CommissionComponentsTest {

  @Test
  void retroactiveTiersPayAllRevenueAtTheRateOfTheTierReached() {
    CommissionPlan plan = CommissionPlan.builder("retro", "CNY")
        .retroactive("retro", Tier.of("0", "0.03"), Tier.of("0.8", "0.06")).build();
    CommissionInputs inputs = CommissionInputs.builder(MARCH).target(LI, target("100000", "100000"))
        .credit(credit("D-1", LI, "50000", 3)).credit(credit("D-2", LI, "40000", 4)).build();

    CommissionStatement s = CommissionEngine.calculate(plan, inputs, LI);

    assertEquals(cny("5400.00"), s.total());
    assertTrue(s.lines().get(0).tier().contains("on all revenue"), s.lines().get(0).tier());
  }

  /** Found by jqwik: rounding each band's part of a deal on its own paid a cent less after an earlier deal grew. */
  @Test
  void aDealAcrossTierBoundariesPaysItsExactTieredCommissionRoundedOnce() {
    CommissionPlan plan = CommissionPlan.builder("flat_tiers", "CNY").graduated("tiers", Tier.of("0", "0.02"),
        Tier.of("0.02", "0.02"), Tier.of("0.03", "0.02"), Tier.of("0.04", "0.02")).build();
    CommissionInputs.Builder before = CommissionInputs.builder(MARCH).target(LI, target("100000", "100000"))
        .credit(credit("D-1", LI, "1000.46", 1)).credit(credit("D-2", LI, "0.21", 2))
        .credit(credit("D-3", LI, "999.26", 3));
    CommissionInputs.Builder after = CommissionInputs.builder(MARCH).target(LI, target("100000", "100000"))
        .credit(credit("D-1", LI, "1000.54", 1)).credit(credit("D-2", LI, "0.21", 2))
        .credit(credit("D-3", LI, "999.26", 3));

    CommissionStatement was = CommissionEngine.calculate(plan, before.build(), LI);
    CommissionStatement is = CommissionEngine.calculate(plan, after.build(), LI);

    // D-3 now crosses 2,000 (2% of target): 999.25 + 0.01, still 19.99 in all.
    assertEquals(2, is.lines().stream().filter(l -> deal("D-3").equals(l.deal())).count(), is::render);
    assertEquals(cny("19.99"), is.lines().stream().filter(l -> deal("D-3").equals(l.deal()))
        .map(StatementLine::amount).reduce(cny("0"), Money::plus).rounded());
    assertEquals(cny("40.00"), was.total());
    assertEquals(cny("40.00"), is.total());
  }

  @Test
  void aDeceleratorPaysAFractionBelowItsThreshold() {
    CommissionPlan plan = CommissionPlan.builder("decel", "CNY").flatRate("flat", "0.05")
        .decelerator("decelerator", "0.5", "0.5").build();
    CommissionInputs inputs = CommissionInputs.builder(MARCH).target(LI, target("100000", "100000"))
        .credit(credit("D-1", LI, "40000", 3)).build();

    CommissionStatement s = CommissionEngine.calculate(plan, inputs, LI);

    StatementLine cut = s.lines(LineKind.DECELERATOR).get(0);
    assertEquals(cny("-1000.00"), cut.amount());
    assertEquals("attainment 40%", cut.subject());
    assertEquals(cny("1000.00"), s.total());
  }

  @Test
  void aSpiffPaysAFixedBonusOnDealsMatchingItsCriteria() {
    Deal won = DealSamples.dealWithStatus(ACME, "D-9", DealStatus.WON);
    CommissionPlan plan = CommissionPlan.builder("spiff", "CNY")
        .component(new Component.Spiff("big_seats", all(field("seats").gte(30)), cny("500")))
        .component(new Component.Spiff("huge_seats", all(field("seats").gte(100)), cny("5000")))
        .build();
    List<DealCredit> credits = CreditSplitter.credits(won, SplitPolicy.ownerTakesAll(), null);

    CommissionStatement s = CommissionEngine.calculate(plan,
        CommissionInputs.builder(MARCH).credits(credits).build(), LI);

    assertEquals(1, s.lines(LineKind.SPIFF).size(), s::render);
    assertEquals("big_seats", s.lines(LineKind.SPIFF).get(0).component());
    assertEquals(cny("500.00"), s.total());
  }

  @Test
  void aPresalesCollaboratorTakesARevenueShareAndASpecialistGetsOverlayCreditKeptApart() {
    Deal won = DealSamples.dealWithStatus(ACME, "D-9", DealStatus.WON); // owner li, collaborator wang as "coach"
    SplitPolicy policy = new SplitPolicy(Map.of("coach", new BigDecimal("30")), Map.of());

    List<DealCredit> credits = CreditSplitter.credits(won, policy, null);

    assertEquals(List.of(cny("175000.00"), cny("75000.00")), credits.stream().map(DealCredit::amount).toList());
    assertEquals(List.of(LI, WANG), credits.stream().map(DealCredit::rep).toList());

    List<DealCredit> overlay = CreditSplitter.credits(won,
        new SplitPolicy(Map.of(), Map.of("coach", new BigDecimal("50"))), null);
    assertEquals(cny("250000.00"), overlay.get(0).amount());
    assertEquals(CreditKind.OVERLAY, overlay.get(1).kind());
    CommissionPlan plan = CommissionPlan.builder("p", "CNY").flatRate("revenue", "0.04")
        .component(new Component.FlatRate("overlay", new BigDecimal("0.01"), CreditKind.OVERLAY)).build();
    CommissionStatement wang = CommissionEngine.calculate(plan, CommissionInputs.builder(MARCH).credits(overlay)
        .target(WANG, target("100000", "100000")).build(), WANG);
    assertEquals(cny("1250.00"), wang.total());
    assertEquals(Map.of("overlay", cny("1250.00")), wang.totalsByComponent());
  }

  @Test
  void revenueSplitsMustTotalOneHundredPercent() {
    ValidationException e = assertThrows(ValidationException.class, () -> CreditSplitter.split(deal("D-1"),
        cny("1000"), List.of(CreditSplit.revenue(LI, "60"), CreditSplit.revenue(WANG, "30")),
        IncentiveSamples.march(1), null, null));

    assertEquals("splits", e.problems().get(0).path());
    assertTrue(e.getMessage().contains("total 90%"), e.getMessage());
  }

  @Test
  void managerOverridesClimbTheHierarchyWithoutDoubleCredit() {
    CommissionPlan plan = CommissionPlan.builder("override", "CNY").flatRate("flat", "0.05")
        .override("override", "0.01", 2).build();
    CommissionInputs inputs = CommissionInputs.builder(MARCH).chart(chart())
        .credit(credit("D-1", LI, "100000", 3))
        .credit(credit("D-2", WANG, "50000", 4))
        // D-3 is shared between Li and their manager Mei: Mei gets no override on it, the director gets one.
        .credit(credit("D-3", LI, "30000", 5))
        .credit(credit("D-3", MEI, "30000", 5))
        .build();

    Map<String, CommissionStatement> byRep = new java.util.HashMap<>();
    CommissionEngine.calculate(plan, inputs).forEach(s -> byRep.put(s.rep().value(), s));

    List<StatementLine> mei = byRep.get("mei").lines(LineKind.OVERRIDE);
    assertEquals(List.of(deal("D-1"), deal("D-2")), mei.stream().map(StatementLine::deal).toList());
    List<StatementLine> director = byRep.get("director").lines(LineKind.OVERRIDE);
    assertEquals(3, director.size(), byRep.get("director")::render);
    StatementLine shared = director.get(2);
    assertEquals(deal("D-3"), shared.deal());
    assertTrue(shared.base().isEqualTo(cny("60000")), shared::toString);
    assertEquals(cny("600.00"), shared.amount());
    assertEquals(DIRECTOR, byRep.get("director").rep());
  }

  @Test
  void capsTakeTheExcessOffAsNamedLines() {
    CommissionPlan plan = CommissionPlan.builder("capped", "CNY").flatRate("flat", "0.1")
        .dealCap("deal_cap", "5000").periodCap("period_cap", "8000").build();
    CommissionInputs inputs = CommissionInputs.builder(MARCH)
        .credit(credit("D-1", LI, "80000", 3)).credit(credit("D-2", LI, "40000", 4)).build();

    CommissionStatement s = CommissionEngine.calculate(plan, inputs, LI);

    assertEquals(cny("-3000.00"), s.lines(LineKind.DEAL_CAP).get(0).amount());
    assertEquals(cny("-1000.00"), s.lines(LineKind.PERIOD_CAP).get(0).amount());
    assertEquals(cny("8000.00"), s.total());
  }

  @Test
  void aPlanReportsEveryProblemWithItsPath() {
    ValidationException e = assertThrows(ValidationException.class, () -> CommissionPlan.builder("Bad Key", "CNY")
        .graduated("tiers", Tier.of("0.1", "0.05"), Tier.of("0.1", "0.08"))
        .teamPool("pool", "0.02", "0.6", "0.3")
        .flatRate("tiers", "0.01")
        .component(new Component.DealCap("cap", Money.of("10", "USD")))
        .build());

    assertEquals(List.of("key", "components[0].tiers[0].from", "components[0].tiers[1].from", "components[1]",
        "components[2].key", "components[3].max"), e.problems().stream().map(p -> p.path()).toList());
  }
}
