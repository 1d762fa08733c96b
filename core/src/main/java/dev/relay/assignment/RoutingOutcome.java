package dev.relay.assignment;

/** How a routing decision came out. */
public enum RoutingOutcome {
  /** A rep was picked: the account owner (when the policy says owners first) or the rule's strategy's choice. */
  ASSIGNED,
  /** Nobody was eligible and the rule queues: the lead has no assignee until a later routing pass. */
  QUEUED,
  /** Nobody was eligible and the lead went to the rule's fallback owner. */
  FALLBACK,
  /** Nobody was eligible and the lead went up to the target team's manager (or the fallback owner). */
  ESCALATED
}
