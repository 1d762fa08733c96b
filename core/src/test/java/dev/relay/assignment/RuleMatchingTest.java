package dev.relay.assignment;

import static dev.relay.assignment.RoutingFixture.BOSS;
import static dev.relay.assignment.RoutingFixture.CHEN;
import static dev.relay.assignment.RoutingFixture.LI;
import static dev.relay.assignment.RoutingFixture.QIAN;
import static dev.relay.assignment.RoutingFixture.SUN;
import static dev.relay.criteria.Criteria.field;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.relay.common.NotFoundException;
import dev.relay.common.TenantId;
import dev.relay.common.LeadId;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which rule routes a lead: the first whose criteria match, else the default rule, by the current playbook version. */
class RuleMatchingTest {
  private final RoutingFixture f = new RoutingFixture();

  private static AssignmentPolicy.Builder threeRules() {
    return AssignmentPolicy.builder().accountOwnerFirst(false).gradeField("grade")
        .rule(RoutingRule.builder("referrals", "转介绍 Referrals").when(field("source").eq("referral"))
            .target(Target.team("north")))
        .rule(RoutingRule.builder("east", "华东 East").when(field("region").eq("east")).target(Target.team("east"))
            .firstContactSla(Duration.ofHours(4)).slaForGrade("A", Duration.ofMinutes(15)))
        .rule(RoutingRule.builder("web", "官网 Web").when(field("source").eq("web")).target(Target.rep("chen")));
  }

  @Test
  void theFirstMatchingRuleWins() {
    f.use(threeRules());

    RoutingDecision referral = f.route(Map.of("source", "referral", "region", "east"));
    RoutingDecision east = f.route(Map.of("source", "web", "region", "east"));
    RoutingDecision web = f.route(Map.of("source", "web"));

    assertEquals(List.of("referrals", "east", "web"), List.of(referral.ruleKey(), east.ruleKey(), web.ruleKey()));
    assertEquals(List.of("assignment.rules[0]", "assignment.rules[1]", "assignment.rules[2]"),
        List.of(referral.rulePath(), east.rulePath(), web.rulePath()));
    assertEquals(List.of(QIAN, LI, CHEN), List.of(referral.assignee(), east.assignee(), web.assignee()));
    assertEquals("rule '华东 East' (east) is the first whose criteria match the lead", east.reasons().get(0).message());
  }

  @Test
  void aLeadNoRuleMatchesTakesTheDefaultRule() {
    f.use(threeRules());

    RoutingDecision decision = f.route(Map.of("source", "event"));

    assertEquals("default", decision.ruleKey());
    assertEquals("assignment.default", decision.rulePath());
    assertEquals(BOSS, decision.assignee(), "every active rep, round robin, starting with the first id");
    assertEquals(8, decision.candidates().size());
  }

  @Test
  void theFirstContactSlaFollowsTheLeadsGrade() {
    f.use(threeRules());

    assertEquals(Duration.ofMinutes(15), f.route(Map.of("region", "east", "grade", "A")).firstContactSla());
    assertEquals(Duration.ofHours(4), f.route(Map.of("region", "east", "grade", "B")).firstContactSla());
    assertEquals(Duration.ofHours(4), f.route(Map.of("region", "east")).firstContactSla());
  }

  @Test
  void aNewPlaybookVersionRoutesByItsRules() {
    f.use(threeRules());
    assertEquals(LI, f.route(Map.of("region", "east")).assignee());

    f.use(AssignmentPolicy.builder().accountOwnerFirst(false)
        .rule(RoutingRule.builder("east", "华东 East").when(field("region").eq("east")).target(Target.rep("sun"))));
    RoutingDecision decision = f.route(Map.of("region", "east"));

    assertEquals(SUN, decision.assignee());
    assertEquals(3, decision.playbookVersion(), "the defaults, the three rules, this one");
  }

  @Test
  void eachRuleKeepsItsOwnRotation() {
    f.use(AssignmentPolicy.builder().accountOwnerFirst(false)
        .rule(RoutingRule.builder("web", "Web").when(field("source").eq("web")).target(Target.team("east")))
        .rule(RoutingRule.builder("events", "Events").when(field("source").eq("event")).target(Target.team("east"))));

    assertEquals(LI, f.route(Map.of("source", "web")).assignee());
    assertEquals(LI, f.route(Map.of("source", "event")).assignee());
    assertEquals(SUN, f.route(Map.of("source", "web")).assignee());
  }

  @Test
  void aTenantWithoutAPlaybookCannotRoute() {
    TenantId globex = TenantId.of("globex");
    RoutingRequest request = new RoutingRequest(globex, LeadId.of(globex, "L-1"), f.fields(Map.of()), null,
        List.of());

    assertThrows(NotFoundException.class, () -> f.router.route(request));
  }
}
