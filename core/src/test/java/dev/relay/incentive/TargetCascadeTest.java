package dev.relay.incentive;

import static dev.relay.incentive.IncentiveSamples.ACME;
import static dev.relay.incentive.IncentiveSamples.LI;
import static dev.relay.incentive.IncentiveSamples.MARCH;
import static dev.relay.incentive.IncentiveSamples.NORTH;
import static dev.relay.incentive.IncentiveSamples.SHANGHAI;
import static dev.relay.incentive.IncentiveSamples.WANG;
import static dev.relay.incentive.IncentiveSamples.ZHAO;
import static dev.relay.incentive.IncentiveSamples.chart;
import static dev.relay.incentive.IncentiveSamples.cny;
import static dev.relay.incentive.IncentiveSamples.credit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relay.common.Money;
import dev.relay.common.Period;
import dev.relay.common.TeamId;
import dev.relay.common.Verdict;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** 目标拆解: company → team → rep, over months, ramped for new reps, reconciled, and measured. */
class TargetCascadeTest {
  private static final Period YEAR = Period.year(2026, SHANGHAI);
  private static final TeamId SOUTH = TeamId.of(ACME, "south");
  private final Target company = Target.of(TargetOwner.company(ACME), YEAR, cny("12000000"), cny("15000000"));

  @Test
  void aCompanyTargetCascadesToTeamsByLastYearsShareAndToRepsEqually() {
    List<Target> teams = TargetCascade.allocate(company,
        List.of(TargetOwner.team(NORTH), TargetOwner.team(SOUTH)),
        new Allocation.LastYearShare(Map.of("team:north", cny("6000000"), "team:south", cny("2000000"))));

    assertEquals(cny("9000000.00"), teams.get(0).base());
    assertEquals(cny("11250000.00"), teams.get(0).stretch());
    assertEquals(cny("3000000.00"), teams.get(1).base());

    List<Target> reps = TargetCascade.allocate(teams.get(0),
        List.of(TargetOwner.rep(LI), TargetOwner.rep(WANG), TargetOwner.rep(ZHAO)), new Allocation.Equal());
    assertEquals(List.of(cny("3000000.00"), cny("3000000.00"), cny("3000000.00")),
        reps.stream().map(Target::base).toList());
    assertTrue(TargetCascade.reconcile(teams.get(0), reps, Reconciliation.EXACT).isAllowed());
  }

  @Test
  void equalPartsOfAnAwkwardAmountStillAddUpToTheWhole() {
    Target team = Target.of(TargetOwner.team(NORTH), YEAR, cny("100000"), cny("100000"));

    List<Target> reps = TargetCascade.allocate(team,
        List.of(TargetOwner.rep(LI), TargetOwner.rep(WANG), TargetOwner.rep(ZHAO)), new Allocation.Equal());

    assertEquals(List.of(cny("33333.34"), cny("33333.33"), cny("33333.33")), reps.stream().map(Target::base).toList());
    assertTrue(TargetCascade.reconcile(team, reps, Reconciliation.EXACT).isAllowed());
  }

  @Test
  void weightedAndManualAllocationsFollowTheirNumbers() {
    Target team = Target.of(TargetOwner.team(NORTH), YEAR, cny("1000000"), cny("1200000"));
    List<TargetOwner> reps = List.of(TargetOwner.rep(LI), TargetOwner.rep(WANG));

    List<Target> weighted = TargetCascade.allocate(team, reps,
        new Allocation.Weighted(Map.of("rep:li", new BigDecimal("3"), "rep:wang", new BigDecimal("1"))));
    List<Target> manual = TargetCascade.allocate(team, reps,
        new Allocation.Manual(Map.of("rep:li", cny("700000"), "rep:wang", cny("400000"))));

    assertEquals(cny("750000.00"), weighted.get(0).base());
    assertEquals(cny("300000.00"), weighted.get(1).stretch());
    assertEquals(cny("840000.00"), manual.get(0).stretch());
    // Manual 加码: 1.1M handed out against 1M is fine at-least, not exact.
    assertTrue(TargetCascade.reconcile(team, manual, Reconciliation.AT_LEAST).isAllowed());
    Verdict exact = TargetCascade.reconcile(team, manual, Reconciliation.EXACT);
    assertFalse(exact.isAllowed());
    assertEquals("reconciliation.exact", ((Verdict.Rejected) exact).reasons().get(0).rule());
  }

