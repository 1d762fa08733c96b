package dev.relay.incentive;

import static dev.relay.incentive.IncentiveSamples.ACME;
import static dev.relay.incentive.IncentiveSamples.LI;
import static dev.relay.incentive.IncentiveSamples.MARCH;
import static dev.relay.incentive.IncentiveSamples.NORTH;
import static dev.relay.incentive.IncentiveSamples.WANG;
import static dev.relay.incentive.IncentiveSamples.ZHAO;
import static dev.relay.incentive.IncentiveSamples.chart;
import static dev.relay.incentive.IncentiveSamples.cny;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.relay.activity.Activity;
import dev.relay.activity.ActivityKind;
import dev.relay.activity.Subject;
import dev.relay.common.ActivityId;
import dev.relay.common.Money;
import dev.relay.common.RepId;
import dev.relay.common.TeamId;
import dev.relay.org.OrgChart;
import dev.relay.org.Rep;
import dev.relay.org.Team;
import dev.relay.pipeline.Deal;
import dev.relay.pipeline.DealSamples;
import dev.relay.pipeline.DealStatus;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** 多维考核 and 排行榜. */
class ScorecardAndLeaderboardTest {
  private final Scorecard repCard = new Scorecard("sales_rep", List.of(
      ScorecardDimension.of(DimensionKind.REVENUE_ATTAINMENT, "0.4", "1.0"),
      ScorecardDimension.of(DimensionKind.CUSTOMER_SATISFACTION, "0.2", "90"),
      ScorecardDimension.of(DimensionKind.PROCESS_COMPLIANCE, "0.2", "0.9"),
      ScorecardDimension.of(DimensionKind.COLLABORATION, "0.2", "10")), new BigDecimal("1.2"));

  @Test
  void aScorecardWeighsNormalisedDimensionsAndShowsTheBreakdown() {
    ScorecardResult li = repCard.score(LI, Map.of(
        DimensionKind.REVENUE_ATTAINMENT, new BigDecimal("1.5"),
        DimensionKind.CUSTOMER_SATISFACTION, new BigDecimal("81"),
        DimensionKind.PROCESS_COMPLIANCE, new BigDecimal("0.9")));

    // 0.4 × min(1.5, 1.2) + 0.2 × 0.9 + 0.2 × 1 + 0.2 × 0 = 0.86 → 86 points.
    assertEquals(0, new BigDecimal("86").compareTo(li.score()));
    assertEquals(0, new BigDecimal("48.00").compareTo(li.dimension(DimensionKind.REVENUE_ATTAINMENT).orElseThrow()
        .points()));
    assertEquals(0, BigDecimal.ZERO.compareTo(li.dimension(DimensionKind.COLLABORATION).orElseThrow().points()));
    assertEquals(List.of(), repCard.problems("incentives.scorecards[0]"));
  }

  @Test
  void eachRepIsScoredOnTheScorecardOfTheirRole() {
    Scorecard managerCard = new Scorecard("sales_manager", List.of(
        ScorecardDimension.of(DimensionKind.REVENUE_ATTAINMENT, "0.5", "1.0"),
        ScorecardDimension.of(DimensionKind.COLLABORATION, "0.5", "20")), BigDecimal.ONE);
    IncentivePolicy policy = IncentivePolicy.builder().scorecard(repCard).scorecard(managerCard).build();
    OrgChart org = chart();
    List<Rep> reps = List.of(LI, WANG, IncentiveSamples.MEI, IncentiveSamples.DIRECTOR).stream()
        .map(r -> org.rep(r).orElseThrow()).toList();

    List<ScorecardResult> results = policy.score(reps, Map.of(
        LI, Map.of(DimensionKind.REVENUE_ATTAINMENT, new BigDecimal("1.0")),
        IncentiveSamples.MEI, Map.of(DimensionKind.COLLABORATION, new BigDecimal("10"))));

    assertEquals(List.of("li", "mei", "wang"), results.stream().map(r -> r.rep().value()).toList());
    assertEquals(List.of("sales_rep", "sales_manager", "sales_rep"), results.stream().map(ScorecardResult::role)
        .toList());
    assertEquals(0, new BigDecimal("40").compareTo(results.get(0).score()));
    assertEquals(0, new BigDecimal("25").compareTo(results.get(1).score()));
  }

