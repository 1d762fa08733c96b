package dev.relay.playbook;

import static dev.relay.criteria.Criteria.all;
import static dev.relay.criteria.Criteria.field;
import static dev.relay.playbook.PlaybookEdits.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.relay.assignment.AssignmentPolicy;
import dev.relay.assignment.BestFitCriterion.Attribute;
import dev.relay.assignment.CapacityCap;
import dev.relay.assignment.NoEligibleAction;
import dev.relay.assignment.RepGroup;
import dev.relay.assignment.RoutingRule;
import dev.relay.assignment.Strategy;
import dev.relay.assignment.Target;
import dev.relay.common.Problem;
import dev.relay.common.ValidationException;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Each mistake an author can make in the lead-assignment section, reported with the exact path and message together
 * with every other problem of the playbook. Every case starts from the valid lead-routing playbook and breaks one thing
 * (see {@link LeadRoutingPlaybook}: groups 0 {@code key_accounts}, 1 {@code overseas}; rules 0 {@code a_leads} (grade
 * based), 1 {@code english} (best fit), 2 {@code trade_show} (round robin with caps 0 open leads, 1 rolling hour, 2
 * calendar day), 3 {@code distributor}; grade field {@code grade} with grades A–D; levels junior, regular, senior,
 * principal).
 */
class BrokenAssignmentSectionTest {
  @Test
  void theUnbrokenPlaybookReads() {
    assertEquals(LeadRoutingPlaybook.built(), PlaybookJson.read(LeadRoutingPlaybook.json()));
  }

  @Test
  void duplicateRuleKeyIsReportedAtTheDuplicate() {
    rejects(p -> rule(p, 2).put("key", "a_leads"),
        "assignment.rules[2].key: duplicate rule key 'a_leads' (first at assignment.rules[0])");
  }

  @Test
  void theDefaultRuleSharesTheRulesKeys() {
    rejects(p -> defaultRule(p).put("key", "trade_show"),
        "assignment.default.key: duplicate rule key 'trade_show' (first at assignment.rules[2])");
  }

  @Test
  void ruleKeyMustBeLowerSnakeCase() {
    rejects(p -> rule(p, 0).put("key", "A-Leads"),
        "assignment.rules[0].key: invalid rule key 'A-Leads': expected lower snake case [a-z][a-z0-9_]{0,63}");
  }

  @Test
  void ruleNeedsAKeyButTheDefaultRuleDoesNot() {
    rejects(p -> rule(p, 1).remove("key"), "assignment.rules[1]: missing required key 'key'");
    assertEquals("default", PlaybookJson.read(edited(p -> defaultRule(p).remove("key")))
        .assignment().defaultRule().key());
  }

  @Test
  void ruleCriteriaAreCheckedAgainstTheLeadFields() {
    rejects(p -> rule(p, 0).set("when", json("{'all': [{'field': 'grde', 'op': 'eq', 'value': 'A'}]}")),
        "assignment.rules[0].when.all[0].field: unknown field 'grde' (did you mean 'grade'?)");
    rejects(p -> rule(p, 0).set("when", json("{'all': [{'field': 'grade', 'op': 'eq', 'value': 'E'}]}")),
        "assignment.rules[0].when.all[0].value: 'E' is not an option of enum field 'grade' [A, B, C, D]");
    rejects(p -> rule(p, 3).set("when", json("{'all': [{'field': 'amount', 'op': 'gt', 'value': 0}]}")),
        "assignment.rules[3].when.all[0].field: unknown field 'amount'");
  }

  @Test
  void theDefaultRuleHasNoWhen() {
    rejects(p -> defaultRule(p).set("when", json("{'all': [{'field': 'grade', 'op': 'eq', 'value': 'D'}]}")),
        "assignment.default.when: the default rule takes every lead that no rule matches, so it has no 'when'");
  }

