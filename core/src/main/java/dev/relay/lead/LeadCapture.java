package dev.relay.lead;

import dev.relay.assignment.RoutingDecision;
import dev.relay.common.ErrorCode;
import dev.relay.common.Problem;
import dev.relay.common.Reason;
import dev.relay.common.RuleViolationException;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of capturing a lead: {@link Captured} (matched, routed and stored with its decision) or {@link Duplicate}
 * (the same person already has an open lead). A duplicate is a result with its reasons as data, not an exception; call
 * {@link #orThrow()} where an exception suits the caller better.
 */
public sealed interface LeadCapture permits LeadCapture.Captured, LeadCapture.Duplicate {

  /** The lead this capture stored: the new, routed lead, or the duplicate's own disqualified record. */
  Lead lead();

  /**
   * This result if the lead was captured and routed.
   *
   * @throws RuleViolationException with {@link ErrorCode#INVALID_TRANSITION} (rule {@code leads.duplicates}) for a
   *     duplicate
   */
  Captured orThrow();

  /**
   * A new lead was stored and routed.
   *
   * @param lead the stored lead: owned by the assignee (or queued), with the decision in {@link Lead#decision()}
   * @param decision the routing decision with its full trace: rule, candidates, strategy state, SLA and reasons
   * @param matching how the lead was matched to an existing account (empty if it matched none): which account, by
   *     which shared keys, and whose it is
   */
  record Captured(Lead lead, RoutingDecision decision, List<Reason> matching) implements LeadCapture {
    public Captured {
      Objects.requireNonNull(lead, "lead");
      Objects.requireNonNull(decision, "decision");
      matching = List.copyOf(matching);
    }

    @Override
    public Captured orThrow() {
      return this;
    }
  }

  /**
   * The contact already has an open (or qualified) lead: the inquiry was stored as a disqualified duplicate of it,
   * linked by {@link Lead#duplicateOf()}, and not routed, so the person is not handed to a second rep.
   *
   * @param lead the duplicate's own record (disqualified, {@code duplicate_of} the existing lead)
   * @param existing the open lead it duplicates, unchanged
   * @param reasons the details they share, at least one
   */
  record Duplicate(Lead lead, Lead existing, List<Reason> reasons) implements LeadCapture {
    public Duplicate {
      Objects.requireNonNull(lead, "lead");
      Objects.requireNonNull(existing, "existing");
      reasons = List.copyOf(reasons);
      if (reasons.isEmpty()) {
        throw new IllegalArgumentException("a duplicate needs at least one reason");
      }
    }

    @Override
    public Captured orThrow() {
      throw new RuleViolationException(ErrorCode.INVALID_TRANSITION, reasons.get(0).message(),
          reasons.stream().map(r -> new Problem(r.rule(), r.message())).toList());
    }
  }
}