  @Test
  void measuresComeFromDealsActivitiesCreditsAndAttainment() {
    Deal won = DealSamples.dealWithStatus(ACME, "D-9", DealStatus.WON); // li owns, wang collaborates, won 2 March
    Activity wangsCall = new Activity(ActivityId.of(ACME, "ACT-1"), ActivityKind.CALL, Subject.ofDeal(won.id()), WANG,
        IncentiveSamples.march(1), "技术交流 / tech deep-dive", IncentiveSamples.march(1));
    Activity lisVisit = new Activity(ActivityId.of(ACME, "ACT-2"), ActivityKind.VISIT, Subject.ofDeal(won.id()), LI,
        IncentiveSamples.march(1), "拜访客户 / visit", IncentiveSamples.march(1));
    List<DealCredit> credits = CreditSplitter.credits(won,
        new SplitPolicy(Map.of("coach", new BigDecimal("20")), Map.of()), null);
    Attainment li = new Attainment(TargetOwner.rep(LI), MARCH, cny("200000"), IncentiveSamples.target("100000",
        "150000"));

    Map<RepId, Map<DimensionKind, BigDecimal>> measures = MeasureCollector.collect(MARCH,
        DealSamples.PLAYBOOK.pipeline(), List.of(won), List.of(wangsCall, lisVisit), credits, List.of(li),
        Map.of(LI, new BigDecimal("88")));

    Map<DimensionKind, BigDecimal> wang = measures.get(WANG);
    // Wang: assist 3 + shared credit 2 + call on Li's deal 1.
    assertEquals(0, BigDecimal.valueOf(6).compareTo(wang.get(DimensionKind.COLLABORATION)));
    assertEquals(0, BigDecimal.ONE.compareTo(wang.get(DimensionKind.ACTIVITY_COUNT)));
    Map<DimensionKind, BigDecimal> lis = measures.get(LI);
    assertEquals(0, BigDecimal.ONE.compareTo(lis.get(DimensionKind.NEW_CUSTOMERS)));
    assertEquals(0, new BigDecimal("2").compareTo(lis.get(DimensionKind.REVENUE_ATTAINMENT)));
    assertEquals(0, new BigDecimal("88").compareTo(lis.get(DimensionKind.CUSTOMER_SATISFACTION)));
    // lead (SLA 1 day) left after an hour; quote (no SLA) left when won: both comply.
    assertEquals(0, BigDecimal.ONE.compareTo(lis.get(DimensionKind.PROCESS_COMPLIANCE)));
  }

  @Test
  void tiesShareARankAndAreListedByKey() {
    Leaderboard board = Leaderboard.rank("earnings", Map.of("zhao", new BigDecimal("500"), "li",
        new BigDecimal("900"), "wang", new BigDecimal("500.00"), "mei", new BigDecimal("100")));

    assertEquals(List.of("li", "wang", "zhao", "mei"), board.standings().stream().map(Standing::key).toList());
    assertEquals(List.of(1, 2, 2, 4), board.standings().stream().map(Standing::rank).toList());
  }

  @Test
  void earningsAndDimensionBoardsRankPerTeamOrCompany() {
    CommissionPlan plan = CommissionPlan.builder("p", "CNY").flatRate("flat", "0.05").build();
    List<CommissionStatement> statements = CommissionEngine.calculate(plan, CommissionInputs.builder(MARCH)
        .credit(IncentiveSamples.credit("D-1", LI, "100000", 2))
        .credit(IncentiveSamples.credit("D-2", WANG, "300000", 2))
        .credit(IncentiveSamples.credit("D-3", RepId.of(ACME, "director"), "900000", 2)).build());

    Leaderboard company = Leaderboard.byEarnings(statements);
    Leaderboard north = company.within(chart(), NORTH);

    assertEquals(List.of("director", "wang", "li"), company.standings().stream().map(Standing::key).toList());
    assertEquals(List.of("wang", "li"), north.standings().stream().map(Standing::key).toList());
    assertEquals(1, north.standings().get(0).rank());

    List<ScorecardResult> results = List.of(
        repCard.score(LI, Map.of(DimensionKind.COLLABORATION, new BigDecimal("4"))),
        repCard.score(WANG, Map.of(DimensionKind.COLLABORATION, new BigDecimal("8"))),
        repCard.score(ZHAO, Map.of(DimensionKind.COLLABORATION, new BigDecimal("8"))));
    Leaderboard collaboration = Leaderboard.byDimension(DimensionKind.COLLABORATION, results);
    assertEquals(List.of(1, 1, 3), collaboration.standings().stream().map(Standing::rank).toList());
    assertEquals("wang", collaboration.standings().get(0).key());
  }

  @Test
  void teamContributionRanksTeamsByRevenueAndCollaboration() {
    TeamId south = TeamId.of(ACME, "south");
    RepId chen = RepId.of(ACME, "chen");
    OrgChart chart = OrgChart.of(List.of(Rep.of(LI, "Li", NORTH), Rep.of(WANG, "Wang", NORTH),
        Rep.of(chen, "Chen", south)), List.of(new Team(NORTH, "North", null, null), new Team(south, "South", null,
        null)));
    Map<RepId, Money> revenue = Map.of(LI, cny("300000"), WANG, cny("100000"), chen, cny("500000"));
    Map<RepId, BigDecimal> collaboration = Map.of(LI, new BigDecimal("30"), WANG, new BigDecimal("50"),
        chen, new BigDecimal("20"));

    Leaderboard byRevenue = Leaderboard.teamContribution(chart, revenue, collaboration, BigDecimal.ZERO);
    Leaderboard withCollaboration = Leaderboard.teamContribution(chart, revenue, collaboration,
        new BigDecimal("0.4"));

    assertEquals(List.of("south", "north"), byRevenue.standings().stream().map(Standing::key).toList());
    // North: 0.6 × 400,000 + 0.4 × 80% × 900,000 = 528,000; South: 0.6 × 500,000 + 0.4 × 20% × 900,000 = 372,000.
    assertEquals(List.of("north", "south"), withCollaboration.standings().stream().map(Standing::key).toList());
    assertEquals(0, new BigDecimal("528000").compareTo(withCollaboration.standings().get(0).value()));
  }
}