  @Test
  void targetGroupMustBeDeclared() {
    rejects(p -> rule(p, 0).set("target", json("{'group': 'vip'}")),
        "assignment.rules[0].target.group: unknown group 'vip' (groups: key_accounts, overseas)");
    rejects(p -> rule(p, 0).set("target", json("{'group': 'key_account'}")),
        "assignment.rules[0].target.group: unknown group 'key_account' (did you mean 'key_accounts'?)");
    rejects(p -> assignment(p).remove("groups"),
        "assignment.rules[0].target.group: unknown group 'key_accounts' (no groups declared)",
        "assignment.rules[1].target.group: unknown group 'overseas' (no groups declared)");
  }

  @Test
  void targetIsEveryoneOrOneTeamRepOrGroup() {
    rejects(p -> rule(p, 2).put("target", "all"), "assignment.rules[2].target: unknown target 'all': expected"
        + " 'everyone' or an object with one of 'team', 'rep' or 'group'");
    rejects(p -> rule(p, 2).put("target", "evryone"),
        "assignment.rules[2].target: unknown target 'evryone' (did you mean 'everyone'?)");
    rejects(p -> rule(p, 2).put("target", 5), "assignment.rules[2].target: expected 'everyone' or an object, got"
        + " number 5");
    rejects(p -> rule(p, 2).set("target", json("{'team': 'east', 'rep': 'li'}")),
        "assignment.rules[2].target: give only one of 'team', 'rep' or 'group'");
    rejects(p -> rule(p, 2).set("target", json("{}")),
        "assignment.rules[2].target: expected one of 'team', 'rep' or 'group'");
    rejects(p -> rule(p, 2).set("target", json("{'teem': 'east'}")),
        "assignment.rules[2].target.teem: unknown key 'teem' (did you mean 'team'?)");
    rejects(p -> rule(p, 3).set("target", json("{'rep': ' '}")), "assignment.rules[3].target.rep: must not be blank");
  }

  @Test
  void unknownStrategyGetsADidYouMeanAndWhatDependsOnItIsNotChecked() {
    rejects(p -> rule(p, 1).put("strategy", "bestfit"),
        "assignment.rules[1].strategy: unknown strategy 'bestfit' (did you mean 'best_fit'?)");
    rejects(p -> rule(p, 2).put("strategy", "random"), "assignment.rules[2].strategy: unknown strategy 'random'"
        + " (strategies: round_robin, weighted_round_robin, least_loaded, best_fit, grade_based, sticky_owner)");
  }

  @Test
  void bestFitNeedsItsTerms() {
    rejects(p -> rule(p, 1).remove("best_fit"),
        "assignment.rules[1].best_fit: strategy 'best_fit' needs at least one term");
    rejects(p -> rule(p, 1).putArray("best_fit"),
        "assignment.rules[1].best_fit: strategy 'best_fit' needs at least one term");
  }

  @Test
  void bestFitTermsUnderAnotherStrategyAreAnError() {
    rejects(p -> rule(p, 2).set("best_fit", rule(p, 1).get("best_fit")),
        "assignment.rules[2].best_fit: only strategy 'best_fit' uses best_fit terms, and this rule's strategy is"
            + " 'round_robin'");
  }

  @Test
  void bestFitComparesStringAndEnumLeadFieldsWithPositiveWeights() {
    rejects(p -> term(p, 0).put("lead_field", "budget"), "assignment.rules[1].best_fit[0].lead_field: 'budget' is a"
        + " decimal field; best fit compares string, enum or enum_list fields");
    rejects(p -> term(p, 0).put("lead_field", "industy"),
        "assignment.rules[1].best_fit[0].lead_field: unknown lead field 'industy' (did you mean 'industry'?)");
    rejects(p -> term(p, 1).put("weight", 0), "assignment.rules[1].best_fit[1].weight: must be positive, got 0");
    rejects(p -> term(p, 2).put("attribute", "language"),
        "assignment.rules[1].best_fit[2].attribute: unknown best-fit attribute 'language' (did you mean"
            + " 'languages'?)");
  }

  @Test
  void minSeniorityIsKeyedByGradesAndNamesDeclaredLevels() {
    rejects(p -> minSeniority(p).put("E", "senior"),
        "assignment.rules[0].min_seniority.E: 'E' is not a grade of field 'grade' (grades: A, B, C, D)");
    rejects(p -> minSeniority(p).put("A", "expert"), "assignment.rules[0].min_seniority.A: unknown seniority level"
        + " 'expert' (levels: junior, regular, senior, principal)");
    rejects(p -> minSeniority(p).put("A", "senoir"),
        "assignment.rules[0].min_seniority.A: unknown seniority level 'senoir' (did you mean 'senior'?)");
  }

