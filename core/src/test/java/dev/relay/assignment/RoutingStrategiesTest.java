package dev.relay.assignment;

import static dev.relay.assignment.RoutingFixture.CHEN;
import static dev.relay.assignment.RoutingFixture.LI;
import static dev.relay.assignment.RoutingFixture.QIAN;
import static dev.relay.assignment.RoutingFixture.SUN;
import static dev.relay.assignment.RoutingFixture.TENANT;
import static dev.relay.assignment.RoutingFixture.ZHANG;
import static dev.relay.assignment.RoutingFixture.eastTeam;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relay.assignment.BestFitCriterion.Attribute;
import dev.relay.common.LeadId;
import dev.relay.common.Reason;
import dev.relay.common.RepId;
import dev.relay.common.TeamId;
import dev.relay.org.Rep;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** How each strategy picks one rep of team east (li, sun, zhang), and how account owners come first. */
class RoutingStrategiesTest {
  private final RoutingFixture f = new RoutingFixture();

  /** Gives a rep open leads routed by another rule, as if they were busy already. */
  private void busy(RepId rep, int leads) {
    f.state.locked(TENANT, ledger -> {
      for (int i = 0; i < leads; i++) {
        ledger.recordAssignment(new AssignmentRecord(LeadId.of(TENANT, "old-" + rep.value() + "-" + i), rep, "old",
            Strategy.ROUND_ROBIN, f.clock.instant().minus(Duration.ofDays(3))));
      }
      return null;
    });
  }

  @Nested
  class RoundRobin {
    @Test
    void roundRobinRotatesThroughTheTeam() {
      f.use(eastTeam(Strategy.ROUND_ROBIN, r -> r));

      assertEquals(List.of(LI, SUN, ZHANG, LI, SUN, ZHANG), f.routeMany(6));
    }

    @Test
    void aRepLeavingDoesNotShiftWhoseTurnItIs() {
      f.use(eastTeam(Strategy.ROUND_ROBIN, r -> r));
      assertEquals(List.of(LI, SUN), f.routeMany(2));

      f.changeRep(SUN, rep -> rep.withActive(false));

      assertEquals(List.of(ZHANG, LI), f.routeMany(2), "the turn after sun's is zhang's, not li's");
    }

    @Test
    void aRepJoiningTakesTheirPlaceInIdOrder() {
      f.use(eastTeam(Strategy.ROUND_ROBIN, r -> r));
      assertEquals(List.of(LI), f.routeMany(1));

      RepId ma = RoutingFixture.rep("ma");
      f.org.saveRep(Rep.of(ma, "Ma", TeamId.of(TENANT, "east"), "sales_rep"));

      assertEquals(List.of(ma, SUN, ZHANG, LI), f.routeMany(4));
    }
  }

  @Nested
  class WeightedRoundRobin {
    @Test
    void weightedTwoOneOneGivesAnExactTwoOneOneSplit() {
      f.use(eastTeam(Strategy.WEIGHTED_ROUND_ROBIN, r -> r));
      f.profile(RepProfile.builder(LI).weight(2));

      List<RepId> assignees = f.routeMany(8);

      assertEquals(List.of(LI, SUN, ZHANG, LI, LI, SUN, ZHANG, LI), assignees, "interleaved, not li twice in a row");
      assertEquals(Map.of(LI, 4, SUN, 2, ZHANG, 2), RoutingFixture.counts(assignees));
    }

    @Test
    void groupWeightsOverrideProfileWeights() {
      f.use(AssignmentPolicy.builder().accountOwnerFirst(false)
          .group(RepGroup.of("vip", "大客户 Key accounts", "zhang", "li").withWeight("li", 3).withWeight("zhang", 1))
          .rule(RoutingRule.builder("vip", "VIP").target(Target.group("vip"))
              .strategy(Strategy.WEIGHTED_ROUND_ROBIN)));
      f.profile(RepProfile.builder(ZHANG).weight(5));

      assertEquals(Map.of(LI, 6, ZHANG, 2), RoutingFixture.counts(f.routeMany(8)));
    }

