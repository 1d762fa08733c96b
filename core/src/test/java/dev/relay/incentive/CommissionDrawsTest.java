package dev.relay.incentive;

import static dev.relay.incentive.IncentiveSamples.LI;
import static dev.relay.incentive.IncentiveSamples.MARCH;
import static dev.relay.incentive.IncentiveSamples.cny;
import static dev.relay.incentive.IncentiveSamples.credit;
import static dev.relay.incentive.IncentiveSamples.target;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relay.common.Money;
import dev.relay.common.ValidationException;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Guaranteed and non-guaranteed draws (保底 / 有条件保底): a guaranteed draw pays whatever the rep did, a conditional
 * one only once the rep reaches its minimum attainment, and says so on the statement when it does not.
 */
class CommissionDrawsTest {
  private static final CommissionPlan CONDITIONAL = CommissionPlan.builder("conditional", "CNY")
      .flatRate("flat", "0.05").conditionalDraw("draw", "3000", true, "0.5").build();

  @Test
  void guaranteedDrawIsPaidWithNoSales() {
    CommissionPlan plan = CommissionPlan.builder("guarantee", "CNY").flatRate("flat", "0.05")
        .draw("guarantee", "3000", false).build();

    CommissionStatement s = CommissionEngine.calculate(plan, CommissionInputs.builder(MARCH).rep(LI)
        .target(LI, target("100000", "100000")).build(), LI);

    assertEquals(cny("3000.00"), s.total(), s::render);
    assertEquals("non-recoverable draw", s.lines(LineKind.DRAW).get(0).tier());
  }

  @Test
  void nonGuaranteedDrawIsNotPaidBelowMinimumAttainment() {
    CommissionInputs inputs = CommissionInputs.builder(MARCH).target(LI, target("100000", "100000"))
        .credit(credit("D-1", LI, "40000", 3)).build();

    CommissionStatement s = CommissionEngine.calculate(CONDITIONAL, inputs, LI);

    StatementLine why = s.lines(LineKind.DRAW).get(0);
    assertEquals(cny("0.00"), why.amount());
    assertEquals("earnings 2000.00 CNY, attainment 40%", why.subject());
    assertEquals("non-guaranteed recoverable draw, needs 50% of target: not paid", why.tier());
    assertEquals(cny("2000.00"), s.total());
    assertEquals(cny("0.00"), s.drawBalance(), "nothing was advanced, so there is nothing to recover");
  }

  @Test
  void nonGuaranteedDrawIsPaidOnceTheMinimumAttainmentIsReached() {
    CommissionInputs inputs = CommissionInputs.builder(MARCH).target(LI, target("100000", "100000"))
        .credit(credit("D-1", LI, "50000", 3)).build();

    CommissionStatement s = CommissionEngine.calculate(CONDITIONAL, inputs, LI);

    StatementLine draw = s.lines(LineKind.DRAW).get(0);
    assertEquals(cny("500.00"), draw.amount());
    assertEquals("non-guaranteed recoverable draw, needs 50% of target, attainment 50%", draw.tier());
    assertEquals(cny("3000.00"), s.total());
    assertEquals(cny("500.00"), s.drawBalance());
  }

  @Test
  void aRecoverableNonGuaranteedDrawsBalanceDoesNotGrowInAMissedMonthAndIsStillRecoveredLater() {
    CommissionInputs missed = CommissionInputs.builder(MARCH).target(LI, target("100000", "100000"))
        .drawBalance(LI, cny("1000")).credit(credit("D-1", LI, "20000", 3)).build();
    CommissionInputs strong = CommissionInputs.builder(MARCH).target(LI, target("100000", "100000"))
        .drawBalance(LI, cny("1000")).credit(credit("D-1", LI, "100000", 3)).build();

    CommissionStatement lean = CommissionEngine.calculate(CONDITIONAL, missed, LI);
    CommissionStatement good = CommissionEngine.calculate(CONDITIONAL, strong, LI);

    assertEquals(cny("1000.00"), lean.drawBalance(), lean::render);
    assertEquals(cny("1000.00"), lean.total());
    assertTrue(lean.lines(LineKind.DRAW_RECOVERY).isEmpty(), lean::render);
    // 5,000 earned, 2,000 above the draw: the whole 1,000 balance is recovered whatever the condition.
    assertEquals(cny("-1000.00"), good.lines(LineKind.DRAW_RECOVERY).get(0).amount());
    assertEquals(cny("0.00"), good.drawBalance());
  }

  @Test
  void aRepWithoutATargetHasNoAttainmentToEarnAConditionalDraw() {
    CommissionStatement s = CommissionEngine.calculate(CONDITIONAL, CommissionInputs.builder(MARCH)
        .credit(credit("D-1", LI, "20000", 3)).build(), LI);

    assertEquals(cny("1000.00"), s.total());
    assertEquals("earnings 1000.00 CNY, no target", s.lines(LineKind.DRAW).get(0).subject());
  }

  @Test
  void aZeroMinimumAttainmentPaysLikeAGuarantee() {
    CommissionPlan plan = CommissionPlan.builder("conditional", "CNY").flatRate("flat", "0.05")
        .conditionalDraw("draw", "3000", false, "0").build();

    CommissionStatement s = CommissionEngine.calculate(plan, CommissionInputs.builder(MARCH).rep(LI).build(), LI);

    assertEquals(cny("3000.00"), s.total(), s::render);
  }

  @Test
  void aDrawsConditionIsCheckedWithItsPath() {
    Money amount = cny("3000");
    ValidationException e = assertThrows(ValidationException.class, () -> CommissionPlan.builder("bad", "CNY")
        .conditionalDraw("too_high", "3000", true, "10.5")
        .conditionalDraw("negative", "3000", true, "-0.1")
        .component(new Component.Draw("guaranteed_with_minimum", amount, true, true, new BigDecimal("0.5")))
        .component(new Component.Draw("conditional_without_minimum", amount, true, false, null))
        .build());

    assertEquals(List.of("components[0].min_attainment", "components[1].min_attainment",
        "components[2].min_attainment", "components[3].min_attainment"),
        e.problems().stream().map(p -> p.path()).toList());
    assertEquals("must be a fraction of target within [0, 10], not 10.5", e.problems().get(0).message());
  }

  @Test
  void aDrawIsGuaranteedUnlessSaidOtherwise() {
    Component.Draw draw = new Component.Draw("draw", cny("3000"), true);

    assertTrue(draw.guaranteed());
    assertEquals(null, draw.minAttainment());
  }
}
