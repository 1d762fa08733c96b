package dev.relay.playbook;

import dev.relay.assignment.AssignmentPolicy;
import dev.relay.assignment.BestFitCriterion;
import dev.relay.assignment.CapacityCap;
import dev.relay.assignment.NoEligibleAction;
import dev.relay.assignment.RepGroup;
import dev.relay.assignment.RoutingRule;
import dev.relay.assignment.Strategy;
import dev.relay.assignment.Target;
import dev.relay.common.DidYouMean;
import dev.relay.criteria.Criteria;
import dev.relay.fields.FieldDefinition;
import dev.relay.fields.FieldSchema;
import dev.relay.fields.FieldType;
import dev.relay.playbook.ValidationContext.Grades;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Checks the {@code assignment} section: the grade field (an enum lead field), the seniority levels, the groups, and
 * every rule and the default rule: keys unique across both, criteria over the lead's fields, targets, whether the
 * strategy has what it needs (and nothing it ignores), caps, the fallback owner, SLAs and re-route settings.
 *
 * <p>A setting that only one strategy reads is an error under another ({@code best_fit} terms under round robin), so
 * that a rule never silently ignores part of what its author wrote; its entries are then not checked further. A
 * misplaced {@code when} on the default rule is reported and not checked either. Targets naming a team or a rep are
 * the host's data and are only checked for blanks; targets naming a group must name a declared group.
 */
final class AssignmentSectionValidator {
  /** The windows of calendar caps: the current hour, day or week. */
  private static final Set<Duration> CALENDAR_WINDOWS = Set.of(Duration.ofHours(1), Duration.ofDays(1),
      Duration.ofDays(7));
  /** The lead field types best fit can compare with a rep's attributes (sets of strings). */
  private static final Set<FieldType> COMPARABLE = Set.of(FieldType.STRING, FieldType.ENUM, FieldType.ENUM_LIST);

  private final ValidationContext context;
  private final FieldSchema leadSchema;
  private Grades grades = new Grades(false, null, List.of());
  /** The declared seniority levels, or {@code null} when they cannot be relied on (unreadable or wrong). */
  private @Nullable List<String> levels;
  /** The declared group keys, or {@code null} when they cannot be relied on. */
  private @Nullable List<String> groupKeys;

  AssignmentSectionValidator(ValidationContext context, FieldSchema leadSchema) {
    this.context = context;
    this.leadSchema = leadSchema;
  }

  void check(AssignmentPolicy policy) {
    grades = context.grades("assignment.grade_field", policy.gradeField(), leadSchema);
    levels = checkSeniorityLevels(policy.seniorityLevels());
    groupKeys = checkGroups(policy.groups());
    Map<String, String> firstAt = new HashMap<>();
    for (int i = 0; i < policy.rules().size(); i++) {
      String path = "assignment.rules[" + i + "]";
      if (!context.isUnreadable(path)) {
        checkRule(policy.rules().get(i), path, firstAt, false);
      }
    }
    if (!context.isUnreadable("assignment.default")) {
      checkRule(policy.defaultRule(), "assignment.default", firstAt, true);
    }
  }

  private @Nullable List<String> checkSeniorityLevels(List<String> levels) {
    String path = "assignment.seniority_levels";
    if (context.isUnreadable(path)) {
      return null;
    }
    if (levels.isEmpty()) {
      context.problem(path, "needs at least one level, lowest first, e.g. junior, regular, senior");
      return null;
    }
    return context.checkNames(levels, path, "seniority level") ? levels : null;
  }