  @Test
  void aYearlyTargetSpreadsOverMonthsBySeasonalityAndANewRepRampsUp() {
    Target li = Target.of(TargetOwner.rep(LI), YEAR, cny("1200000"), cny("1500000"));
    // Spring Festival: February half of a normal month; December double. 125 parts: a normal month is 96,000.
    List<Target> months = TargetCascade.spread(li, Seasonality.of(10, 5, 10, 10, 10, 10, 10, 10, 10, 10, 10, 20));

    assertEquals(12, months.size());
    assertEquals(cny("48000.00"), months.get(1).base());
    assertEquals(cny("192000.00"), months.get(11).base());
    assertEquals(Period.month(2026, 2, SHANGHAI), months.get(1).period());
    Money sum = months.stream().map(Target::base).reduce(cny("0"), Money::plus);
    assertTrue(sum.isEqualTo(cny("1200000")));

    // Li starts on 10 February: 25% in February, 50% in March, 75% in April, then the full target.
    RampUp ramp = RampUp.of(25, 50, 75);
    List<Target> ramped = new ArrayList<>();
    for (Target m : months) {
      ramped.add(TargetCascade.rampUp(m, LocalDate.of(2026, 2, 10), ramp));
    }
    assertEquals(cny("0.00"), ramped.get(0).base());
    assertEquals(cny("12000.00"), ramped.get(1).base());
    assertEquals(cny("48000.00"), ramped.get(2).base());
    assertEquals(cny("72000.00"), ramped.get(3).base());
    assertEquals(cny("96000.00"), ramped.get(4).base());
  }

  @Test
  void attainmentIsMeasuredOnBookedOrCollectedRevenueForRepsTeamsAndTheCompany() {
    TargetBook book = TargetBook.of(List.of(
        Target.of(TargetOwner.rep(LI), MARCH, cny("100000"), cny("150000")),
        Target.of(TargetOwner.rep(WANG), MARCH, cny("100000"), cny("150000")),
        Target.of(TargetOwner.team(NORTH), MARCH, cny("250000"), cny("300000")),
        Target.of(TargetOwner.company(ACME), Period.quarter(2026, 1, SHANGHAI), cny("900000"), cny("1000000"))));
    DealCredit collected = new DealCredit(IncentiveSamples.deal("D-2"), WANG, cny("50000"), CreditKind.REVENUE,
        IncentiveSamples.march(5), IncentiveSamples.march(25), null);
    List<DealCredit> credits = List.of(credit("D-1", LI, "120000", 3), collected);

    List<Attainment> booked = AttainmentReport.measure(ACME, book, credits, Measure.BOOKED, MARCH, chart(),
        cny("0").currency());
    List<Attainment> paid = AttainmentReport.measure(ACME, book, List.of(credit("D-1", LI, "120000", 3), collected),
        Measure.COLLECTED, MARCH, chart(), cny("0").currency());

    assertEquals(List.of("rep:li", "rep:wang", "team:north"), booked.stream().map(a -> a.owner().key()).toList());
    assertEquals(0, new BigDecimal("1.2").compareTo(booked.get(0).ratio()));
    assertTrue(booked.get(0).reachedBase());
    assertFalse(booked.get(0).reachedStretch());
    assertTrue(booked.get(2).achieved().isEqualTo(cny("170000")));
    assertTrue(paid.get(0).achieved().isZero());
    assertTrue(paid.get(1).achieved().isEqualTo(cny("50000")));
    // A quarter without its own rep targets sums the months inside it.
    assertEquals(cny("100000"), book.levels(TargetOwner.rep(LI), Period.quarter(2026, 1, SHANGHAI)).orElseThrow()
        .base());
  }
}
