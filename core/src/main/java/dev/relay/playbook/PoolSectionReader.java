package dev.relay.playbook;

import static dev.relay.playbook.ReadingContext.orElse;
import static dev.relay.playbook.ReadingContext.placeholder;
import static dev.relay.playbook.ReadingContext.set;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relay.criteria.Criteria;
import dev.relay.pool.ClaimRules;
import dev.relay.pool.ConflictPolicy;
import dev.relay.pool.DuplicatePolicy;
import dev.relay.pool.Exemptions;
import dev.relay.pool.PoolDefinition;
import dev.relay.pool.PoolPolicy;
import dev.relay.pool.RecycleRule;
import dev.relay.pool.RecycleTrigger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The structural pass over the {@code pool} section: the policies, the transfer settings, and each pool with its claim
 * limits, recycle rules and exemptions.
 */
final class PoolSectionReader {
  static final List<String> POOL_KEYS = List.of("default_region", "duplicates", "similar_name_threshold", "conflicts",
      "reveal_owner", "grade_field", "registration_protection", "transfer", "pools");
  static final List<String> TRANSFER_KEYS = List.of("needs_approval", "deals_follow", "tasks_follow");
  static final List<String> POOL_DEFINITION_KEYS =
      List.of("key", "label", "accounts", "member_teams", "claim", "recycle", "exempt");
  static final List<String> CLAIM_KEYS = List.of("max_owned", "count_won", "max_locked", "max_claims_per_day",
      "reclaim_cooldown", "protection");
  static final List<String> RECYCLE_KEYS =
      List.of("key", "label", "trigger", "when", "days", "default_days", "warn_days_before");
  static final List<String> EXEMPT_KEYS = List.of("locked", "customers", "open_contracts", "when");

  private final ReadingContext in;

  PoolSectionReader(ReadingContext in) {
    this.in = in;
  }

  /** The pool section; {@link PoolPolicy#defaults()} if absent, and each absent key takes its default. */
  PoolPolicy read(JsonObjectReader top) {
    JsonNode node = top.node("pool", false);
    if (node == null) {
      return PoolPolicy.defaults();
    }
    JsonObjectReader o = in.object(node, top.path("pool"), POOL_KEYS);
    if (o == null) {
      in.unreadable("pool");
      return PoolPolicy.defaults();
    }
    PoolPolicy.Builder pool = PoolPolicy.builder();
    set(o.string("default_region", false), pool::defaultRegion);
    set(in.choice(o, "duplicates", false, DuplicatePolicy.values(), DuplicatePolicy::jsonName, "duplicate policy",
        "policies"), pool::duplicates);
    set(o.number("similar_name_threshold", false), pool::similarNameThreshold);
    set(in.choice(o, "conflicts", false, ConflictPolicy.values(), ConflictPolicy::jsonName, "conflict policy",
        "policies"), pool::conflicts);
    set(o.bool("reveal_owner", false), pool::revealOwner);
    String gradeField = o.string("grade_field", false);
    set(gradeField, pool::gradeField);
    in.unreadableIfGiven(o, "grade_field", gradeField);
    set(in.duration(o, "registration_protection"), pool::registrationProtection);
    transfer(o, pool);
    List<JsonNode> pools = o.array("pools", false);
    if (pools != null) {
      List<PoolDefinition> definitions = new ArrayList<>();
      for (int i = 0; i < pools.size(); i++) {
        definitions.add(poolDefinition(pools.get(i), o.path("pools") + "[" + i + "]"));
      }
      pool.pools(definitions);
    } else if (o.has("pools")) {
      in.unreadable(o.path("pools"));
      pool.pools(List.of());
    }
    return pool.build();
  }

  private void transfer(JsonObjectReader poolSection, PoolPolicy.Builder pool) {
    JsonNode node = poolSection.node("transfer", false);
    JsonObjectReader o = node == null ? null : in.object(node, poolSection.path("transfer"), TRANSFER_KEYS);
    if (o == null) {
      return;
    }
    set(o.bool("needs_approval", false), pool::transferNeedsApproval);
    set(o.bool("deals_follow", false), pool::dealsFollowTransfer);
    set(o.bool("tasks_follow", false), pool::tasksFollowTransfer);
  }

