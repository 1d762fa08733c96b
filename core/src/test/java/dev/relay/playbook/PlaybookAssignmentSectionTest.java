package dev.relay.playbook;

import static dev.relay.criteria.Criteria.all;
import static dev.relay.criteria.Criteria.field;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relay.assignment.AssignmentPolicy;
import dev.relay.assignment.BestFitCriterion;
import dev.relay.assignment.BestFitCriterion.Attribute;
import dev.relay.assignment.CapacityCap;
import dev.relay.assignment.NoEligibleAction;
import dev.relay.assignment.RepGroup;
import dev.relay.assignment.RoutingRule;
import dev.relay.assignment.SlaClock;
import dev.relay.assignment.Strategy;
import dev.relay.assignment.Target;
import dev.relay.criteria.Criteria;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The lead-assignment section: defaults, the JSON form and the builder over the same model, canonical writing. */
class PlaybookAssignmentSectionTest {
  /** Only the required keys of a playbook, and no assignment section. */
  private static final String MINIMAL = """
      {
        "pipeline": {
          "key": "simple",
          "stages": [{"key": "open", "probability": 20}, {"key": "closed", "probability": 100}],
          "lost_reasons": [{"key": "price"}]
        }
      }
      """;

  @Test
  void aPlaybookWithoutAnAssignmentSectionHasTheDefaultPolicy() {
    assertEquals(AssignmentPolicy.defaults(), PlaybookJson.read(MINIMAL).assignment());
    assertEquals(AssignmentPolicy.defaults(), SmallTeamPlaybook.built().assignment());
    AssignmentPolicy defaults = AssignmentPolicy.defaults();
    assertEquals(List.of(), defaults.rules());
    assertEquals(List.of(), defaults.groups());
    assertNull(defaults.gradeField());
    assertEquals(List.of("junior", "regular", "senior"), defaults.seniorityLevels());
    assertTrue(defaults.accountOwnerFirst());
    RoutingRule fallback = defaults.defaultRule();
    assertEquals(Target.everyone(), fallback.target());
    assertEquals(Strategy.ROUND_ROBIN, fallback.strategy());
    assertEquals(NoEligibleAction.QUEUE, fallback.whenNoneEligible());
    assertEquals(Duration.ofHours(24), fallback.firstContactSla());
  }

  @Test
  void anEmptyAssignmentSectionMeansTheDefaults() {
    Playbook empty = PlaybookJson.read(withAssignment("{}"));
    assertEquals(PlaybookJson.read(MINIMAL), empty);
    assertEquals(AssignmentPolicy.defaults(), empty.assignment());
  }

  @Test
  void absentKeysOfARuleTakeTheBuildersDefaults() {
    AssignmentPolicy read = PlaybookJson.read(withAssignment("""
        {"rules": [{"key": "web"}, {"key": "capped", "caps": [{"metric": "assigned", "window": "PT1H", "max": 5}]}],
         "default": {"strategy": "least_loaded"}}""")).assignment();
    assertEquals(RoutingRule.builder("web", "web").build(), read.rules().get(0));
    assertEquals(Criteria.always(), read.rules().get(0).when());
    assertEquals(List.of(CapacityCap.assignedWithin(Duration.ofHours(1), 5)), read.rules().get(1).caps());
    assertEquals(RoutingRule.builder("default", "default").strategy(Strategy.LEAST_LOADED).build(),
        read.defaultRule());
  }

  @Test
  void theModelBuildersStartFromTheDefaults() {
    assertEquals(AssignmentPolicy.defaults(), AssignmentPolicy.builder().build());
    RoutingRule standard = AssignmentPolicy.standardDefaultRule();
    assertEquals(standard, RoutingRule.builder(standard.key(), standard.label()).build());
    assertEquals(new RepGroup("g", "G", List.of("a", "b"), Map.of("b", 3)),
        RepGroup.of("g", "G", "a", "b").withWeight("b", 3));
  }

  @Test
  void builderAndJsonFormGiveEqualPlaybooks() {
    Playbook built = LeadRoutingPlaybook.built();
    Playbook read = PlaybookJson.read(LeadRoutingPlaybook.json());
    assertEquals(built, read);
    assertEquals(built.assignment(), read.assignment());
    assertEquals(PlaybookJson.write(built), PlaybookJson.write(read));
  }

