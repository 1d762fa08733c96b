package dev.relay.playbook;

import static dev.relay.criteria.Criteria.all;
import static dev.relay.criteria.Criteria.field;
import static dev.relay.playbook.PlaybookEdits.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.relay.common.Problem;
import dev.relay.common.ValidationException;
import dev.relay.pool.ClaimRules;
import dev.relay.pool.PoolDefinition;
import dev.relay.pool.PoolPolicy;
import dev.relay.pool.RecycleRule;
import dev.relay.pool.RecycleTrigger;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Each mistake an author can make in the customer-pool section, reported with the exact path and message together
 * with every other problem of the playbook. Every case starts from the valid regional-pools playbook and breaks one
 * thing (see {@link RegionalPoolsPlaybook}: pool 0 {@code east} with recycle rules {@code no_follow_up} and {@code
 * stalled_key_deals}, pool 1 {@code national}; grade field {@code grade} with grades A–D).
 */
class BrokenPoolSectionTest {
  @Test
  void theUnbrokenPlaybookReads() {
    assertEquals(RegionalPoolsPlaybook.built(), PlaybookJson.read(RegionalPoolsPlaybook.json()));
  }

  @Test
  void defaultRegionMustBeAnIsoCountryCode() {
    rejects(p -> pool(p).put("default_region", "XX"),
        "pool.default_region: unknown region 'XX' (expected an ISO 3166 alpha-2 code like 'CN')");
    rejects(p -> pool(p).put("default_region", "cn"), "pool.default_region: unknown region 'cn' (did you mean 'CN'?)");
  }

  @Test
  void unknownDuplicatePolicyListsThePolicies() {
    rejects(p -> pool(p).put("duplicates", "ignore"),
        "pool.duplicates: unknown duplicate policy 'ignore' (policies: reject, merge, flag)");
    rejects(p -> pool(p).put("duplicates", "merg"), "pool.duplicates: unknown duplicate policy 'merg' (did you mean"
        + " 'merge'?)");
  }

  @Test
  void unknownConflictPolicyListsThePolicies() {
    rejects(p -> pool(p).put("conflicts", "share"),
        "pool.conflicts: unknown conflict policy 'share' (policies: reject, collaboration_request)");
  }

  @Test
  void similarNameThresholdIsAShareAboveZero() {
    rejects(p -> pool(p).put("similar_name_threshold", 0),
        "pool.similar_name_threshold: must be greater than 0 and at most 1, got 0.0");
    rejects(p -> pool(p).put("similar_name_threshold", 85),
        "pool.similar_name_threshold: must be greater than 0 and at most 1, got 85.0");
    rejects(p -> pool(p).put("similar_name_threshold", "85%"),
        "pool.similar_name_threshold: expected a number, got string '85%'");
  }

  @Test
  void gradeFieldMustBeAnAccountField() {
    // The per-grade days cannot be checked against an unknown field: one problem, not one per grade.
    rejects(p -> pool(p).put("grade_field", "grde"), "pool.grade_field: unknown account field 'grde' (did you mean"
        + " 'grade'?)");
  }

  @Test
  void gradeFieldMustBeAnEnum() {
    rejects(p -> pool(p).put("grade_field", "open_receivable"),
        "pool.grade_field: 'open_receivable' is a decimal field; a grade field must be an enum");
  }

  @Test
  void recycleDaysAreKeyedByGradesOfTheGradeField() {
    rejects(p -> days(p, 0, 1).put("E", 20),
        "pool.pools[0].recycle[1].days.E: 'E' is not a grade of field 'grade' (grades: A, B, C, D)");
  }

  @Test
  void recycleDaysPerGradeNeedAGradeField() {
    rejects(p -> pool(p).remove("grade_field"),
        "pool.pools[0].recycle[0].days: days per grade need a grade field: set pool.grade_field",
        "pool.pools[0].recycle[1].days: days per grade need a grade field: set pool.grade_field");
  }

  @Test
  void recycleDaysArePositive() {
    rejects(p -> days(p, 0, 0).put("C", 0), "pool.pools[0].recycle[0].days.C: must be positive, got 0");
    rejects(p -> recycle(p, 0, 0).put("default_days", -5),
        "pool.pools[0].recycle[0].default_days: must be positive, got -5");
  }

