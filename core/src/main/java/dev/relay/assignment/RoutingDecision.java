package dev.relay.assignment;

import dev.relay.common.LeadId;
import dev.relay.common.Reason;
import dev.relay.common.RepId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What the router decided for one lead, with the whole trace: the rule that applied, every rep considered and why each
 * ineligible one was excluded, the strategy's state before and after, and the reasons for the outcome in words.
 *
 * @param lead the lead
 * @param outcome assigned, queued, given to the fallback owner or escalated
 * @param assignee who received the lead; {@code null} exactly when {@link RoutingOutcome#QUEUED}
 * @param ruleKey the key of the rule that applied (also when the account owner got the lead first)
 * @param rulePath the rule's path in the playbook, {@code assignment.rules[2]} or {@code assignment.default}
 * @param strategy the strategy that picked the assignee; {@code null} when the account owner got the lead first, or
 *     nobody was eligible
 * @param candidates every rep considered, in member order (an account owner who is not a member comes first)
 * @param strategyState the strategy's persistent state before and after
 * @param firstContactSla how long the assignee has to contact the lead ({@link RoutingRule#slaFor} the lead's grade)
 * @param slaClock how that SLA counts time
 * @param playbookVersion the playbook version that decided
 * @param decidedAt when
 * @param reasons why this outcome and this assignee, in words, in the order the router reasoned
 * @throws IllegalArgumentException if the assignee does not fit the outcome
 */
public record RoutingDecision(
    LeadId lead,
    RoutingOutcome outcome,
    @Nullable RepId assignee,
    String ruleKey,
    String rulePath,
    @Nullable Strategy strategy,
    List<CandidateTrace> candidates,
    StrategyState strategyState,
    Duration firstContactSla,
    SlaClock slaClock,
    int playbookVersion,
    Instant decidedAt,
    List<Reason> reasons) {

  public RoutingDecision {
    Objects.requireNonNull(lead, "lead");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(ruleKey, "ruleKey");
    Objects.requireNonNull(rulePath, "rulePath");
    Objects.requireNonNull(strategyState, "strategyState");
    Objects.requireNonNull(firstContactSla, "firstContactSla");
    Objects.requireNonNull(slaClock, "slaClock");
    Objects.requireNonNull(decidedAt, "decidedAt");
    // The router's own list makes each trace when first read and is already unmodifiable.
    candidates = candidates instanceof CandidateTraces ? candidates : List.copyOf(candidates);
    reasons = List.copyOf(reasons);
    if ((assignee == null) != (outcome == RoutingOutcome.QUEUED)) {
      throw new IllegalArgumentException("a " + outcome + " decision " + (assignee == null ? "needs" : "has no")
          + " assignee: " + lead);
    }
  }

  /** The assignee, empty when the lead was queued. */
  public Optional<RepId> assigned() {
    return Optional.ofNullable(assignee);
  }

  /** The trace of one candidate. */
  public Optional<CandidateTrace> candidate(RepId rep) {
    return candidates.stream().filter(c -> c.rep().equals(rep)).findFirst();
  }

  /** The event a lead service publishes for this decision once it has stored the lead's new state. */
  public AssignmentEvent event() {
    return AssignmentEvent.of(this);
  }
}