  @Test
  void minSeniorityOnlyWithGradeBasedRouting() {
    rejects(p -> rule(p, 2).set("min_seniority", json("{'A': 'senior'}")),
        "assignment.rules[2].min_seniority: only strategy 'grade_based' uses min_seniority, and this rule's strategy"
            + " is 'round_robin'");
  }

  @Test
  void gradeBasedRoutingNeedsMinSenioritiesAndAGradeField() {
    rejects(p -> rule(p, 0).remove("min_seniority"),
        "assignment.rules[0].min_seniority: strategy 'grade_based' needs the lowest seniority of at least one grade");
    rejects(p -> assignment(p).remove("grade_field"),
        "assignment.rules[0].strategy: strategy 'grade_based' needs a grade field: set assignment.grade_field",
        "assignment.rules[0].sla_by_grade: SLAs per grade need a grade field: set assignment.grade_field");
  }

  @Test
  void gradeFieldMustBeAnEnumLeadField() {
    // Seniorities and SLAs per grade cannot be checked against an unknown field: one problem, not one per grade.
    rejects(p -> assignment(p).put("grade_field", "grde"),
        "assignment.grade_field: unknown lead field 'grde' (did you mean 'grade'?)");
    rejects(p -> assignment(p).put("grade_field", "product_interest"),
        "assignment.grade_field: 'product_interest' is an enum_list field; a grade field must be an enum");
  }

  @Test
  void capsCountOpenLeadsNowOrAssignmentsInAWindow() {
    rejects(p -> cap(p, 0).put("window", "P1D"),
        "assignment.rules[2].caps[0].window: metric 'open_leads' counts the open leads now and takes no window");
    rejects(p -> cap(p, 0).put("rolling", true),
        "assignment.rules[2].caps[0].rolling: metric 'open_leads' has no window to roll");
    rejects(p -> cap(p, 1).remove("window"), "assignment.rules[2].caps[1].window: required for metric 'assigned'");
    rejects(p -> cap(p, 1).put("window", "PT0S"), "assignment.rules[2].caps[1].window: must be positive, got PT0S");
    rejects(p -> cap(p, 0).put("max", 0), "assignment.rules[2].caps[0].max: must be positive, got 0");
    rejects(p -> cap(p, 1).remove("max"), "assignment.rules[2].caps[1]: missing required key 'max'");
    rejects(p -> cap(p, 0).put("metric", "open"),
        "assignment.rules[2].caps[0].metric: unknown cap metric 'open' (metrics: open_leads, assigned)");
  }

  @Test
  void calendarWindowsAreTheCurrentHourDayOrWeek() {
    rejects(p -> cap(p, 2).put("window", "PT2H"),
        "assignment.rules[2].caps[2].window: a calendar window (rolling false) is PT1H, P1D or P7D, got PT2H");
    assertEquals(CapacityCap.assignedPerCalendar(Duration.ofDays(7), 20), PlaybookJson.read(edited(p -> cap(p, 2)
        .put("window", "PT168H"))).assignment().rules().get(2).caps().get(2));
    assertEquals(CapacityCap.assignedWithin(Duration.ofHours(2), 5), PlaybookJson.read(edited(p -> {
      cap(p, 1).put("window", "PT2H");
      cap(p, 1).remove("rolling");
    })).assignment().rules().get(2).caps().get(1));
  }

  @Test
  void fallbackNeedsAFallbackOwner() {
    rejects(p -> rule(p, 0).remove("fallback_owner"),
        "assignment.rules[0].fallback_owner: required when when_none_eligible is 'fallback'");
    rejects(p -> defaultRule(p).put("fallback_owner", ""), "assignment.default.fallback_owner: must not be blank");
    rejects(p -> rule(p, 0).put("when_none_eligible", "drop"),
        "assignment.rules[0].when_none_eligible: unknown action 'drop' (actions: queue, fallback, escalate)");
  }