  @Test
  void theWarningComesBeforeTheShortestAllowance() {
    rejects(p -> recycle(p, 0, 0).put("warn_days_before", 7),
        "pool.pools[0].recycle[0].warn_days_before: must be less than the rule's shortest allowance of 7 days, got 7");
    rejects(p -> recycle(p, 0, 0).put("warn_days_before", -1),
        "pool.pools[0].recycle[0].warn_days_before: must not be negative, got -1");
  }

  @Test
  void unreadableDaysAreOneProblem() {
    rejects(p -> days(p, 0, 0).put("A", "30"), "pool.pools[0].recycle[0].days.A: expected an integer, got string '30'");
    rejects(p -> recycle(p, 0, 0).put("days", 30), "pool.pools[0].recycle[0].days: expected an object, got number 30");
  }

  @Test
  void aPoolSectionNeedsAPool() {
    rejects(p -> pool(p).putArray("pools"), "pool.pools: a pool section needs at least one pool");
  }

  @Test
  void duplicatePoolKeyIsReportedAtTheDuplicate() {
    rejects(p -> poolAt(p, 1).put("key", "east"), "pool.pools[1].key: duplicate pool key 'east' (first at"
        + " pool.pools[0])");
  }

  @Test
  void poolKeyMustBeLowerSnakeCase() {
    rejects(p -> poolAt(p, 0).put("key", "East"),
        "pool.pools[0].key: invalid pool key 'East': expected lower snake case [a-z][a-z0-9_]{0,63}");
  }

  @Test
  void poolNeedsAKey() {
    rejects(p -> poolAt(p, 1).remove("key"), "pool.pools[1]: missing required key 'key'");
  }

  @Test
  void poolCriteriaAreCheckedAgainstTheAccountFields() {
    rejects(p -> poolAt(p, 0).set("accounts", json("{'all': [{'field': 'regoin', 'op': 'eq', 'value': 'east'}]}")),
        "pool.pools[0].accounts.all[0].field: unknown field 'regoin' (did you mean 'region'?)");
    rejects(p -> poolAt(p, 0).set("accounts", json("{'all': [{'field': 'region', 'op': 'eq', 'value': 'north'}]}")),
        "pool.pools[0].accounts.all[0].value: 'north' is not an option of enum field 'region' [east, west]");
  }

  @Test
  void exemptionCriteriaReadAccountsNotDeals() {
    rejects(p -> exempt(p, 0).set("when", json("{'all': [{'field': 'amount', 'op': 'gt', 'value': 0}]}")),
        "pool.pools[0].exempt.when.all[0].field: unknown field 'amount'");
  }

  @Test
  void recycleCriteriaAreCheckedToo() {
    rejects(p -> recycle(p, 0, 1).set("when", json("{'all': [{'field': 'grade', 'op': 'like', 'value': 'A'}]}")),
        "pool.pools[0].recycle[1].when.all[0].op: unknown operator 'like'");
    rejects(p -> recycle(p, 0, 1).set("when", json("{'all': [{'field': 'grade', 'op': 'gt', 'value': 'A'}]}")),
        "pool.pools[0].recycle[1].when.all[0].op: operator 'gt' does not apply to enum field 'grade'");
  }

  @Test
  void claimLimitsArePositiveIntegers() {
    rejects(p -> claim(p, 0).put("max_owned", 0), "pool.pools[0].claim.max_owned: must be positive, got 0");
    rejects(p -> claim(p, 0).put("max_claims_per_day", -1),
        "pool.pools[0].claim.max_claims_per_day: must be positive, got -1");
    rejects(p -> claim(p, 0).put("max_locked", 2.5), "pool.pools[0].claim.max_locked: expected an integer, got number"
        + " 2.5");
  }

  @Test
  void claimDurationsAreIsoAndNotNegative() {
    rejects(p -> claim(p, 0).put("protection", "-P1D"), "pool.pools[0].claim.protection: must not be negative, got"
        + " P-1D");
    rejects(p -> claim(p, 0).put("reclaim_cooldown", "30 days"), "pool.pools[0].claim.reclaim_cooldown: expected an"
        + " ISO-8601 duration like 'PT72H' or 'P3D', got '30 days'");
    rejects(p -> pool(p).put("registration_protection", "-PT1H"),
        "pool.registration_protection: must not be negative, got PT-1H");
  }

  @Test
  void duplicateRecycleRuleKeyIsReportedAtTheDuplicate() {
    rejects(p -> recycle(p, 0, 1).put("key", "no_follow_up"),
        "pool.pools[0].recycle[1].key: duplicate recycle rule key 'no_follow_up' (first at pool.pools[0].recycle[0])");
  }

