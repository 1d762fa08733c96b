package dev.relay.lead;

import dev.relay.assignment.RoutingOutcome;
import dev.relay.common.Reason;
import dev.relay.common.RepId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a lead's assignment history: who got it, why, by which rule, and by when they must contact it. The
 * history chains: each entry's assignee is the lead's owner until the next entry.
 *
 * @param assignee who received the lead, or {@code null} when routing queued it
 * @param cause which step of the lead's life made the assignment
 * @param outcome how routing came out ({@link RoutingOutcome#ASSIGNED} for a manual hand-over, {@link
 *     RoutingOutcome#ESCALATED} for an SLA escalation)
 * @param ruleKey the assignment rule that decided, or {@code manual}
 * @param rulePath the rule's path in the playbook, e.g. {@code assignment.rules[1]}; empty for a manual hand-over
 * @param at when the assignment was made
 * @param slaDue by when the assignee must make first contact, or {@code null} when queued (or handed over after first
 *     contact)
 * @param reasons the decision's trace in brief (the full trace of the latest routing is {@link Lead#decision()})
 * @param playbookVersion the playbook version that decided
 * @param actor who handed the lead over by hand, or {@code null} when routing or the SLA sweep did
 * @param note the hand-over note, or {@code null}
 */
public record Assignment(
    @Nullable RepId assignee,
    AssignmentCause cause,
    RoutingOutcome outcome,
    String ruleKey,
    String rulePath,
    Instant at,
    @Nullable Instant slaDue,
    List<Reason> reasons,
    int playbookVersion,
    @Nullable RepId actor,
    @Nullable String note) {

  /** The rule key of manual hand-overs. */
  public static final String MANUAL_RULE = "manual";

  public Assignment {
    Objects.requireNonNull(cause, "cause");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(ruleKey, "ruleKey");
    Objects.requireNonNull(rulePath, "rulePath");
    Objects.requireNonNull(at, "at");
    reasons = List.copyOf(reasons);
    if (assignee == null && slaDue != null) {
      throw new IllegalArgumentException("a queued lead has no SLA to meet");
    }
    if (slaDue != null && slaDue.isBefore(at)) {
      throw new IllegalArgumentException("an SLA cannot fall due (" + slaDue + ") before the assignment (" + at + ")");
    }
  }

  /** Whether routing found nobody and the lead waits in a queue. */
  public boolean isQueued() {
    return assignee == null;
  }
}