  private PoolDefinition poolDefinition(JsonNode node, String path) {
    JsonObjectReader o = in.object(node, path, POOL_DEFINITION_KEYS);
    if (o == null) {
      in.unreadable(path);
      return PoolDefinition.builder(placeholder(path), path).build();
    }
    String key = o.string("key", true);
    if (key == null) {
      in.unreadable(path);
    }
    String poolKey = orElse(key, placeholder(path));
    PoolDefinition.Builder pool = PoolDefinition.builder(poolKey, orElse(o.string("label", false), poolKey))
        .accounts(in.criteria(o, "accounts", Criteria.always()))
        .memberTeams(in.strings(o, "member_teams").toArray(String[]::new))
        .claim(claim(o));
    List<JsonNode> rules = o.array("recycle", false);
    for (int j = 0; rules != null && j < rules.size(); j++) {
      pool.recycle(recycleRule(rules.get(j), o.path("recycle") + "[" + j + "]"));
    }
    return pool.exempt(exemptions(o)).build();
  }

  private ClaimRules claim(JsonObjectReader pool) {
    JsonNode node = pool.node("claim", false);
    JsonObjectReader o = node == null ? null : in.object(node, pool.path("claim"), CLAIM_KEYS);
    if (o == null) {
      return ClaimRules.unlimited();
    }
    ClaimRules.Builder claim = ClaimRules.builder();
    set(o.integer("max_owned", false), claim::maxOwned);
    set(o.bool("count_won", false), claim::countWon);
    set(o.integer("max_locked", false), claim::maxLocked);
    set(o.integer("max_claims_per_day", false), claim::maxClaimsPerDay);
    set(in.duration(o, "reclaim_cooldown"), claim::reclaimCooldown);
    set(in.duration(o, "protection"), claim::protection);
    return claim.build();
  }

  private RecycleRule recycleRule(JsonNode node, String path) {
    JsonObjectReader o = in.object(node, path, RECYCLE_KEYS);
    if (o == null) {
      in.unreadable(path);
      return RecycleRule.builder(placeholder(path), path, RecycleTrigger.NO_FOLLOW_UP).build();
    }
    String key = o.string("key", true);
    String label = o.string("label", false);
    RecycleTrigger trigger = in.choice(o, "trigger", true, RecycleTrigger.values(), RecycleTrigger::jsonName,
        "recycle trigger", "triggers");
    Criteria when = in.criteria(o, "when", Criteria.always());
    // Days per grade as written; entries that are not integers are reported, and the map is marked unreadable.
    Map<String, Integer> days = in.map(o, "days", (byGrade, grade) -> byGrade.integer(grade, false));
    Integer defaultDays = o.integer("default_days", true);
    Integer warnDaysBefore = o.integer("warn_days_before", false);
    if (key == null || trigger == null || defaultDays == null) {
      in.unreadable(path);
    }
    String ruleKey = orElse(key, placeholder(path));
    RecycleRule.Builder rule = RecycleRule.builder(ruleKey, orElse(label, ruleKey),
            trigger == null ? RecycleTrigger.NO_FOLLOW_UP : trigger)
        .when(when)
        .defaultDays(defaultDays == null ? 0 : defaultDays)
        .warnDaysBefore(warnDaysBefore == null ? 0 : warnDaysBefore);
    days.forEach(rule::days);
    return rule.build();
  }

  private Exemptions exemptions(JsonObjectReader pool) {
    Exemptions standard = Exemptions.standard();
    JsonNode node = pool.node("exempt", false);
    JsonObjectReader o = node == null ? null : in.object(node, pool.path("exempt"), EXEMPT_KEYS);
    if (o == null) {
      return standard;
    }
    return new Exemptions(
        orElse(o.bool("locked", false), standard.locked()),
        orElse(o.bool("customers", false), standard.customers()),
        orElse(o.bool("open_contracts", false), standard.openContracts()),
        in.criteria(o, "when", standard.when()));
  }
}