  @Test
  void slasArePositiveIsoDurationsKeyedByGrades() {
    rejects(p -> rule(p, 2).put("first_contact_sla", "PT0S"),
        "assignment.rules[2].first_contact_sla: must be positive, got PT0S");
    rejects(p -> rule(p, 2).put("first_contact_sla", "24 hours"), "assignment.rules[2].first_contact_sla: expected"
        + " an ISO-8601 duration like 'PT72H' or 'P3D', got '24 hours'");
    rejects(p -> slaByGrade(p).put("A", "-PT15M"), "assignment.rules[0].sla_by_grade.A: must be positive, got PT-15M");
    rejects(p -> slaByGrade(p).put("E", "PT1H"),
        "assignment.rules[0].sla_by_grade.E: 'E' is not a grade of field 'grade' (grades: A, B, C, D)");
    rejects(p -> rule(p, 1).put("sla_clock", "business"),
        "assignment.rules[1].sla_clock: unknown SLA clock 'business' (clocks: wall, business_hours)");
  }

  @Test
  void reroutingSettingsAreNotNegative() {
    rejects(p -> {
      rule(p, 2).put("remember_last", -1);
      rule(p, 2).put("max_reroutes", -2);
    }, "assignment.rules[2].remember_last: must not be negative, got -1",
        "assignment.rules[2].max_reroutes: must not be negative, got -2");
  }

  @Test
  void seniorityLevelsAreNonBlankUniqueAndAtLeastOne() {
    rejects(p -> assignment(p).putArray("seniority_levels"),
        "assignment.seniority_levels: needs at least one level, lowest first, e.g. junior, regular, senior");
    // Levels that are wrong themselves are not also used to check the minimum seniorities.
    rejects(p -> levels(p).add("junior").add(" "),
        "assignment.seniority_levels[4]: duplicate seniority level 'junior' (first at"
            + " assignment.seniority_levels[0])",
        "assignment.seniority_levels[5]: must not be blank");
  }

  @Test
  void groupsHaveUniqueKeysAndMembers() {
    rejects(p -> group(p, 1).put("key", "key_accounts"),
        "assignment.groups[1].key: duplicate group key 'key_accounts' (first at assignment.groups[0])",
        // The rule targeting the renamed group now names an unknown one.
        "assignment.rules[1].target.group: unknown group 'overseas' (groups: key_accounts)");
    rejects(p -> ((ArrayNode) group(p, 0).get("members")).add("li").add(""),
        "assignment.groups[0].members[2]: duplicate member 'li' (first at assignment.groups[0].members[1])",
        "assignment.groups[0].members[3]: must not be blank");
    rejects(p -> group(p, 1).putArray("members"), "assignment.groups[1].members: a group needs at least one member");
  }

  @Test
  void weightsBelongToMembersAndAreAtLeastOne() {
    rejects(p -> weights(p).put("zhao", 3),
        "assignment.groups[0].weights.zhao: 'zhao' is not a member of group 'key_accounts' (members: wang, li)");
    rejects(p -> weights(p).put("li", 0), "assignment.groups[0].weights.li: must be at least 1, got 0");
    rejects(p -> weights(p).put("li", "2"), "assignment.groups[0].weights.li: expected an integer, got string '2'");
  }

  @Test
  void misspeltKeysGetADidYouMean() {
    rejects(p -> rule(p, 2).set("stratgy", rule(p, 2).remove("strategy")),
        "assignment.rules[2].stratgy: unknown key 'stratgy' (did you mean 'strategy'?)");
    rejects(p -> assignment(p).set("group", assignment(p).remove("groups")),
        "assignment.group: unknown key 'group' (did you mean 'groups'?)",
        // Without its groups, the rules' targets name unknown ones.
        "assignment.rules[0].target.group: unknown group 'key_accounts' (no groups declared)",
        "assignment.rules[1].target.group: unknown group 'overseas' (no groups declared)");
    rejects(p -> p.set("assignments", p.remove("assignment")),
        "assignments: unknown key 'assignments' (did you mean 'assignment'?)");
  }