  @Test
  void aFullAssignmentSectionSurvivesWriteThenRead() {
    Playbook built = LeadRoutingPlaybook.built();
    String written = PlaybookJson.write(built);
    Playbook read = PlaybookJson.read(written);
    assertEquals(built.assignment(), read.assignment());
    assertEquals(built.fingerprint(), read.fingerprint());
    assertEquals(written, PlaybookJson.write(read));
    assertEquals(LeadRoutingPlaybook.json(), written);
  }

  @Test
  void theJsonSaysWhatTheAuthorsMeant() {
    AssignmentPolicy policy = PlaybookJson.read(LeadRoutingPlaybook.json()).assignment();
    assertEquals("grade", policy.gradeField());
    assertEquals(List.of("junior", "regular", "senior", "principal"), policy.seniorityLevels());
    assertFalse(policy.accountOwnerFirst());
    assertEquals(new RepGroup("key_accounts", "大客户组 Key accounts", List.of("wang", "li"), Map.of("li", 2)),
        policy.groups().get(0));
    assertEquals(List.of("a_leads", "english", "trade_show", "distributor"),
        policy.rules().stream().map(RoutingRule::key).toList());

    RoutingRule aLeads = policy.rules().get(0);
    assertEquals(all(field("grade").eq("A")), aLeads.when());
    assertEquals(Target.group("key_accounts"), aLeads.target());
    assertEquals(Strategy.GRADE_BASED, aLeads.strategy());
    assertEquals(Map.of("A", "senior", "B", "regular"), aLeads.minSeniority());
    assertEquals(NoEligibleAction.FALLBACK, aLeads.whenNoneEligible());
    assertEquals("zhao", aLeads.fallbackOwner());
    assertEquals(Duration.ofMinutes(15), aLeads.slaFor("A"));
    assertEquals(Duration.ofHours(2), aLeads.slaFor("B"));
    assertEquals(Duration.ofHours(4), aLeads.slaFor("C"));
    assertEquals(Duration.ofHours(4), aLeads.slaFor(null));
    assertEquals(SlaClock.BUSINESS_HOURS, aLeads.slaClock());

    RoutingRule english = policy.rules().get(1);
    assertEquals(Strategy.BEST_FIT, english.strategy());
    assertEquals(List.of(new BestFitCriterion(Attribute.INDUSTRIES, "industry", 3),
        new BestFitCriterion(Attribute.SKILLS, "product_interest", 2),
        new BestFitCriterion(Attribute.LANGUAGES, "language", 1)), english.bestFit());
    assertEquals(NoEligibleAction.ESCALATE, english.whenNoneEligible());

    RoutingRule tradeShow = policy.rules().get(2);
    assertEquals(Target.team("east"), tradeShow.target());
    assertEquals(List.of(CapacityCap.openLeads(30), CapacityCap.assignedWithin(Duration.ofHours(1), 5),
        CapacityCap.assignedPerCalendar(Duration.ofDays(1), 20)), tradeShow.caps());
    assertEquals(5, tradeShow.rememberLast());
    assertEquals(1, tradeShow.maxReroutes());

    assertEquals(Target.rep("zhang"), policy.rules().get(3).target());
    assertEquals(Strategy.STICKY_OWNER, policy.rules().get(3).strategy());

    RoutingRule rest = policy.defaultRule();
    assertEquals("everyone_else", rest.key());
    assertEquals(Strategy.LEAST_LOADED, rest.strategy());
    assertEquals(Duration.ofHours(8), rest.firstContactSla());
    assertEquals(0, rest.rememberLast());
  }

  @Test
  void theDefaultAssignmentSectionIsWrittenOut() {
    String written = PlaybookJson.write(PlaybookJson.read(MINIMAL));
    assertEquals("""
          "assignment": {
            "seniority_levels": [
              "junior",
              "regular",
              "senior"
            ],
            "account_owner_first": true,
            "groups": [],
            "rules": [],
            "default": {
              "key": "default",
              "label": "默认分配 Default",
              "target": "everyone",
              "strategy": "round_robin",
              "when_none_eligible": "queue",
              "first_contact_sla": "P1D",
              "sla_clock": "wall",
              "remember_last": 3,
              "max_reroutes": 2
            }
          },
        """, written.substring(written.indexOf("  \"assignment\": {"), written.indexOf("  \"pool\": {")));
    assertEquals(PlaybookJson.read(MINIMAL), PlaybookJson.read(written));
  }

