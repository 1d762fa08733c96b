package dev.relay.assignment;

import static dev.relay.assignment.RoutingFixture.LI;
import static dev.relay.assignment.RoutingFixture.SUN;
import static dev.relay.assignment.RoutingFixture.ZHANG;
import static dev.relay.assignment.RoutingFixture.eastTeam;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.relay.common.Reason;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a decision tells people: every candidate and why, the rule, the strategy's state, the playbook version. */
class DecisionTraceTest {
  private final RoutingFixture f = new RoutingFixture();

  @Test
  void theTraceListsEveryCandidateWithItsExclusionReasons() {
    f.use(eastTeam(Strategy.ROUND_ROBIN, r -> r.cap(CapacityCap.openLeads(3))));
    f.profile(RepProfile.builder(LI).paused(true));
    f.profile(RepProfile.builder(SUN).absent(f.clock.instant(), f.clock.instant().plus(Duration.ofDays(1)),
        "出差 business trip"));

    RoutingDecision decision = f.route();

    assertEquals(List.of(
        new CandidateTrace(LI, false, List.of(new Reason("eligibility.paused", "Li (li) has paused receiving leads")),
            null, 0),
        new CandidateTrace(SUN, false, List.of(new Reason("eligibility.absence",
            "Sun (sun) is out of office until 2026-03-03T01:00:00Z (出差 business trip)")), null, 0),
        new CandidateTrace(ZHANG, true, List.of(), null, 0)), decision.candidates());
    assertEquals(List.of(
        new Reason("assignment.rules[0]", "rule '华东线索 East leads' (east) is the first whose criteria match the lead"),
        new Reason("assignment.rules[0].strategy",
            "round robin: Zhang (zhang) is first in the rotation, skipping li, sun")), decision.reasons());
  }

  @Test
  void openLeadsAreTracedWhereTheRuleReadsThem() {
    f.use(eastTeam(Strategy.ROUND_ROBIN, r -> r));
    f.route();

    RoutingDecision plain = f.route();
    assertEquals(java.util.Arrays.asList(null, null, null),
        plain.candidates().stream().map(CandidateTrace::openLeads).toList(),
        "a plain round robin does not depend on load, so it does not read it");

    f.use(eastTeam(Strategy.ROUND_ROBIN, r -> r.cap(CapacityCap.openLeads(5))));
    RoutingDecision capped = f.route();
    assertEquals(List.of(1, 1, 0), capped.candidates().stream().map(CandidateTrace::openLeads).toList(),
        "an open-lead cap reads every member's load, and the trace shows it");
  }

  @Test
  void theTraceShowsTheCursorBeforeAndAfter() {
    f.use(eastTeam(Strategy.ROUND_ROBIN, r -> r));

    RoutingDecision first = f.route();
    RoutingDecision second = f.route();

    assertEquals(new StrategyState("east|team:east", Map.of(), Map.of("cursor", "li")), first.strategyState());
    assertEquals(new StrategyState("east|team:east", Map.of("cursor", "li"), Map.of("cursor", "sun")),
        second.strategyState());
  }

  @Test
  void theTraceShowsEveryWeightedPointer() {
    f.use(eastTeam(Strategy.WEIGHTED_ROUND_ROBIN, r -> r));
    f.profile(RepProfile.builder(LI).weight(2));

    RoutingDecision first = f.route();
    f.routeMany(2);
    RoutingDecision fourth = f.route();

    assertEquals(Map.of("li", "0", "sun", "0", "zhang", "0"), first.strategyState().before());
    assertEquals(Map.of("li", "1/2", "sun", "0", "zhang", "0"), first.strategyState().after());
    assertEquals(List.of("li", "sun", "zhang"), List.copyOf(first.strategyState().after().keySet()));
    assertEquals(Map.of("li", "1/2", "sun", "1", "zhang", "1"), fourth.strategyState().before());
    assertEquals(Map.of("li", "0", "sun", "0", "zhang", "0"), fourth.strategyState().after(),
        "a whole round passed, so every pointer drops by one");
    assertEquals("weighted round robin: Li (li) has the lowest pointer 1/2 (weight 2) among li 1/2, sun 1, zhang 1; "
        + "pointers then drop by 1 whole round", fourth.reasons().get(1).message());
  }

  @Test
  void theDecisionRecordsThePlaybookVersionTimeAndSla() {
    f.use(eastTeam(Strategy.ROUND_ROBIN, r -> r.slaClock(SlaClock.BUSINESS_HOURS)));

    RoutingDecision decision = f.route();

    assertEquals(2, decision.playbookVersion(), "the fixture saved the defaults as version 1");
    assertEquals(f.clock.instant(), decision.decidedAt());
    assertEquals(Duration.ofHours(24), decision.firstContactSla());
    assertEquals(SlaClock.BUSINESS_HOURS, decision.slaClock());
    assertEquals(Strategy.ROUND_ROBIN, decision.strategy());
  }

  @Test
  void anAssignedDecisionBecomesALeadAssignedEvent() {
    f.use(eastTeam(Strategy.ROUND_ROBIN, r -> r));

    RoutingDecision decision = f.route();
    AssignmentEvent.LeadAssigned event = assertInstanceOf(AssignmentEvent.LeadAssigned.class, decision.event());

    assertEquals("assignment.lead_assigned", event.type());
    assertEquals(RoutingFixture.TENANT, event.tenant());
    assertEquals(LI, event.assignee());
    assertEquals(decision.reasons(), event.reasons());
    assertEquals(decision.decidedAt(), event.occurredAt());
  }
}
