package dev.relay.assignment;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The playbook's assignment section: ordered rules (the first whose criteria match a lead wins), a default rule for
 * leads no rule matches, named groups of reps, and the settings every rule shares.
 *
 * @param rules the ordered rules
 * @param defaultRule the rule for leads no other rule matches (its {@code when} is ignored)
 * @param groups named groups of reps that rules may target
 * @param gradeField the lead field holding the lead's grade (A/B/C/D), which SLAs and grade-based routing read, or
 *     {@code null}
 * @param seniorityLevels the seniority levels of reps, lowest first, e.g. {@code [junior, regular, senior]}
 * @param accountOwnerFirst whether a lead whose company is an owned account goes to that owner before any rule (when
 *     the owner is eligible)
 */
public record AssignmentPolicy(
    List<RoutingRule> rules,
    RoutingRule defaultRule,
    List<RepGroup> groups,
    @Nullable String gradeField,
    List<String> seniorityLevels,
    boolean accountOwnerFirst) {

  public AssignmentPolicy {
    Objects.requireNonNull(defaultRule, "defaultRule");
    rules = List.copyOf(rules);
    groups = List.copyOf(groups);
    seniorityLevels = List.copyOf(seniorityLevels);
  }

  /**
   * The policy of a playbook without an assignment section: no rules; the default rule routes every lead round robin
   * among all active reps, queues it when nobody is eligible, with a 24-hour first-contact SLA in wall time, avoiding
   * the last 3 assignees on re-routes and escalating after 2; leads of owned accounts go to their owner first.
   */
  public static AssignmentPolicy defaults() {
    return new AssignmentPolicy(List.of(), standardDefaultRule(), List.of(), null, List.of("junior", "regular", "senior"),
        true);
  }

  /** The default rule of {@link #defaults()}. */
  public static RoutingRule standardDefaultRule() {
    return new RoutingRule("default", "默认分配 Default", dev.relay.criteria.Criteria.always(), Target.everyone(),
        Strategy.ROUND_ROBIN, List.of(), java.util.Map.of(), List.of(), NoEligibleAction.QUEUE, null,
        java.time.Duration.ofHours(24), java.util.Map.of(), SlaClock.WALL, 3, 2);
  }

  /** A builder starting from {@link #defaults()}: add rules in the order they are tried. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link AssignmentPolicy}; the playbook validates the result against the rest of the configuration. */
  public static final class Builder {
    private final List<RoutingRule> rules = new ArrayList<>();
    private RoutingRule defaultRule = standardDefaultRule();
    private final List<RepGroup> groups = new ArrayList<>();
    private @Nullable String gradeField;
    private List<String> seniorityLevels = List.of("junior", "regular", "senior");
    private boolean accountOwnerFirst = true;

    private Builder() {}

    /** Adds the next rule; the first rule whose criteria match a lead wins. */
    public Builder rule(RoutingRule value) {
      rules.add(Objects.requireNonNull(value, "rule"));
      return this;
    }

    public Builder rule(RoutingRule.Builder value) {
      return rule(value.build());
    }

    public Builder defaultRule(RoutingRule value) {
      this.defaultRule = Objects.requireNonNull(value, "defaultRule");
      return this;
    }

    public Builder defaultRule(RoutingRule.Builder value) {
      return defaultRule(value.build());
    }

    public Builder group(RepGroup value) {
      groups.add(Objects.requireNonNull(value, "group"));
      return this;
    }

    public Builder gradeField(@Nullable String value) {
      this.gradeField = value;
      return this;
    }

    /** The seniority levels, lowest first. */
    public Builder seniorityLevels(String... values) {
      this.seniorityLevels = List.of(values);
      return this;
    }

    public Builder accountOwnerFirst(boolean value) {
      this.accountOwnerFirst = value;
      return this;
    }

    public AssignmentPolicy build() {
      return new AssignmentPolicy(rules, defaultRule, groups, gradeField, seniorityLevels, accountOwnerFirst);
    }
  }
}