  @Test
  void canonicalAssignmentSectionOmitsOnlyWhatMeansNothing() {
    String written = PlaybookJson.write(LeadRoutingPlaybook.built());
    String distributor = written.substring(written.indexOf("\"key\": \"distributor\""),
        written.indexOf("\"default\": {"));
    assertFalse(distributor.contains("\"best_fit\""), distributor);
    assertFalse(distributor.contains("\"min_seniority\""), distributor);
    assertFalse(distributor.contains("\"caps\""), distributor);
    assertFalse(distributor.contains("\"fallback_owner\""), distributor);
    assertFalse(distributor.contains("\"sla_by_grade\""), distributor);
    assertTrue(distributor.contains("\"when_none_eligible\": \"queue\""), distributor);
    assertTrue(distributor.contains("\"first_contact_sla\": \"P1D\""), distributor);
    String overseas = written.substring(written.indexOf("\"key\": \"overseas\""), written.indexOf("\"rules\": ["));
    assertFalse(overseas.contains("\"weights\""), overseas);
    String openLeads = written.substring(written.indexOf("\"metric\": \"open_leads\""));
    openLeads = openLeads.substring(0, openLeads.indexOf('}'));
    assertFalse(openLeads.contains("\"window\""), openLeads);
    assertFalse(openLeads.contains("\"rolling\""), openLeads);
  }

  @Test
  void perGradeEntriesFollowTheGradesAndWeightsTheMembers() {
    Playbook built = LeadRoutingPlaybook.builder()
        .assignment(LeadRoutingPlaybook.assignment()
            .group(RepGroup.of("trio", "Trio", "zhou", "wu", "sun").withWeight("sun", 2).withWeight("zhou", 3))
            .rule(RoutingRule.builder("by_grade", "By grade")
                .strategy(Strategy.GRADE_BASED)
                .minSeniority("D", "junior").minSeniority("A", "principal").minSeniority("C", "regular")
                .slaForGrade("C", Duration.ofHours(6)).slaForGrade("A", Duration.ofMinutes(30))))
        .build();
    String written = PlaybookJson.write(built);
    assertTrue(written.contains("""
        "weights": {
          "zhou": 3,
          "sun": 2
        }""".indent(8).stripTrailing()), written);
    assertTrue(written.contains("""
        "min_seniority": {
          "A": "principal",
          "C": "regular",
          "D": "junior"
        },""".indent(8).stripTrailing()), written);
    assertTrue(written.contains("""
        "sla_by_grade": {
          "A": "PT30M",
          "C": "PT6H"
        },""".indent(8).stripTrailing()), written);
    assertEquals(built, PlaybookJson.read(written));
  }

  @Test
  void everyTargetFormSurvivesARoundTrip() {
    for (Target target : List.of(Target.everyone(), Target.team("east"), Target.rep("li"),
        Target.group("key_accounts"))) {
      Playbook built = LeadRoutingPlaybook.builder()
          .assignment(LeadRoutingPlaybook.assignment().defaultRule(RoutingRule.builder("rest", "Rest").target(target)))
          .build();
      assertEquals(target, PlaybookJson.read(PlaybookJson.write(built)).assignment().defaultRule().target());
    }
  }

  @Test
  void changingTheAssignmentMakesAnotherPlaybook() {
    Playbook changed = LeadRoutingPlaybook.builder()
        .assignment(LeadRoutingPlaybook.assignment().accountOwnerFirst(true))
        .build();
    assertNotEquals(LeadRoutingPlaybook.built(), changed);
    assertNotEquals(LeadRoutingPlaybook.built().fingerprint(), changed.fingerprint());
  }

  private static String withAssignment(String section) {
    return MINIMAL.replace("\"pipeline\":", "\"assignment\": " + section + ",\n  \"pipeline\":");
  }
}
