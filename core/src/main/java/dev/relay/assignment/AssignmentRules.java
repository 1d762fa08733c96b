package dev.relay.assignment;

import dev.relay.common.Reason;
import dev.relay.criteria.CompiledCriteria;
import dev.relay.criteria.Criteria;
import dev.relay.criteria.CriteriaCompiler;
import dev.relay.criteria.CriteriaTable;
import dev.relay.fields.EntityKind;
import dev.relay.fields.FieldSchema;
import dev.relay.fields.FieldValues;
import dev.relay.playbook.VersionedPlaybook;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One playbook version's assignment section with every rule's criteria compiled against the lead schema. */
final class AssignmentRules {
  static final String DEFAULT_PATH = "assignment.default";

  private final AssignmentPolicy policy;
  private final int version;
  private final String fingerprint;
  private final List<Rule> rules;
  private final Rule defaultRule;
  /** The rules' criteria in order, indexed so that a lead is tested only against rules that can match it. */
  private final CriteriaTable table;

  private AssignmentRules(AssignmentPolicy policy, int version, String fingerprint, List<Rule> rules,
      Rule defaultRule) {
    this.policy = policy;
    this.version = version;
    this.fingerprint = fingerprint;
    this.rules = List.copyOf(rules);
    this.defaultRule = defaultRule;
    this.table = CriteriaTable.of(this.rules.stream().map(Rule::when).toList());
  }

  /** @throws dev.relay.common.ValidationException if a rule's criteria do not fit the lead schema */
  static AssignmentRules compile(VersionedPlaybook playbook) {
    AssignmentPolicy policy = playbook.playbook().assignment();
    FieldSchema schema = playbook.playbook().schema(EntityKind.LEAD);
    List<Rule> rules = new ArrayList<>();
    for (int i = 0; i < policy.rules().size(); i++) {
      RoutingRule rule = policy.rules().get(i);
      String path = "assignment.rules[" + i + "]";
      rules.add(Rule.of(rule, i, path, CriteriaCompiler.compile(rule.when(), schema, path + ".when"), false));
    }
    // The default rule's criteria are ignored: it takes whatever no other rule matched.
    Rule fallback = Rule.of(policy.defaultRule(), rules.size(), DEFAULT_PATH,
        CriteriaCompiler.compile(Criteria.always(), schema, DEFAULT_PATH + ".when"), true);
    return new AssignmentRules(policy, playbook.version(), playbook.fingerprint(), rules, fallback);
  }

  AssignmentPolicy policy() {
    return policy;
  }

  int version() {
    return version;
  }

  /** The fingerprint of the playbook version compiled. */
  String fingerprint() {
    return fingerprint;
  }

  /** How many rules there are, the default rule included: one more than the highest {@link Rule#index()}. */
  int size() {
    return rules.size() + 1;
  }

  /** The first rule whose criteria match the lead, else the default rule. */
  Rule match(FieldValues lead) {
    int first = table.firstMatch(lead);
    return first < 0 ? defaultRule : rules.get(first);
  }

  /** The rule with this key, the default rule included. */
  Optional<Rule> rule(String key) {
    if (defaultRule.rule().key().equals(key)) {
      return Optional.of(defaultRule);
    }
    return rules.stream().filter(r -> r.rule().key().equals(key)).findFirst();
  }

  /**
   * A rule with its path in the playbook and its compiled criteria, and what every decision by it says alike, worked
   * out once per playbook version.
   *
   * @param index the rule's position: its index in the rules, or the number of rules for the default rule
   * @param isDefault whether it is the default rule, which applies when no other matches
   * @param matchReason why this rule applies to a lead
   * @param stateKey where its strategy keeps its cursor or pointers: rule key and target, {@code east|team:east}
   * @param strategyPath the playbook path of its strategy, which the strategy's reasons name
   * @param readsLoad whether deciding by it reads members' open leads (see {@link RoutingContext#readsLoad()})
   */
  record Rule(RoutingRule rule, int index, String path, CompiledCriteria when, boolean isDefault, Reason matchReason,
      String stateKey, String strategyPath, boolean readsLoad) {

    static Rule of(RoutingRule rule, int index, String path, CompiledCriteria when, boolean isDefault) {
      Reason matchReason = new Reason(path, isDefault
          ? "no rule matched the lead; the default rule '" + rule.label() + "' (" + rule.key() + ") applies"
          : "rule '" + rule.label() + "' (" + rule.key() + ") is the first whose criteria match the lead");
      return new Rule(rule, index, path, when, isDefault, matchReason,
          rule.key() + "|" + TargetMembers.key(rule.target()), path + ".strategy", readsLoad(rule));
    }

    String key() {
      return rule.key();
    }

    /** Whether deciding by this rule reads members' open leads (see {@link RoutingContext#readsLoad()}). */
    private static boolean readsLoad(RoutingRule rule) {
      return rule.strategy() == Strategy.LEAST_LOADED || rule.strategy() == Strategy.BEST_FIT
          || rule.caps().stream().anyMatch(c -> c.metric() == CapacityCap.Metric.OPEN_LEADS);
    }
  }
}