  @Test
  void sameRecycleRuleKeyInAnotherPoolIsFine() {
    assertEquals("no_follow_up", PlaybookJson.read(edited(p -> recycle(p, 1, 0).put("key", "no_follow_up")))
        .pool().pools().get(1).recycle().get(0).key());
  }

  @Test
  void unknownRecycleTriggerGetsADidYouMeanAndTheRuleIsNotCheckedFurther() {
    rejects(p -> {
      recycle(p, 0, 0).put("trigger", "no_followup");
      recycle(p, 0, 0).put("warn_days_before", 70);
    }, "pool.pools[0].recycle[0].trigger: unknown recycle trigger 'no_followup' (did you mean 'no_follow_up'?)");
    rejects(p -> recycle(p, 0, 0).put("trigger", "idle"), "pool.pools[0].recycle[0].trigger: unknown recycle trigger"
        + " 'idle' (triggers: no_follow_up, no_deal_progress, not_won_after_claim)");
  }

  @Test
  void recycleRuleNeedsItsDefaultDays() {
    rejects(p -> recycle(p, 1, 0).remove("default_days"), "pool.pools[1].recycle[0]: missing required key"
        + " 'default_days'");
  }

  @Test
  void memberTeamsAreNonBlankAndUnique() {
    rejects(p -> ((ArrayNode) poolAt(p, 0).get("member_teams")).add("east").add(" "),
        "pool.pools[0].member_teams[2]: duplicate team 'east' (first at pool.pools[0].member_teams[0])",
        "pool.pools[0].member_teams[3]: must not be blank");
    rejects(p -> ((ArrayNode) poolAt(p, 0).get("member_teams")).add(7),
        "pool.pools[0].member_teams[2]: expected a string, got number 7");
  }

  @Test
  void misspeltKeysGetADidYouMean() {
    rejects(p -> claim(p, 0).set("max_own", claim(p, 0).remove("max_owned")),
        "pool.pools[0].claim.max_own: unknown key 'max_own' (did you mean 'max_owned'?)");
    rejects(p -> transfer(p).set("need_approval", transfer(p).remove("needs_approval")),
        "pool.transfer.need_approval: unknown key 'need_approval' (did you mean 'needs_approval'?)");
    rejects(p -> p.set("pools", p.remove("pool")), "pools: unknown key 'pools' (did you mean 'pool'?)");
  }

  @Test
  void unreadablePoolSectionIsOneProblem() {
    rejects(p -> p.putArray("pool"), "pool: expected an object, got an array");
    rejects(p -> pool(p).put("pools", "east"), "pool.pools: expected an array, got string 'east'");
  }

  @Test
  void anUnreadableGradeFieldDeclarationDoesNotCascadeIntoThePool() {
    // grade is the grade field, keys the recycle days and appears in recycle[1].when: one mistake, one problem.
    rejects(p -> ((ObjectNode) p.get("fields").get("account").get(1)).put("type", "enums"),
        "fields.account[1].type: unknown field type 'enums' (did you mean 'enum'?)");
  }

  @Test
  void everyPoolProblemIsReportedWithTheOtherProblemsAtOnce() {
    ValidationException e = assertThrows(ValidationException.class, () -> PlaybookJson.read(edited(p -> {
      p.put("currency", "RMB");
      stage(p, 1).put("probability", 120);
      pool(p).put("default_region", "XX");
      pool(p).put("conflicts", "share");
      pool(p).put("similar_name_threshold", 1.5);
      claim(p, 0).put("max_owned", 0);
      claim(p, 0).put("protection", "a week");
      days(p, 0, 1).put("E", 20);
      recycle(p, 0, 0).put("warn_days_before", 7);
      poolAt(p, 1).put("key", "east");
      poolAt(p, 1).set("accounts", json("{'all': [{'field': 'regoin', 'op': 'is_set'}]}"));
      recycle(p, 1, 0).put("trigger", "no_followup");
    })));
    assertEquals(List.of(
        // Structural problems, in document order ...
        "currency: unknown currency code 'RMB' (expected an ISO 4217 code like 'CNY')",
        "pool.conflicts: unknown conflict policy 'share' (policies: reject, collaboration_request)",
        "pool.pools[0].claim.protection: expected an ISO-8601 duration like 'PT72H' or 'P3D', got 'a week'",
        "pool.pools[1].recycle[0].trigger: unknown recycle trigger 'no_followup' (did you mean 'no_follow_up'?)",
        // ... then the semantic ones, the pipeline's before the pool's.
        "pipeline.stages[1].probability: must be between 0 and 100, got 120",
        "pool.default_region: unknown region 'XX' (expected an ISO 3166 alpha-2 code like 'CN')",
        "pool.similar_name_threshold: must be greater than 0 and at most 1, got 1.5",
        "pool.pools[0].claim.max_owned: must be positive, got 0",
        "pool.pools[0].recycle[0].warn_days_before: must be less than the rule's shortest allowance of 7 days, got 7",
        "pool.pools[0].recycle[1].days.E: 'E' is not a grade of field 'grade' (grades: A, B, C, D)",
        "pool.pools[1].key: duplicate pool key 'east' (first at pool.pools[0])",
        "pool.pools[1].accounts.all[0].field: unknown field 'regoin' (did you mean 'region'?)"),
        e.problems().stream().map(Problem::toString).toList());
  }