  @Test
  void unreadableAssignmentSectionIsOneProblem() {
    rejects(p -> p.putArray("assignment"), "assignment: expected an object, got an array");
    rejects(p -> assignment(p).putObject("rules"), "assignment.rules: expected an array, got an object");
    rejects(p -> assignment(p).put("groups", "key_accounts"), "assignment.groups: expected an array, got string"
        + " 'key_accounts'");
    rejects(p -> rule(p, 1).put("best_fit", "industry"), "assignment.rules[1].best_fit: expected an array, got"
        + " string 'industry'");
  }

  @Test
  void anUnreadableGradeFieldDeclarationDoesNotCascadeIntoTheRules() {
    // grade is the grade field, appears in rules[0].when and keys min_seniority and sla_by_grade: one mistake, one
    // problem.
    rejects(p -> ((ObjectNode) p.get("fields").get("lead").get(2)).put("type", "enums"),
        "fields.lead[2].type: unknown field type 'enums' (did you mean 'enum'?)");
  }

  @Test
  void everyAssignmentProblemIsReportedWithTheOtherProblemsAtOnce() {
    ValidationException e = assertThrows(ValidationException.class, () -> PlaybookJson.read(edited(p -> {
      p.put("currency", "RMB");
      stage(p, 1).put("probability", 120);
      levels(p).add("senior");
      weights(p).put("zhao", 3);
      rule(p, 0).set("when", json("{'all': [{'field': 'grde', 'op': 'eq', 'value': 'A'}]}"));
      rule(p, 0).remove("fallback_owner");
      rule(p, 1).put("strategy", "bestfit");
      term(p, 0).put("lead_field", "budget");
      rule(p, 2).put("key", "a_leads");
      rule(p, 2).put("target", "all");
      cap(p, 2).put("window", "PT2H");
      rule(p, 3).set("target", json("{'group': 'vip'}"));
      rule(p, 3).put("remember_last", -1);
      slaByGrade(p).put("E", "PT1H");
      defaultRule(p).put("sla_clock", "bussiness_hours");
      defaultRule(p).set("when", json("{'all': [{'field': 'grade', 'op': 'eq', 'value': 'D'}]}"));
      ((ObjectNode) p.get("pool")).put("default_region", "XX");
    })));
    assertEquals(List.of(
        // Structural problems, in document order ...
        "currency: unknown currency code 'RMB' (expected an ISO 4217 code like 'CNY')",
        "assignment.rules[1].strategy: unknown strategy 'bestfit' (did you mean 'best_fit'?)",
        "assignment.rules[2].target: unknown target 'all': expected 'everyone' or an object with one of 'team', 'rep'"
            + " or 'group'",
        "assignment.default.sla_clock: unknown SLA clock 'bussiness_hours' (did you mean 'business_hours'?)",
        // ... then the semantic ones: the pipeline's, the assignment section's, the pool's.
        "pipeline.stages[1].probability: must be between 0 and 100, got 120",
        "assignment.seniority_levels[4]: duplicate seniority level 'senior' (first at assignment.seniority_levels[2])",
        "assignment.groups[0].weights.zhao: 'zhao' is not a member of group 'key_accounts' (members: wang, li)",
        "assignment.rules[0].when.all[0].field: unknown field 'grde' (did you mean 'grade'?)",
        "assignment.rules[0].fallback_owner: required when when_none_eligible is 'fallback'",
        "assignment.rules[0].sla_by_grade.E: 'E' is not a grade of field 'grade' (grades: A, B, C, D)",
        "assignment.rules[2].key: duplicate rule key 'a_leads' (first at assignment.rules[0])",
        "assignment.rules[2].caps[2].window: a calendar window (rolling false) is PT1H, P1D or P7D, got PT2H",
        "assignment.rules[3].target.group: unknown group 'vip' (groups: key_accounts, overseas)",
        "assignment.rules[3].remember_last: must not be negative, got -1",
        "assignment.default.when: the default rule takes every lead that no rule matches, so it has no 'when'",
        "pool.default_region: unknown region 'XX' (expected an ISO 3166 alpha-2 code like 'CN')"),
        e.problems().stream().map(Problem::toString).toList());
  }

