package dev.relay.incentive;

import static dev.relay.incentive.IncentiveSamples.ACME;
import static dev.relay.incentive.IncentiveSamples.APRIL;
import static dev.relay.incentive.IncentiveSamples.LI;
import static dev.relay.incentive.IncentiveSamples.MARCH;
import static dev.relay.incentive.IncentiveSamples.MAY;
import static dev.relay.incentive.IncentiveSamples.april;
import static dev.relay.incentive.IncentiveSamples.cny;
import static dev.relay.incentive.IncentiveSamples.credit;
import static dev.relay.incentive.IncentiveSamples.deal;
import static dev.relay.incentive.IncentiveSamples.march;
import static dev.relay.incentive.IncentiveSamples.target;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Statements over time: recalculation, closed periods, adjustments, clawbacks, draws and what-ifs. */
class StatementLedgerTest {
  private final InMemoryStatementRepository repository = new InMemoryStatementRepository();
  private final StatementLedger ledger = new StatementLedger(repository);
  private final CommissionPlan plan = CommissionPlan.builder("standard", "CNY")
      .graduated("tiers", Tier.of("0", "0.05"), Tier.of("1.0", "0.08"))
      .clawback("clawback", 90)
      .build();

  private CommissionInputs inMarch(DealCredit... credits) {
    return CommissionInputs.builder(MARCH).target(LI, target("100000", "150000")).credits(List.of(credits)).build();
  }

  @Test
  void recalculatingTheSameInputsSavesTheSameStatements() {
    CommissionInputs inputs = inMarch(credit("D-1", LI, "60000", 3), credit("D-2", LI, "70000.37", 9));

    List<CommissionStatement> first = ledger.recalculate(ACME, plan, inputs);
    List<CommissionStatement> second = ledger.recalculate(ACME, plan, inputs);

    assertEquals(first, second);
    assertEquals(first.get(0), repository.find(LI, MARCH).orElseThrow());
    // 60,000 + 40,000 at 5% = 5,000; 30,000.37 at 8% = 2,400.0296 → 2,400.03 (HALF_EVEN, once per line).
    assertEquals(cny("7400.03"), first.get(0).total());
  }

  @Test
  void aRepWhoseOnlyDealWentAwayGetsAnEmptyStatementNotAStaleOne() {
    ledger.recalculate(ACME, plan, inMarch(credit("D-1", LI, "60000", 3)));

    ledger.recalculate(ACME, plan, CommissionInputs.builder(MARCH).build());

    assertEquals(cny("0.00"), repository.find(LI, MARCH).orElseThrow().total());
  }

  @Test
  void aLateDealOfAClosedPeriodLandsAsAnAdjustmentInTheNextOpenPeriodOnce() {
    ledger.recalculate(ACME, plan, inMarch(credit("D-1", LI, "60000", 3)));
    ledger.close(ACME, MARCH);
    CommissionStatement frozen = repository.find(LI, MARCH).orElseThrow();

    CommissionInputs corrected = inMarch(credit("D-1", LI, "60000", 3), credit("D-2", LI, "50000", 30));
    List<CommissionStatement> adjusted = ledger.recalculate(ACME, plan, corrected);
    ledger.recalculate(ACME, plan, corrected);

    assertEquals(frozen, repository.find(LI, MARCH).orElseThrow());
    CommissionStatement april = repository.find(LI, APRIL).orElseThrow();
    assertEquals(adjusted.get(0), april);
    // D-2: 40,000 at 5% + 10,000 at 8% = 2,800, as one adjustment line naming the deal and the closed period.
    List<StatementLine> adjustments = april.lines(LineKind.ADJUSTMENT);
    assertEquals(1, adjustments.size(), april::render);
    assertEquals(deal("D-2"), adjustments.get(0).deal());
    assertEquals(MARCH, adjustments.get(0).adjusts());
    assertEquals(cny("2800.00"), adjustments.get(0).amount());

    // April's own recalculation keeps what landed in it.
    ledger.recalculate(ACME, plan, CommissionInputs.builder(APRIL).credit(
        DealCredit.revenue(deal("D-3"), LI, cny("1000"), april(2))).build());
    assertEquals(cny("2850.00"), repository.find(LI, APRIL).orElseThrow().total());
  }

  @Test
  void aCorrectionAfterTheAdjustmentPeriodClosedCountsOnlyTheNewDifference() {
    ledger.recalculate(ACME, plan, inMarch(credit("D-1", LI, "60000", 3)));
    ledger.close(ACME, MARCH);
    ledger.recalculate(ACME, plan, inMarch(credit("D-1", LI, "80000", 3)));
    ledger.close(ACME, APRIL);

    ledger.recalculate(ACME, plan, inMarch(credit("D-1", LI, "90000", 3)));

    StatementLine may = repository.find(LI, MAY).orElseThrow().lines(LineKind.ADJUSTMENT).get(0);
    assertEquals(cny("500.00"), may.amount());
    assertEquals(MARCH, may.adjusts());
  }

