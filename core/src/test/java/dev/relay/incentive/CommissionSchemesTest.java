package dev.relay.incentive;

import static dev.relay.incentive.IncentiveSamples.LI;
import static dev.relay.incentive.IncentiveSamples.MARCH;
import static dev.relay.incentive.IncentiveSamples.MEI;
import static dev.relay.incentive.IncentiveSamples.WANG;
import static dev.relay.incentive.IncentiveSamples.ZHAO;
import static dev.relay.incentive.IncentiveSamples.chart;
import static dev.relay.incentive.IncentiveSamples.cny;
import static dev.relay.incentive.IncentiveSamples.credit;
import static dev.relay.incentive.IncentiveSamples.target;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The seeds' schemes, reproduced by name. */
class CommissionSchemesTest {

  /** 基础目标 + 挑战目标 + 超额加速: 5% up to the base target, 8% up to the stretch, 3% more above the stretch. */
  @Test
  void baseTargetPlusStretchTargetWithAccelerator() {
    CommissionPlan plan = CommissionPlan.builder("base_and_stretch", "CNY")
        .graduated("tiers", Tier.of("0", "0.05"), Tier.of("1.0", "0.08"))
        .accelerator("stretch_accelerator", "1.5", "0.03")
        .build();
    CommissionInputs inputs = CommissionInputs.builder(MARCH)
        .target(LI, target("100000", "150000"))
        .credit(credit("D-1", LI, "60000", 3))
        .credit(credit("D-2", LI, "60000", 10))
        .credit(credit("D-3", LI, "60000", 20))
        .build();

    CommissionStatement s = CommissionEngine.calculate(plan, inputs, LI);

    // D-1: 60,000 × 5%; D-2: 40,000 × 5% + 20,000 × 8%; D-3: 60,000 × 8% plus 30,000 above 150% × 3%.
    assertEquals(cny("3000.00"), s.lines().get(0).amount());
    assertEquals(cny("2000.00"), s.lines().get(1).amount());
    assertEquals(cny("1600.00"), s.lines().get(2).amount());
    assertEquals(cny("4800.00"), s.lines().get(3).amount());
    StatementLine accelerated = s.lines(LineKind.ACCELERATOR).get(0);
    assertEquals(IncentiveSamples.deal("D-3"), accelerated.deal());
    assertTrue(accelerated.base().isEqualTo(cny("30000")));
    assertEquals(cny("900.00"), accelerated.amount());
    assertEquals(cny("12300.00"), s.total());
    assertEquals(Map.of("tiers", cny("11400.00"), "stretch_accelerator", cny("900.00")), s.totalsByComponent());
    assertTrue(s.lines().get(1).tier().startsWith("tier 1 (0%–100%) at 5%"), s.lines().get(1).tier());
    assertTrue(s.lines().get(2).tier().startsWith("tier 2 (100%–) at 8%"), s.lines().get(2).tier());
  }

  /** 个人提成 + 团队分红, 协作权重 40%: 4% individually, and 2% of team revenue shared 60/40 by attainment/collaboration. */
  @Test
  void individualPlusTeamProfitSharingWithFortyPercentCollaborationWeight() {
    CommissionPlan plan = CommissionPlan.builder("individual_and_team", "CNY")
        .flatRate("individual", "0.04")
        .teamPool("team_pool", "0.02", "0.6", "0.4")
        .build();
    CommissionInputs inputs = CommissionInputs.builder(MARCH)
        .chart(chart())
        .target(LI, target("100000", "100000"))
        .target(WANG, target("100000", "100000"))
        .target(ZHAO, target("100000", "100000"))
        .credit(credit("D-1", LI, "150000", 3))
        .credit(credit("D-2", WANG, "50000", 5))
        .collaboration(LI, new BigDecimal("10"))
        .collaboration(WANG, new BigDecimal("30"))
        .build();

    List<CommissionStatement> statements = CommissionEngine.calculate(plan, inputs);

    // Pool: 2% of 200,000 = 4,000. Attainment Li 1.5, Wang 0.5, Zhao 0, Mei 0 → 75% / 25%; collaboration 10 / 30 →
    // 25% / 75%. Li 0.6×0.75 + 0.4×0.25 = 0.55; Wang 0.6×0.25 + 0.4×0.75 = 0.45.
    Map<String, CommissionStatement> byRep = new java.util.HashMap<>();
    statements.forEach(s -> byRep.put(s.rep().value(), s));
    assertEquals(cny("2200.00"), byRep.get("li").lines(LineKind.TEAM_POOL).get(0).amount());
    assertEquals(cny("1800.00"), byRep.get("wang").lines(LineKind.TEAM_POOL).get(0).amount());
    assertEquals(cny("0.00"), byRep.get("zhao").lines(LineKind.TEAM_POOL).get(0).amount());
    assertEquals(cny("0.00"), byRep.get("mei").lines(LineKind.TEAM_POOL).get(0).amount());
    assertEquals(cny("8200.00"), byRep.get("li").total());
    assertEquals(cny("3800.00"), byRep.get("wang").total());
    dev.relay.common.Money pool = statements.stream().flatMap(s -> s.lines(LineKind.TEAM_POOL).stream()).map(StatementLine::amount)
        .reduce(cny("0"), dev.relay.common.Money::plus);
    assertTrue(pool.isEqualTo(cny("4000")));
  }
}
