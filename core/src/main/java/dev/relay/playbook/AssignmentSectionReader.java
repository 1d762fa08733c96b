package dev.relay.playbook;

import static dev.relay.playbook.ReadingContext.orElse;
import static dev.relay.playbook.ReadingContext.placeholder;
import static dev.relay.playbook.ReadingContext.set;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relay.assignment.AssignmentPolicy;
import dev.relay.assignment.BestFitCriterion;
import dev.relay.assignment.CapacityCap;
import dev.relay.assignment.NoEligibleAction;
import dev.relay.assignment.RepGroup;
import dev.relay.assignment.RoutingRule;
import dev.relay.assignment.SlaClock;
import dev.relay.assignment.Strategy;
import dev.relay.assignment.Target;
import dev.relay.common.DidYouMean;
import dev.relay.criteria.Criteria;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The structural pass over the {@code assignment} section: the shared settings, the groups, the rules and the default
 * rule, each with its target, strategy, best-fit terms, seniorities, caps and SLAs. Named choices it cannot read
 * (strategies, actions, metrics) are reported here and their paths marked unreadable, so that the validator does not
 * check what depends on them.
 */
final class AssignmentSectionReader {
  static final List<String> ASSIGNMENT_KEYS =
      List.of("grade_field", "seniority_levels", "account_owner_first", "groups", "rules", "default");
  static final List<String> GROUP_KEYS = List.of("key", "label", "members", "weights");
  static final List<String> RULE_KEYS = List.of("key", "label", "when", "target", "strategy", "best_fit",
      "min_seniority", "caps", "when_none_eligible", "fallback_owner", "first_contact_sla", "sla_by_grade",
      "sla_clock", "remember_last", "max_reroutes");
  static final List<String> TARGET_KEYS = List.of("team", "rep", "group");
  static final List<String> BEST_FIT_KEYS = List.of("attribute", "lead_field", "weight");
  static final List<String> CAP_KEYS = List.of("metric", "window", "rolling", "max");
  /** The JSON form of {@link Target#everyone()}. */
  static final String EVERYONE = "everyone";
  /** The key of a default rule that does not name one. */
  static final String DEFAULT_RULE_KEY = "default";

  private final ReadingContext in;

  AssignmentSectionReader(ReadingContext in) {
    this.in = in;
  }

  /** The assignment section; {@link AssignmentPolicy#defaults()} if absent, and each absent key takes its default. */
  AssignmentPolicy read(JsonObjectReader top) {
    JsonNode node = top.node("assignment", false);
    if (node == null) {
      return AssignmentPolicy.defaults();
    }
    JsonObjectReader o = in.object(node, top.path("assignment"), ASSIGNMENT_KEYS);
    if (o == null) {
      in.unreadable("assignment");
      return AssignmentPolicy.defaults();
    }
    AssignmentPolicy.Builder policy = AssignmentPolicy.builder();
    String gradeField = o.string("grade_field", false);
    set(gradeField, policy::gradeField);
    in.unreadableIfGiven(o, "grade_field", gradeField);
    if (o.has("seniority_levels")) {
      policy.seniorityLevels(in.strings(o, "seniority_levels").toArray(String[]::new));
    }
    set(o.bool("account_owner_first", false), policy::accountOwnerFirst);
    List<JsonNode> groups = o.array("groups", false);
    in.unreadableIfGiven(o, "groups", groups);
    for (int i = 0; groups != null && i < groups.size(); i++) {
      policy.group(group(groups.get(i), o.path("groups") + "[" + i + "]"));
    }
    List<JsonNode> rules = o.array("rules", false);
    in.unreadableIfGiven(o, "rules", rules);
    for (int i = 0; rules != null && i < rules.size(); i++) {
      policy.rule(rule(rules.get(i), o.path("rules") + "[" + i + "]", false));
    }
    JsonNode defaultRule = o.node("default", false);
    if (defaultRule != null) {
      policy.defaultRule(rule(defaultRule, o.path("default"), true));
    }
    return policy.build();
  }

  private RepGroup group(JsonNode node, String path) {
    JsonObjectReader o = in.object(node, path, GROUP_KEYS);
    if (o == null) {
      in.unreadable(path);
      return RepGroup.of(placeholder(path), path);
    }
    String key = o.string("key", true);
    if (key == null) {
      in.unreadable(path);
    }
    String groupKey = orElse(key, placeholder(path));
    return new RepGroup(groupKey, orElse(o.string("label", false), groupKey), in.strings(o, "members"),
        in.map(o, "weights", (weights, member) -> weights.integer(member, false)));
  }

