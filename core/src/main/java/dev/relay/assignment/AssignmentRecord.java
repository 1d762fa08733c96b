package dev.relay.assignment;

import dev.relay.common.LeadId;
import dev.relay.common.RepId;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One lead given to one rep, as the {@link RoutingState} logs it: what capacity windows count and fairness reports
 * measure.
 *
 * @param lead the lead
 * @param rep who received it
 * @param ruleKey the rule that routed it
 * @param strategy the rule's strategy when it picked the rep; {@code null} when the rep got the lead outside the
 *     rotation (the account owner first, a fallback owner, an escalation)
 * @param at when
 */
public record AssignmentRecord(LeadId lead, RepId rep, String ruleKey, @Nullable Strategy strategy, Instant at) {
  public AssignmentRecord {
    Objects.requireNonNull(lead, "lead");
    Objects.requireNonNull(rep, "rep");
    Objects.requireNonNull(ruleKey, "ruleKey");
    Objects.requireNonNull(at, "at");
    if (!lead.tenant().equals(rep.tenant())) {
      throw new IllegalArgumentException("lead " + lead + " and rep " + rep + " belong to different tenants");
    }
  }

  /** Whether the rule's strategy picked the rep (rather than an owner, fallback or escalation). */
  public boolean pickedByStrategy() {
    return strategy != null;
  }
}
