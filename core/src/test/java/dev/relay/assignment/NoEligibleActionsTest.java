package dev.relay.assignment;

import static dev.relay.assignment.RoutingFixture.BOSS;
import static dev.relay.assignment.RoutingFixture.CHEN;
import static dev.relay.assignment.RoutingFixture.LI;
import static dev.relay.assignment.RoutingFixture.SUN;
import static dev.relay.assignment.RoutingFixture.WANG;
import static dev.relay.assignment.RoutingFixture.ZHANG;
import static dev.relay.assignment.RoutingFixture.eastTeam;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relay.common.Reason;
import dev.relay.common.RepId;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What becomes of a lead when nobody in the target may take it: queued, the fallback owner, or up to a manager. */
class NoEligibleActionsTest {
  private final RoutingFixture f = new RoutingFixture();

  @BeforeEach
  void everyoneInEastIsPaused() {
    for (RepId rep : List.of(LI, SUN, ZHANG)) {
      f.profile(RepProfile.builder(rep).paused(true));
    }
  }

  private void east(NoEligibleAction action, UnaryOperator<RoutingRule.Builder> rule) {
    f.use(eastTeam(Strategy.ROUND_ROBIN, r -> rule.apply(r.whenNoneEligible(action))));
  }

  private static String lastReason(RoutingDecision decision) {
    List<Reason> reasons = decision.reasons();
    return reasons.get(reasons.size() - 1).toString();
  }

  @Test
  void queuedLeadWaitsWithoutAnAssignee() {
    east(NoEligibleAction.QUEUE, r -> r);

    RoutingDecision decision = f.route();

    assertEquals(RoutingOutcome.QUEUED, decision.outcome());
    assertNull(decision.assignee());
    assertNull(decision.strategy());
    assertEquals("assignment.rules[0].when_none_eligible: nobody of team east is eligible; the lead waits in the "
        + "queue", lastReason(decision));
    assertInstanceOf(AssignmentEvent.LeadQueued.class, decision.event());
    assertEquals(StrategyState.none(), decision.strategyState());
    f.profile(RepProfile.builder(SUN));
    assertEquals(SUN, f.route().assignee(), "once someone is eligible again, leads flow");
  }

  @Test
  void fallbackOwnerTakesTheLeadEvenBeyondTheirCap() {
    f.use(eastTeam(Strategy.ROUND_ROBIN, r -> r.cap(CapacityCap.openLeads(1))
        .whenNoneEligible(NoEligibleAction.FALLBACK).fallbackOwner("li")));
    for (RepId rep : List.of(LI, SUN, ZHANG)) {
      f.profile(RepProfile.builder(rep));
    }
    f.routeMany(3);

    RoutingDecision decision = f.route();

    assertEquals(RoutingOutcome.FALLBACK, decision.outcome());
    assertEquals(LI, decision.assignee());
    assertEquals(2, f.openLeads(LI));
    assertEquals("assignment.rules[0].when_none_eligible: nobody of team east is eligible; the fallback owner "
        + "Li (li) gets the lead", lastReason(decision));
    AssignmentEvent.LeadAssigned event = assertInstanceOf(AssignmentEvent.LeadAssigned.class, decision.event());
    assertEquals(RoutingOutcome.FALLBACK, event.outcome());
  }

  @Test
  void fallbackOwnerIgnoresTheirOwnPause() {
    east(NoEligibleAction.FALLBACK, r -> r.fallbackOwner("li"));

    assertEquals(LI, f.route().assignee());
  }

  @Test
  void inactiveFallbackOwnerLeavesTheLeadQueued() {
    east(NoEligibleAction.FALLBACK, r -> r.fallbackOwner("chen"));
    f.changeRep(CHEN, rep -> rep.withActive(false));

    RoutingDecision decision = f.route();

    assertEquals(RoutingOutcome.QUEUED, decision.outcome());
    assertTrue(lastReason(decision).contains("Chen (chen) is inactive"), lastReason(decision));
  }

  @Test
  void escalationGoesToTheTeamManager() {
    east(NoEligibleAction.ESCALATE, r -> r.fallbackOwner("chen"));

    RoutingDecision decision = f.route();

    assertEquals(RoutingOutcome.ESCALATED, decision.outcome());
    assertEquals(WANG, decision.assignee());
    assertEquals("assignment.rules[0].when_none_eligible: nobody of team east is eligible; escalated to Wang (wang), "
        + "manager of team east", lastReason(decision));
    AssignmentEvent.LeadEscalated event = assertInstanceOf(AssignmentEvent.LeadEscalated.class, decision.event());
    assertEquals(WANG, event.escalatedTo());
    assertEquals("assignment.lead_escalated", event.type());
  }

  @Test
  void aTeamWithoutAManagerEscalatesToTheEnclosingTeamsManager() {
    f.use(AssignmentPolicy.builder().accountOwnerFirst(false).rule(RoutingRule.builder("night", "Night")
        .target(Target.team("night")).whenNoneEligible(NoEligibleAction.ESCALATE)));
    f.profile(RepProfile.builder(CHEN).paused(true));

    RoutingDecision decision = f.route();

    assertEquals(BOSS, decision.assignee());
    assertTrue(lastReason(decision).endsWith("manager of team hq"), lastReason(decision));
  }

  @Test
  void aOneRepTargetEscalatesToTheRepsManager() {
    f.use(AssignmentPolicy.builder().accountOwnerFirst(false).rule(RoutingRule.builder("li", "Li only")
        .target(Target.rep("li")).whenNoneEligible(NoEligibleAction.ESCALATE)));

    assertEquals(WANG, f.route().assignee());
  }

  @Test
  void withoutAnActiveManagerEscalationGoesToTheFallbackOwner() {
    east(NoEligibleAction.ESCALATE, r -> r.fallbackOwner("chen"));
    f.changeRep(WANG, rep -> rep.withActive(false));
    f.changeRep(BOSS, rep -> rep.withActive(false));

    RoutingDecision decision = f.route();

    assertEquals(RoutingOutcome.ESCALATED, decision.outcome());
    assertEquals(CHEN, decision.assignee());
    assertTrue(lastReason(decision).endsWith("the fallback owner"), lastReason(decision));
  }
}