    @Test
    void aNewMemberStartsAtTheCurrentMinimumInsteadOfFlooding() {
      f.use(eastTeam(Strategy.WEIGHTED_ROUND_ROBIN, r -> r));
      f.routeMany(10);
      RepId ma = RoutingFixture.rep("ma");
      f.org.saveRep(Rep.of(ma, "Ma", TeamId.of(TENANT, "east"), "sales_rep"));

      Map<RepId, Integer> next = RoutingFixture.counts(f.routeMany(4));

      assertEquals(1, next.get(ma));
    }

    @Test
    void aRepBackFromLeaveTakesOneTurnNotACatchUp() {
      f.use(eastTeam(Strategy.WEIGHTED_ROUND_ROBIN, r -> r));
      f.profile(RepProfile.builder(LI).absent(f.clock.instant(), f.clock.instant().plus(Duration.ofHours(8)),
          "年假 annual leave"));
      List<RepId> whileAway = f.routeMany(8);
      assertEquals(Map.of(SUN, 4, ZHANG, 4), RoutingFixture.counts(whileAway));

      f.advance(Duration.ofHours(8));

      assertEquals(List.of(LI, SUN, ZHANG, LI, SUN, ZHANG), f.routeMany(6));
    }
  }

  @Nested
  class LeastLoaded {
    @Test
    void leastLoadedPicksTheRepWithFewestOpenLeads() {
      f.use(eastTeam(Strategy.LEAST_LOADED, r -> r));
      busy(LI, 2);
      busy(ZHANG, 1);

      RoutingDecision decision = f.route();

      assertEquals(SUN, decision.assignee());
      assertEquals(List.of(2, 0, 1), decision.candidates().stream().map(CandidateTrace::openLeads).toList());
    }

    @Test
    void tiesOnLoadGoRoundRobin() {
      f.use(eastTeam(Strategy.LEAST_LOADED, r -> r));

      assertEquals(List.of(LI, SUN, ZHANG, LI, SUN, ZHANG), f.routeMany(6));
    }

    @Test
    void aReleasedLeadMakesItsRepTheLeastLoadedAgain() {
      f.use(eastTeam(Strategy.LEAST_LOADED, r -> r));
      RoutingDecision first = f.route();
      f.routeMany(2);

      f.router.released(TENANT, first.assignee(), first.lead());

      assertEquals(LI, f.route().assignee());
    }
  }

  @Nested
  class BestFit {
    private void bestFitPolicy() {
      f.use(eastTeam(Strategy.BEST_FIT, r -> r.bestFit(Attribute.INDUSTRIES, "industry", 3)
          .bestFit(Attribute.LANGUAGES, "languages", 2)));
      f.profile(RepProfile.builder(LI).industries("manufacturing").languages("zh"));
      f.profile(RepProfile.builder(SUN).industries("retail").languages("en", "ja"));
      f.profile(RepProfile.builder(ZHANG).industries("manufacturing").languages("en"));
    }

    @Test
    void bestFitMatchesIndustryAndLanguage() {
      bestFitPolicy();

      RoutingDecision decision = f.route(Map.of("industry", "manufacturing", "languages", List.of("en")));

      assertEquals(ZHANG, decision.assignee());
      assertEquals(List.of(3, 2, 5), decision.candidates().stream().map(CandidateTrace::score).toList());
      assertTrue(decision.reasons().get(1).message().contains("scores 5"), decision.reasons().toString());
    }

    @Test
    void anEnumListMatchesOnceWhicheverValueTheRepCovers() {
      bestFitPolicy();

      RoutingDecision decision = f.route(Map.of("languages", List.of("ja", "en")));

      assertEquals(List.of(0, 2, 2), decision.candidates().stream().map(CandidateTrace::score).toList());
    }

    @Test
    void bestFitTiesGoToTheLeastLoaded() {
      bestFitPolicy();
      busy(LI, 1);

      RoutingDecision decision = f.route(Map.of("industry", "manufacturing"));

      assertEquals(ZHANG, decision.assignee(), "li and zhang both score 3; zhang holds fewer open leads");
    }