  @Test
  void theBuilderReportsAssignmentProblemsWithTheJsonPaths() {
    AssignmentPolicy broken = AssignmentPolicy.builder()
        .gradeField("grade")
        .group(RepGroup.of("vip", "VIP").withWeight("li", 0))
        .rule(RoutingRule.builder("a_leads", "A leads")
            .when(all(field("grade").eq("E")))
            .target(Target.group("key_accounts"))
            .strategy(Strategy.BEST_FIT)
            .bestFit(Attribute.REGIONS, "region", 1)
            .minSeniority("A", "senior"))
        .rule(RoutingRule.builder("a_leads", " ")
            .cap(new CapacityCap(CapacityCap.Metric.ASSIGNED, null, true, 5))
            .whenNoneEligible(NoEligibleAction.FALLBACK)
            .firstContactSla(Duration.ofMinutes(-5)))
        .defaultRule(RoutingRule.builder("default", "Default").when(all(field("grade").eq("D"))).maxReroutes(-1))
        .build();
    ValidationException e = assertThrows(ValidationException.class,
        () -> LeadRoutingPlaybook.builder().assignment(broken).build());
    assertEquals(List.of(
        "assignment.groups[0].members: a group needs at least one member",
        "assignment.groups[0].weights.li: must be at least 1, got 0",
        "assignment.rules[0].when.all[0].value: 'E' is not an option of enum field 'grade' [A, B, C, D]",
        "assignment.rules[0].target.group: unknown group 'key_accounts' (groups: vip)",
        "assignment.rules[0].best_fit[0].lead_field: unknown lead field 'region'",
        "assignment.rules[0].min_seniority: only strategy 'grade_based' uses min_seniority, and this rule's strategy"
            + " is 'best_fit'",
        "assignment.rules[1].key: duplicate rule key 'a_leads' (first at assignment.rules[0])",
        "assignment.rules[1].label: must not be blank",
        "assignment.rules[1].caps[0].window: required for metric 'assigned'",
        "assignment.rules[1].fallback_owner: required when when_none_eligible is 'fallback'",
        "assignment.rules[1].first_contact_sla: must be positive, got PT-5M",
        "assignment.default.when: the default rule takes every lead that no rule matches, so it has no 'when'",
        "assignment.default.max_reroutes: must not be negative, got -1"),
        e.problems().stream().map(Problem::toString).toList());
  }

  private static void rejects(Consumer<ObjectNode> edit, String... expected) {
    PlaybookEdits.rejects(edited(edit), expected);
  }

  private static String edited(Consumer<ObjectNode> edit) {
    return PlaybookEdits.edited(LeadRoutingPlaybook.json(), edit);
  }

  private static ObjectNode stage(ObjectNode root, int index) {
    return (ObjectNode) root.get("pipeline").get("stages").get(index);
  }

  private static ObjectNode assignment(ObjectNode root) {
    return (ObjectNode) root.get("assignment");
  }

  private static ArrayNode levels(ObjectNode root) {
    return (ArrayNode) assignment(root).get("seniority_levels");
  }

  private static ObjectNode group(ObjectNode root, int index) {
    return (ObjectNode) assignment(root).get("groups").get(index);
  }

  private static ObjectNode weights(ObjectNode root) {
    return (ObjectNode) group(root, 0).get("weights");
  }

  private static ObjectNode rule(ObjectNode root, int index) {
    return (ObjectNode) assignment(root).get("rules").get(index);
  }

  private static ObjectNode defaultRule(ObjectNode root) {
    return (ObjectNode) assignment(root).get("default");
  }

  private static ObjectNode minSeniority(ObjectNode root) {
    return (ObjectNode) rule(root, 0).get("min_seniority");
  }

  private static ObjectNode slaByGrade(ObjectNode root) {
    return (ObjectNode) rule(root, 0).get("sla_by_grade");
  }

  /** A best-fit term of rule 1 ({@code english}). */
  private static ObjectNode term(ObjectNode root, int index) {
    return (ObjectNode) rule(root, 1).get("best_fit").get(index);
  }

  /** A cap of rule 2 ({@code trade_show}). */
  private static ObjectNode cap(ObjectNode root, int index) {
    return (ObjectNode) rule(root, 2).get("caps").get(index);
  }
}