  private @Nullable List<String> checkGroups(List<RepGroup> groups) {
    Map<String, String> firstAt = new HashMap<>();
    boolean known = !context.isUnreadable("assignment.groups");
    for (int i = 0; i < groups.size(); i++) {
      String path = "assignment.groups[" + i + "]";
      if (context.isUnreadable(path)) {
        known = false;
        continue;
      }
      RepGroup group = groups.get(i);
      context.checkUniqueKey(path, "group key", group.key(), firstAt);
      context.checkLabel(path + ".label", group.label());
      if (group.members().isEmpty() && !context.isUnreadable(path + ".members")) {
        context.problem(path + ".members", "a group needs at least one member");
      }
      // Weights are checked against the members only when those are all readable, distinct and there.
      boolean membersKnown =
          context.checkNames(group.members(), path + ".members", "member") && !group.members().isEmpty();
      for (String member : PlaybookJson.inOrder(group.weights().keySet(), group.members())) {
        String weightPath = path + ".weights." + member;
        if (membersKnown && !group.members().contains(member)) {
          context.problem(weightPath, "'" + member + "' is not a member of group '" + group.key() + "' (members: "
              + String.join(", ", group.members()) + ")");
        }
        int weight = group.weights().get(member);
        if (weight < 1) {
          context.problem(weightPath, "must be at least 1, got " + weight);
        }
      }
    }
    return known ? groups.stream().map(RepGroup::key).filter(k -> ValidationContext.KEY.matcher(k).matches())
        .distinct().toList() : null;
  }

  private void checkRule(RoutingRule rule, String path, Map<String, String> firstAt, boolean isDefault) {
    context.checkUniqueKey(path, "rule key", rule.key(), firstAt);
    context.checkLabel(path + ".label", rule.label());
    if (!isDefault) {
      context.checkCriteria(rule.when(), leadSchema, path + ".when");
    } else if (!rule.when().equals(Criteria.always())) {
      context.problem(path + ".when", "the default rule takes every lead that no rule matches, so it has no 'when'");
    }
    checkTarget(rule.target(), path + ".target");
    if (!context.isUnreadable(path + ".strategy")) {
      checkBestFit(rule, path);
      checkMinSeniority(rule, path);
    }
    for (int k = 0; k < rule.caps().size(); k++) {
      if (!context.isUnreadable(path + ".caps[" + k + "]")) {
        checkCap(rule.caps().get(k), path + ".caps[" + k + "]");
      }
    }
    String fallbackOwner = rule.fallbackOwner();
    if (fallbackOwner == null && rule.whenNoneEligible() == NoEligibleAction.FALLBACK
        && !context.isUnreadable(path + ".fallback_owner")) {
      context.problem(path + ".fallback_owner", "required when when_none_eligible is 'fallback'");
    } else if (fallbackOwner != null && fallbackOwner.isBlank()) {
      context.problem(path + ".fallback_owner", "must not be blank");
    }
    context.checkPositive(path + ".first_contact_sla", rule.firstContactSla());
    checkSlaByGrade(rule, path);
    context.checkNotNegative(path + ".remember_last", rule.rememberLast());
    context.checkNotNegative(path + ".max_reroutes", rule.maxReroutes());
  }

  private void checkTarget(Target target, String path) {
    if (target instanceof Target.OneRep rep && rep.repId().isBlank()) {
      context.problem(path + ".rep", "must not be blank");
    } else if (target instanceof Target.TeamMembers team && team.teamId().isBlank()) {
      context.problem(path + ".team", "must not be blank");
    } else if (target instanceof Target.GroupMembers group && groupKeys != null
        && !groupKeys.contains(group.groupKey())) {
      context.problem(path + ".group", "unknown group '" + group.groupKey() + "'" + (groupKeys.isEmpty()
          ? " (no groups declared)" : DidYouMean.hint(group.groupKey(), groupKeys, "groups")));
    }
  }

  /** Best-fit terms: needed by the best_fit strategy, an error under any other; each over a comparable lead field. */
  private void checkBestFit(RoutingRule rule, String path) {
    String termsPath = path + ".best_fit";
    if (!readBy(Strategy.BEST_FIT, rule, termsPath, "best_fit terms", !rule.bestFit().isEmpty())) {
      return;
    }
    if (rule.bestFit().isEmpty() && !context.isUnreadable(termsPath)) {
      context.problem(termsPath, "strategy 'best_fit' needs at least one term");
    }
    for (int k = 0; k < rule.bestFit().size(); k++) {
      String termPath = termsPath + "[" + k + "]";
      if (context.isUnreadable(termPath)) {
        continue;
      }
      BestFitCriterion term = rule.bestFit().get(k);
      checkComparableLeadField(term.leadField(), termPath + ".lead_field");
      context.checkPositive(termPath + ".weight", term.weight());
    }
  }

