package dev.relay.lead;

import dev.relay.common.ErrorCode;
import dev.relay.common.Problem;
import dev.relay.common.RepId;
import dev.relay.common.RuleViolationException;
import dev.relay.org.OrgChart;
import java.util.List;

/**
 * Who may act on a lead: its owner, or a manager above them covering for them. Acting for someone else is misuse, not a
 * business rule saying no, so these throw {@link RuleViolationException} with {@link ErrorCode#FORBIDDEN} (path {@code
 * actor}) rather than return a refusal.
 */
final class LeadAuthority {
  private LeadAuthority() {}

  /** The owner or anyone above them in the hierarchy. */
  static void requireOwnerOrAbove(Lead lead, RepId owner, RepId actor, OrgChart chart, String action) {
    if (!owner.equals(actor) && !chart.isAbove(actor, owner)) {
      throw forbidden(actor.value() + " may not " + action + " lead " + lead.id().value()
          + ": only its owner " + owner.value() + " or a manager above them may");
    }
  }

  /** A rep the tenant's organisation knows, for leads nobody owns yet (triage of the queue). */
  static void requireKnownRep(Lead lead, RepId actor, OrgChart chart, String action) {
    if (!actor.tenant().equals(lead.tenant()) || chart.rep(actor).isEmpty()) {
      throw forbidden(actor + " may not " + action + " lead " + lead.id().value()
          + ": not a rep of tenant " + lead.tenant());
    }
  }

  /**
   * For a queued lead handed to {@code to}: a manager above {@code to}, or {@code to} taking it themselves.
   */
  static void requireDispatcher(Lead lead, RepId to, RepId actor, OrgChart chart) {
    if (!to.equals(actor) && !chart.isAbove(actor, to)) {
      throw forbidden(actor.value() + " may not hand queued lead " + lead.id().value() + " to " + to.value()
          + ": only " + to.value() + " or a manager above them may");
    }
  }

  private static RuleViolationException forbidden(String message) {
    return new RuleViolationException(ErrorCode.FORBIDDEN, message, List.of(new Problem("actor", message)));
  }
}
