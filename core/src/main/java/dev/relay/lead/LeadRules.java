package dev.relay.lead;

import dev.relay.assignment.AssignmentPolicy;
import dev.relay.assignment.RoutingRule;
import dev.relay.fields.EntityKind;
import dev.relay.fields.FieldSchema;
import dev.relay.playbook.VersionedPlaybook;
import java.time.ZoneId;
import java.util.Optional;

/**
 * What one playbook version says about leads: the lead schema fields are bound to, the region phone numbers are read in
 * (the pool's, so that leads and accounts meet under the same keys), the tenant's zone, and the assignment rules whose
 * re-route settings the SLA sweep applies.
 */
final class LeadRules {
  private final VersionedPlaybook playbook;

  LeadRules(VersionedPlaybook playbook) {
    this.playbook = playbook;
  }

  int version() {
    return playbook.version();
  }

  FieldSchema schema() {
    return playbook.playbook().schema(EntityKind.LEAD);
  }

  String defaultRegion() {
    return playbook.playbook().pool().defaultRegion();
  }

  ZoneId zone() {
    return playbook.playbook().zone();
  }

  AssignmentPolicy assignment() {
    return playbook.playbook().assignment();
  }

  /**
   * The rule with this key, or the default rule when the key is the default's or the current version no longer has the
   * rule (a lead routed by a rule since deleted follows the default's re-route settings).
   */
  RoutingRule rule(String key) {
    AssignmentPolicy policy = assignment();
    Optional<RoutingRule> rule = policy.rules().stream().filter(r -> r.key().equals(key)).findFirst();
    return rule.orElse(policy.defaultRule());
  }

  /** The rule's path in the playbook, as routing decisions give it: {@code assignment.rules[i]} or the default's. */
  String pathOf(RoutingRule rule) {
    int index = assignment().rules().indexOf(rule);
    return index < 0 ? "assignment.default" : "assignment.rules[" + index + "]";
  }

  /** A lead with its fields laid out for this version's schema and its built-ins mirrored (a no-op if they are). */
  Lead bind(Lead lead) {
    if (lead.fields().schema() == schema()) {
      return lead;
    }
    Lead.Draft d = lead.draft();
    d.fields = lead.fields().rebind(schema());
    return d.build().withBuiltIns();
  }
}