  private void checkComparableLeadField(String name, String path) {
    FieldDefinition field = context.declaredField(path, name, leadSchema);
    if (field != null && !COMPARABLE.contains(field.type())) {
      context.problem(path, "'" + name + "' is " + ValidationContext.describe(field.type())
          + "; best fit compares string, enum or enum_list fields");
    }
  }

  /**
   * Minimum seniorities: needed by the grade_based strategy (which needs a grade field), an error under any other;
   * keyed by grades, each a declared seniority level.
   */
  private void checkMinSeniority(RoutingRule rule, String path) {
    String mapPath = path + ".min_seniority";
    if (!readBy(Strategy.GRADE_BASED, rule, mapPath, "min_seniority", !rule.minSeniority().isEmpty())) {
      return;
    }
    if (grades.missing()) {
      context.problem(path + ".strategy", "strategy 'grade_based' needs a grade field: set assignment.grade_field");
      return;
    }
    if (rule.minSeniority().isEmpty() && !context.isUnreadable(mapPath)) {
      context.problem(mapPath, "strategy 'grade_based' needs the lowest seniority of at least one grade");
    }
    for (String grade : PlaybookJson.inOrder(rule.minSeniority().keySet(), grades.options())) {
      String gradePath = mapPath + "." + grade;
      grades.check(context, gradePath, grade);
      String level = rule.minSeniority().get(grade);
      if (levels != null && !levels.contains(level)) {
        context.problem(gradePath, "unknown seniority level '" + level + "'"
            + DidYouMean.hint(level, levels, "levels"));
      }
    }
  }

  /**
   * Whether the rule's strategy is {@code reader}, the only one that reads a setting (at {@code path}), so that the
   * setting is to be checked; under another strategy a given setting is reported as misplaced.
   */
  private boolean readBy(Strategy reader, RoutingRule rule, String path, String setting, boolean given) {
    if (rule.strategy() == reader) {
      return true;
    }
    if (given) {
      context.problem(path, "only strategy '" + reader.jsonName() + "' uses " + setting + ", and this rule's strategy"
          + " is '" + rule.strategy().jsonName() + "'");
    }
    return false;
  }

  /**
   * {@code open_leads} counts the open leads now and takes no window; {@code assigned} needs a positive window, which
   * for a calendar cap ({@code rolling} false) is the current hour, day or week.
   */
  private void checkCap(CapacityCap cap, String path) {
    Duration window = cap.window();
    if (cap.metric() == CapacityCap.Metric.OPEN_LEADS) {
      if (window != null) {
        context.problem(path + ".window", "metric 'open_leads' counts the open leads now and takes no window");
      } else if (cap.rolling()) {
        context.problem(path + ".rolling", "metric 'open_leads' has no window to roll");
      }
    } else if (window == null) {
      context.problem(path + ".window", "required for metric 'assigned'");
    } else if (window.isNegative() || window.isZero()) {
      context.checkPositive(path + ".window", window);
    } else if (!cap.rolling() && !CALENDAR_WINDOWS.contains(window)) {
      context.problem(path + ".window", "a calendar window (rolling false) is PT1H, P1D or P7D, got "
          + PlaybookJson.durationText(window));
    }
    context.checkPositive(path + ".max", cap.max());
  }

  private void checkSlaByGrade(RoutingRule rule, String path) {
    String mapPath = path + ".sla_by_grade";
    if (!rule.slaByGrade().isEmpty() && grades.missing() && !context.isUnreadable(mapPath)) {
      context.problem(mapPath, "SLAs per grade need a grade field: set assignment.grade_field");
    }
    for (String grade : PlaybookJson.inOrder(rule.slaByGrade().keySet(), grades.options())) {
      grades.check(context, mapPath + "." + grade, grade);
      context.checkPositive(mapPath + "." + grade, rule.slaByGrade().get(grade));
    }
  }
}