  @Test
  void theBuilderReportsPoolProblemsWithTheJsonPaths() {
    PoolPolicy broken = PoolPolicy.builder()
        .defaultRegion("China")
        .gradeField("grade")
        .pool(PoolDefinition.builder("east", "East")
            .accounts(all(field("regoin").eq("east")))
            .claim(ClaimRules.builder().maxLocked(0).reclaimCooldown(Duration.ofDays(-1)))
            .recycle(RecycleRule.builder("idle", "Idle", RecycleTrigger.NO_FOLLOW_UP).days("Z", 5).warnDaysBefore(5)))
        .pool(PoolDefinition.builder("east", " "))
        .build();
    ValidationException e = assertThrows(ValidationException.class,
        () -> RegionalPoolsPlaybook.builder().pool(broken).build());
    assertEquals(List.of(
        "pool.default_region: unknown region 'China' (expected an ISO 3166 alpha-2 code like 'CN')",
        "pool.pools[0].accounts.all[0].field: unknown field 'regoin' (did you mean 'region'?)",
        "pool.pools[0].claim.max_locked: must be positive, got 0",
        "pool.pools[0].claim.reclaim_cooldown: must not be negative, got P-1D",
        "pool.pools[0].recycle[0].days.Z: 'Z' is not a grade of field 'grade' (grades: A, B, C, D)",
        "pool.pools[0].recycle[0].default_days: must be positive, got 0",
        "pool.pools[0].recycle[0].warn_days_before: must be less than the rule's shortest allowance of 5 days, got 5",
        "pool.pools[1].key: duplicate pool key 'east' (first at pool.pools[0])",
        "pool.pools[1].label: must not be blank"),
        e.problems().stream().map(Problem::toString).toList());
  }

  @Test
  void theBuilderRejectsAnEmptyPoolList() {
    ValidationException e = assertThrows(ValidationException.class,
        () -> SmallTeamPlaybook.builder("x").pool(PoolPolicy.builder().pools(List.of())).build());
    assertEquals(List.of(new Problem("pool.pools", "a pool section needs at least one pool")), e.problems());
  }

  private static void rejects(Consumer<ObjectNode> edit, String... expected) {
    PlaybookEdits.rejects(edited(edit), expected);
  }

  private static String edited(Consumer<ObjectNode> edit) {
    return PlaybookEdits.edited(RegionalPoolsPlaybook.json(), edit);
  }

  private static ObjectNode stage(ObjectNode root, int index) {
    return (ObjectNode) root.get("pipeline").get("stages").get(index);
  }

  private static ObjectNode pool(ObjectNode root) {
    return (ObjectNode) root.get("pool");
  }

  private static ObjectNode transfer(ObjectNode root) {
    return (ObjectNode) pool(root).get("transfer");
  }

  private static ObjectNode poolAt(ObjectNode root, int index) {
    return (ObjectNode) pool(root).get("pools").get(index);
  }

  private static ObjectNode claim(ObjectNode root, int pool) {
    return (ObjectNode) poolAt(root, pool).get("claim");
  }

  private static ObjectNode exempt(ObjectNode root, int pool) {
    return (ObjectNode) poolAt(root, pool).get("exempt");
  }

  private static ObjectNode recycle(ObjectNode root, int pool, int index) {
    return (ObjectNode) poolAt(root, pool).get("recycle").get(index);
  }

  private static ObjectNode days(ObjectNode root, int pool, int rule) {
    return (ObjectNode) recycle(root, pool, rule).get("days");
  }
}
