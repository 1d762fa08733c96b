package dev.relay.playbook;

import dev.relay.fields.FieldSchema;
import dev.relay.playbook.ValidationContext.Grades;
import dev.relay.pool.ClaimRules;
import dev.relay.pool.PoolDefinition;
import dev.relay.pool.PoolPolicy;
import dev.relay.pool.RecycleRule;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks the {@code pool} section: the region, the threshold, the grade field, and each pool with its criteria over
 * the account's fields, member teams, claim limits, recycle rules and exemptions.
 *
 * <p>Recycle rules: every allowance ({@code days} per grade and {@code default_days}) is a positive number of days,
 * and the warning comes strictly before the shortest of them, so that every account is warned before it is recycled.
 * An unreadable or wrong grade field leaves the {@code days} keys unchecked.
 */
final class PoolSectionValidator {
  /** ISO 3166 alpha-2 regions, for the pool's default phone region. */
  private static final Set<String> REGIONS = Set.of(Locale.getISOCountries());

  private final ValidationContext context;
  private final FieldSchema accountSchema;

  PoolSectionValidator(ValidationContext context, FieldSchema accountSchema) {
    this.context = context;
    this.accountSchema = accountSchema;
  }

  void check(PoolPolicy pool) {
    checkRegion(pool.defaultRegion());
    double threshold = pool.similarNameThreshold();
    if (!(threshold > 0 && threshold <= 1)) {
      context.problem("pool.similar_name_threshold", "must be greater than 0 and at most 1, got " + threshold);
    }
    Grades grades = context.grades("pool.grade_field", pool.gradeField(), accountSchema);
    context.checkNotNegative("pool.registration_protection", pool.registrationProtection());
    List<PoolDefinition> pools = pool.pools();
    if (pools.isEmpty() && !context.isUnreadable("pool.pools")) {
      context.problem("pool.pools", "a pool section needs at least one pool");
    }
    Map<String, String> firstAt = new HashMap<>();
    for (int i = 0; i < pools.size(); i++) {
      String path = "pool.pools[" + i + "]";
      if (context.isUnreadable(path)) {
        continue;
      }
      PoolDefinition definition = pools.get(i);
      context.checkUniqueKey(path, "pool key", definition.key(), firstAt);
      context.checkLabel(path + ".label", definition.label());
      context.checkCriteria(definition.accounts(), accountSchema, path + ".accounts");
      context.checkNames(definition.memberTeams(), path + ".member_teams", "team");
      checkClaim(definition.claim(), path + ".claim");
      checkRecycleRules(definition.recycle(), grades, path);
      context.checkCriteria(definition.exempt().when(), accountSchema, path + ".exempt.when");
    }
  }

  private void checkRegion(String region) {
    if (REGIONS.contains(region)) {
      return;
    }
    String upper = region.toUpperCase(Locale.ROOT);
    context.problem("pool.default_region", "unknown region '" + region + "'" + (REGIONS.contains(upper)
        ? " (did you mean '" + upper + "'?)" : " (expected an ISO 3166 alpha-2 code like 'CN')"));
  }

  private void checkClaim(ClaimRules claim, String path) {
    context.checkPositive(path + ".max_owned", claim.maxOwned());
    context.checkPositive(path + ".max_locked", claim.maxLocked());
    context.checkPositive(path + ".max_claims_per_day", claim.maxClaimsPerDay());
    context.checkNotNegative(path + ".reclaim_cooldown", claim.reclaimCooldown());
    context.checkNotNegative(path + ".protection", claim.protection());
  }

  private void checkRecycleRules(List<RecycleRule> rules, Grades grades, String poolPath) {
    Map<String, String> firstAt = new HashMap<>();
    for (int j = 0; j < rules.size(); j++) {
      String path = poolPath + ".recycle[" + j + "]";
      if (context.isUnreadable(path)) {
        continue;
      }
      RecycleRule rule = rules.get(j);
      context.checkUniqueKey(path, "recycle rule key", rule.key(), firstAt);
      context.checkLabel(path + ".label", rule.label());
      context.checkCriteria(rule.when(), accountSchema, path + ".when");
      checkRecycleDays(rule, grades, path);
    }
  }

  private void checkRecycleDays(RecycleRule rule, Grades grades, String path) {
    boolean daysReadable = !context.isUnreadable(path + ".days");
    int shortest = Integer.MAX_VALUE;
    if (daysReadable && !rule.days().isEmpty() && grades.missing()) {
      context.problem(path + ".days", "days per grade need a grade field: set pool.grade_field");
    }
    for (String grade : PlaybookJson.inOrder(rule.days().keySet(), grades.options())) {
      int days = rule.days().get(grade);
      grades.check(context, path + ".days." + grade, grade);
      if (days <= 0) {
        context.problem(path + ".days." + grade, "must be positive, got " + days);
      } else {
        shortest = Math.min(shortest, days);
      }
    }
    if (rule.defaultDays() <= 0) {
      context.problem(path + ".default_days", "must be positive, got " + rule.defaultDays());
    } else {
      shortest = Math.min(shortest, rule.defaultDays());
    }
    int warn = rule.warnDaysBefore();
    if (warn < 0) {
      context.problem(path + ".warn_days_before", "must not be negative, got " + warn);
    } else if (daysReadable && warn >= shortest) {
      context.problem(path + ".warn_days_before",
          "must be less than the rule's shortest allowance of " + shortest + " days, got " + warn);
    }
  }
}