  /**
   * A rule, or the default rule (whose key is optional). Absent keys take the values of {@link
   * RoutingRule#builder}; the default rule's {@code when} is read so that the validator can say it does not belong.
   */
  private RoutingRule rule(JsonNode node, String path, boolean isDefault) {
    JsonObjectReader o = in.object(node, path, RULE_KEYS);
    if (o == null) {
      in.unreadable(path);
      return RoutingRule.builder(placeholder(path), path).build();
    }
    String key = o.string("key", !isDefault);
    if (key == null && (!isDefault || o.has("key"))) {
      in.unreadable(path);
    }
    String ruleKey = orElse(key, isDefault ? DEFAULT_RULE_KEY : placeholder(path));
    RoutingRule.Builder rule = RoutingRule.builder(ruleKey, orElse(o.string("label", false), ruleKey))
        .when(in.criteria(o, "when", Criteria.always()));
    set(target(o), rule::target);
    Strategy strategy = in.choice(o, "strategy", false, Strategy.values(), Strategy::jsonName, "strategy",
        "strategies");
    set(strategy, rule::strategy);
    in.unreadableIfGiven(o, "strategy", strategy);
    List<JsonNode> terms = o.array("best_fit", false);
    in.unreadableIfGiven(o, "best_fit", terms);
    for (int k = 0; terms != null && k < terms.size(); k++) {
      BestFitCriterion term = bestFit(terms.get(k), o.path("best_fit") + "[" + k + "]");
      rule.bestFit(term.attribute(), term.leadField(), term.weight());
    }
    in.map(o, "min_seniority", (byGrade, grade) -> byGrade.string(grade, false)).forEach(rule::minSeniority);
    List<JsonNode> caps = o.array("caps", false);
    for (int k = 0; caps != null && k < caps.size(); k++) {
      rule.cap(cap(caps.get(k), o.path("caps") + "[" + k + "]"));
    }
    NoEligibleAction whenNoneEligible = in.choice(o, "when_none_eligible", false, NoEligibleAction.values(),
        NoEligibleAction::jsonName, "action", "actions");
    set(whenNoneEligible, rule::whenNoneEligible);
    in.unreadableIfGiven(o, "when_none_eligible", whenNoneEligible);
    String fallbackOwner = o.string("fallback_owner", false);
    set(fallbackOwner, rule::fallbackOwner);
    in.unreadableIfGiven(o, "fallback_owner", fallbackOwner);
    set(in.duration(o, "first_contact_sla"), rule::firstContactSla);
    in.map(o, "sla_by_grade", in::duration).forEach(rule::slaForGrade);
    set(in.choice(o, "sla_clock", false, SlaClock.values(), SlaClock::jsonName, "SLA clock", "clocks"),
        rule::slaClock);
    set(o.integer("remember_last", false), rule::rememberLast);
    set(o.integer("max_reroutes", false), rule::maxReroutes);
    return rule.build();
  }

  /** {@code "everyone"} or an object naming exactly one team, rep or group; {@code null} if absent or unreadable. */
  private @Nullable Target target(JsonObjectReader rule) {
    JsonNode node = rule.node("target", false);
    if (node == null) {
      return null;
    }
    String path = rule.path("target");
    Target target = node.isTextual() ? everyone(node.textValue(), path) : namedTarget(node, path);
    if (target == null) {
      in.unreadable(path);
    }
    return target;
  }

  private @Nullable Target everyone(String text, String path) {
    if (text.equals(EVERYONE)) {
      return Target.everyone();
    }
    String close = DidYouMean.closest(text, List.of(EVERYONE));
    in.problem(path, "unknown target '" + text + "'" + (close != null ? " (did you mean '" + close + "'?)"
        : ": expected '" + EVERYONE + "' or an object with one of 'team', 'rep' or 'group'"));
    return null;
  }

  private @Nullable Target namedTarget(JsonNode node, String path) {
    if (!node.isObject()) {
      in.problem(path, "expected '" + EVERYONE + "' or an object, got " + JsonObjectReader.describe(node));
      return null;
    }
    ReadingContext.Named target = in.oneOf(node, path, TARGET_KEYS);
    if (target == null) {
      return null;
    }
    return switch (target.key()) {
      case "team" -> Target.team(target.value());
      case "rep" -> Target.rep(target.value());
      default -> Target.group(target.value());
    };
  }

  private BestFitCriterion bestFit(JsonNode node, String path) {
    JsonObjectReader o = in.object(node, path, BEST_FIT_KEYS);
    if (o == null) {
      in.unreadable(path);
      return new BestFitCriterion(BestFitCriterion.Attribute.SKILLS, placeholder(path), 1);
    }
    BestFitCriterion.Attribute attribute = in.choice(o, "attribute", true, BestFitCriterion.Attribute.values(),
        BestFitCriterion.Attribute::jsonName, "best-fit attribute", "attributes");
    String leadField = o.string("lead_field", true);
    Integer weight = o.integer("weight", false);
    if (attribute == null || leadField == null || (weight == null && o.has("weight"))) {
      in.unreadable(path);
    }
    return new BestFitCriterion(orElse(attribute, BestFitCriterion.Attribute.SKILLS),
        orElse(leadField, placeholder(path)), orElse(weight, 1));
  }

  /** A cap; {@code rolling} defaults to {@code true} for {@code assigned} (a sliding window). */
  private CapacityCap cap(JsonNode node, String path) {
    JsonObjectReader o = in.object(node, path, CAP_KEYS);
    if (o == null) {
      in.unreadable(path);
      return CapacityCap.openLeads(1);
    }
    CapacityCap.Metric metric = in.choice(o, "metric", true, CapacityCap.Metric.values(),
        CapacityCap.Metric::jsonName, "cap metric", "metrics");
    Duration window = in.duration(o, "window");
    Boolean rolling = o.bool("rolling", false);
    Integer max = o.integer("max", true);
    if (metric == null || max == null || (window == null && o.has("window"))
        || (rolling == null && o.has("rolling"))) {
      in.unreadable(path);
    }
    CapacityCap.Metric counted = orElse(metric, CapacityCap.Metric.OPEN_LEADS);
    return new CapacityCap(counted, window, orElse(rolling, counted == CapacityCap.Metric.ASSIGNED),
        orElse(max, 1));
  }
}
