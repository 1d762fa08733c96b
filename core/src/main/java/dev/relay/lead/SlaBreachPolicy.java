package dev.relay.lead;

import dev.relay.assignment.RoutingOutcome;
import dev.relay.assignment.RoutingRule;
import dev.relay.common.RepId;
import dev.relay.org.OrgChart;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the SLA sweep does about a lead whose assignee has not contacted it by its SLA. A breach exists while the lead
 * is {@link LeadStatus#ASSIGNED}, not contacted, past its due time, and not yet handled for this assignment. Then, in
 * order:
 * <ol>
 *   <li>a lead escalated already (by this policy or by routing) stays with the manager: the miss is only reported —
 *       there is nobody further up the routing chain to hand it to;
 *   <li>below the rule's {@code max_reroutes}, it is re-routed, avoiding its last {@code remember_last} assignees
 *       (always at least the one who missed: re-routing to them would change nothing);
 *   <li>otherwise it is escalated to the manager of the assignee who missed (the rule's fallback owner if they have
 *       none), or, with neither, the miss is only reported.
 * </ol>
 */
final class SlaBreachPolicy {

  /** What to do about a breach. */
  sealed interface Action permits Reroute, Escalate, Report {}

  /** Route again, skipping these reps (newest first). */
  record Reroute(List<RepId> avoid) implements Action {}

  /** Give the lead to this manager. */
  record Escalate(RepId to, String why) implements Action {}

  /** Only record and announce the miss. */
  record Report(String why) implements Action {}

  /** The action for the lead at {@code now}, or empty if it has no unhandled breach. */
  Optional<Action> assess(Lead lead, RoutingRule rule, OrgChart chart, Instant now) {
    RepId assignee = lead.owner();
    Optional<Instant> due = lead.slaDue();
    if (assignee == null || lead.firstContactAt() != null || due.isEmpty() || !now.isAfter(due.get())
        || lead.isCurrentBreachReported()) {
      return Optional.empty();
    }
    Assignment current = lead.lastAssignment().orElseThrow();
    if (current.outcome() == RoutingOutcome.ESCALATED) {
      return Optional.of(new Report(assignee.value() + " received the lead by escalation; it is not routed further"));
    }
    if (lead.reroutes() < rule.maxReroutes()) {
      return Optional.of(new Reroute(lead.lastAssignees(Math.max(1, rule.rememberLast()))));
    }
    String after = "after " + lead.reroutes() + " re-route" + (lead.reroutes() == 1 ? "" : "s") + " (max_reroutes "
        + rule.maxReroutes() + ")";
    Optional<RepId> manager = chart.managerOf(assignee);
    if (manager.isPresent()) {
      return Optional.of(new Escalate(manager.get(), assignee.value() + " missed the SLA " + after
          + "; escalated to their manager " + manager.get().value()));
    }
    String fallback = rule.fallbackOwner();
    if (fallback != null && !fallback.equals(assignee.value())) {
      return Optional.of(new Escalate(RepId.of(lead.tenant(), fallback), assignee.value() + " missed the SLA "
          + after + " and has no manager; escalated to the rule's fallback owner " + fallback));
    }
    return Optional.of(new Report(assignee.value() + " missed the SLA " + after
        + ", but has no manager and the rule no fallback owner to escalate to"));
  }
}
