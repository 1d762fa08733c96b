package dev.relay.lead;

import dev.relay.common.ErrorCode;
import dev.relay.common.LeadId;
import dev.relay.common.Problem;
import dev.relay.common.Reason;
import dev.relay.common.RuleViolationException;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of a command on an existing lead: {@link Changed} or {@link Refused}. A lead's state not allowing the
 * command (contacting a queued lead, qualifying a converted one) is a {@code Refused} result with its reasons, not an
 * exception; call {@link #orThrow()} where an exception suits the caller better.
 */
public sealed interface LeadChange permits LeadChange.Changed, LeadChange.Refused {

  /** The lead the command was about. */
  LeadId leadId();

  default boolean isChanged() {
    return this instanceof Changed;
  }

  /**
   * This result if the command took effect.
   *
   * @throws RuleViolationException with the refusal's code and one problem per reason
   */
  Changed orThrow();

  /**
   * The command took effect, or found nothing to do (contacting a lead contacted before returns it unchanged).
   *
   * @param lead the lead as stored after the command
   * @param trace how the details came out, e.g. whether first contact met the SLA
   */
  record Changed(Lead lead, List<Reason> trace) implements LeadChange {
    public Changed {
      Objects.requireNonNull(lead, "lead");
      trace = List.copyOf(trace);
    }

    @Override
    public LeadId leadId() {
      return lead.id();
    }

    @Override
    public Changed orThrow() {
      return this;
    }
  }

  /**
   * The lead's state does not allow the command; nothing changed.
   *
   * @param leadId the lead
   * @param code {@link ErrorCode#INVALID_TRANSITION}
   * @param reasons every reason, at least one, e.g. {@code lead.contact: L-7 waits in a queue and has no owner yet}
   */
  record Refused(LeadId leadId, ErrorCode code, List<Reason> reasons) implements LeadChange {
    public Refused {
      Objects.requireNonNull(leadId, "leadId");
      Objects.requireNonNull(code, "code");
      reasons = List.copyOf(reasons);
      if (reasons.isEmpty()) {
        throw new IllegalArgumentException("a refusal needs at least one reason");
      }
    }

    @Override
    public Changed orThrow() {
      throw new RuleViolationException(code, leadId + ": " + reasons.get(0).message(),
          reasons.stream().map(r -> new Problem(r.rule(), r.message())).toList());
    }
  }
}