    @Test
    void anIneligibleBetterFitIsScoredButPassedOver() {
      bestFitPolicy();
      f.profile(RepProfile.builder(ZHANG).industries("manufacturing").languages("en").paused(true));

      RoutingDecision decision = f.route(Map.of("industry", "manufacturing", "languages", List.of("en")));

      assertEquals(LI, decision.assignee());
      assertEquals(5, decision.candidate(ZHANG).orElseThrow().score());
    }
  }

  @Nested
  class GradeBased {
    @Test
    void gradeALeadsGoOnlyToSeniorReps() {
      f.use(eastTeam(Strategy.GRADE_BASED, r -> r.minSeniority("A", "senior").minSeniority("B", "regular")));
      f.profile(RepProfile.builder(ZHANG).seniority("senior"));
      f.profile(RepProfile.builder(LI).seniority("junior"));

      for (int i = 0; i < 3; i++) {
        assertEquals(ZHANG, f.route(Map.of("grade", "A")).assignee());
      }
      RoutingDecision gradeB = f.route(Map.of("grade", "B"));
      assertEquals(SUN, gradeB.assignee(), "li is junior; after zhang comes sun");
      assertEquals(List.of("assignment.rules[0].min_seniority.B"),
          gradeB.candidate(LI).orElseThrow().exclusions().stream().map(Reason::rule).toList());
      assertEquals(List.of(ZHANG, LI, SUN), List.of(f.route(Map.of("grade", "C")).assignee(),
          f.route(Map.of("grade", "C")).assignee(), f.route(Map.of("grade", "C")).assignee()));
    }
  }

  @Nested
  class StickyOwner {
    @Test
    void stickyOwnerKeepsTheAccountOwner() {
      f.use(eastTeam(Strategy.STICKY_OWNER, r -> r));

      for (int i = 0; i < 3; i++) {
        assertEquals(ZHANG, f.router.route(f.request(Map.of()).withAccountOwner(ZHANG)).assignee());
      }
      assertEquals(QIAN, f.router.route(f.request(Map.of()).withAccountOwner(QIAN)).assignee(),
          "the owner need not be in the target team");
    }

    @Test
    void withoutAnEligibleOwnerStickyOwnerGoesRoundRobin() {
      f.use(eastTeam(Strategy.STICKY_OWNER, r -> r));
      f.profile(RepProfile.builder(ZHANG).paused(true));

      RoutingDecision decision = f.router.route(f.request(Map.of()).withAccountOwner(ZHANG));

      assertEquals(LI, decision.assignee());
      assertTrue(decision.reasons().get(1).message().contains("Zhang (zhang) is not eligible: Zhang (zhang) has "
          + "paused receiving leads"), decision.reasons().toString());
      assertEquals(SUN, f.route().assignee(), "without an owner, the rotation continues");
    }
  }

  @Nested
  class AccountOwnerFirst {
    @Test
    void theAccountOwnerGetsTheLeadBeforeAnyRule() {
      f.use(eastTeam(Strategy.ROUND_ROBIN, r -> r).accountOwnerFirst(true));

      RoutingDecision decision = f.router.route(f.request(Map.of()).withAccountOwner(CHEN));

      assertEquals(CHEN, decision.assignee());
      assertEquals(RoutingOutcome.ASSIGNED, decision.outcome());
      assertNull(decision.strategy());
      assertEquals("east", decision.ruleKey(), "the rule still sets the SLA and caps");
      assertEquals("assignment.account_owner_first", decision.reasons().get(1).rule());
      assertEquals(CHEN, decision.candidates().get(0).rep(), "an owner outside the team is traced first");
      assertEquals(LI, f.route().assignee(), "the rotation did not move");
    }

    @Test
    void anOwnerAtTheirCapLeavesTheLeadToTheRule() {
      f.use(eastTeam(Strategy.ROUND_ROBIN, r -> r.cap(CapacityCap.openLeads(1))).accountOwnerFirst(true));
      busy(ZHANG, 1);

      RoutingDecision decision = f.router.route(f.request(Map.of()).withAccountOwner(ZHANG));

      assertEquals(LI, decision.assignee());
      assertEquals(Strategy.ROUND_ROBIN, decision.strategy());
      assertTrue(decision.reasons().get(1).message().contains("is not eligible"), decision.reasons().toString());
    }
  }
}