  @Test
  void aCancelledDealIsClawedBackOnTheNextStatementAtTheRateOriginallyPaid() {
    ledger.recalculate(ACME, plan, inMarch(credit("D-1", LI, "80000", 3), credit("D-2", LI, "40000", 10)));
    ledger.close(ACME, MARCH);
    // D-2 earned 20,000 × 5% + 20,000 × 8% = 2,600; half of it is refunded in April.
    CommissionInputs april = CommissionInputs.builder(APRIL)
        .reversal(new Reversal(deal("D-2"), march(10), april(5), cny("20000"), cny("40000"), "half refunded"))
        .build();

    CommissionStatement s = ledger.recalculate(ACME, plan, april).get(0);

    StatementLine clawback = s.lines(LineKind.CLAWBACK).get(0);
    assertEquals(deal("D-2"), clawback.deal());
    assertEquals(cny("2600.00"), clawback.base());
    assertEquals(cny("-1300.00"), clawback.amount());
    assertEquals("clawback", clawback.component());
  }

  @Test
  void aReversalAfterTheClawbackWindowTakesNothingBack() {
    CommissionPlan shortWindow = plan.withComponents(List.of(new Component.FlatRate("flat",
        new java.math.BigDecimal("0.05"), CreditKind.REVENUE), new Component.Clawback("clawback", 20)));
    ledger.recalculate(ACME, shortWindow, inMarch(credit("D-1", LI, "80000", 3)));
    CommissionInputs april = CommissionInputs.builder(APRIL).rep(LI)
        .reversal(new Reversal(deal("D-1"), march(3), april(5), cny("80000"), cny("80000"), "cancelled"))
        .build();

    CommissionStatement s = ledger.recalculate(ACME, shortWindow, april).get(0);

    assertTrue(s.lines(LineKind.CLAWBACK).isEmpty(), s::render);
  }

  @Test
  void aRecoverableDrawIsPaidInALeanMonthAndRecoveredFromLaterEarnings() {
    CommissionPlan withDraw = CommissionPlan.builder("draw", "CNY").flatRate("flat", "0.05")
        .draw("draw", "3000", true).build();
    ledger.recalculate(ACME, withDraw, inMarch(credit("D-1", LI, "20000", 3)));
    CommissionStatement march = repository.find(LI, MARCH).orElseThrow();
    assertEquals(cny("3000.00"), march.total());
    assertEquals(cny("2000.00"), march.drawBalance());

    CommissionStatement april = ledger.recalculate(ACME, withDraw, CommissionInputs.builder(APRIL)
        .credit(DealCredit.revenue(deal("D-2"), LI, cny("100000"), april(3))).build()).get(0);

    // 5,000 earned; 2,000 above the draw goes to the balance, which is then settled.
    assertEquals(cny("-2000.00"), april.lines(LineKind.DRAW_RECOVERY).get(0).amount());
    assertEquals(cny("3000.00"), april.total());
    assertEquals(cny("0.00"), april.drawBalance());
  }

  @Test
  void aNonRecoverableDrawIsAGuaranteeThatIsNeverRecovered() {
    CommissionPlan guarantee = CommissionPlan.builder("guarantee", "CNY").flatRate("flat", "0.05")
        .draw("guarantee", "3000", false).build();
    ledger.recalculate(ACME, guarantee, inMarch(credit("D-1", LI, "20000", 3)));
    CommissionStatement april = ledger.recalculate(ACME, guarantee, CommissionInputs.builder(APRIL)
        .credit(DealCredit.revenue(deal("D-2"), LI, cny("100000"), april(3))).build()).get(0);

    assertEquals(cny("0.00"), repository.find(LI, MARCH).orElseThrow().drawBalance());
    assertEquals(cny("5000.00"), april.total());
  }

  @Test
  void aWhatIfUnderAChangedPlanSavesNothing() {
    CommissionInputs inputs = inMarch(credit("D-1", LI, "120000", 3));
    CommissionStatement saved = ledger.recalculate(ACME, plan, inputs).get(0);
    CommissionPlan richer = CommissionPlan.builder("richer", "CNY").flatRate("flat", "0.1").build();

    CommissionStatement whatIf = ledger.whatIf(ACME, richer, inputs).get(0);

    assertEquals(cny("12000.00"), whatIf.total());
    assertEquals(saved, repository.find(LI, MARCH).orElseThrow());
  }

  @Test
  void aClosedStatementCannotBeOverwrittenDirectly() {
    CommissionStatement saved = ledger.recalculate(ACME, plan, inMarch(credit("D-1", LI, "1000", 3))).get(0);
    ledger.close(ACME, MARCH);

    assertThrows(ClosedPeriodException.class, () -> repository.save(saved));
  }
}
