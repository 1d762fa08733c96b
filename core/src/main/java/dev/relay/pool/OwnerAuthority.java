package dev.relay.pool;

import dev.relay.common.ErrorCode;
import dev.relay.common.Problem;
import dev.relay.common.RepId;
import dev.relay.common.RuleViolationException;
import dev.relay.org.OrgChart;
import java.util.List;

/**
 * Who may act on an owned account. Acting for someone else is misuse, not a business rule saying no, so these throw
 * {@link RuleViolationException} with {@link ErrorCode#FORBIDDEN} (path {@code actor}) rather than return a refusal;
 * hosts that show the buttons only to the right people never see it.
 */
final class OwnerAuthority {
  private OwnerAuthority() {}

  /** Only the owner: locking is a promise about one's own work. */
  static void requireOwner(Account account, RepId actor, String action) {
    if (!account.isOwnedBy(actor)) {
      throw forbidden(actor.value() + " may not " + action + " " + OwnerDisclosure.account(account)
          + ": only its owner may");
    }
  }

  /** The owner or anyone above them in the hierarchy (a manager covering for a rep). */
  static void requireOwnerOrAbove(Account account, RepId owner, RepId actor, OrgChart chart, String action) {
    if (!owner.equals(actor) && !chart.isAbove(actor, owner)) {
      throw forbidden(actor.value() + " may not " + action + " " + OwnerDisclosure.account(account)
          + ": only its owner or a manager above them may");
    }
  }

  /** Someone above the owner: approving the owner's own request. */
  static void requireAbove(Account account, RepId owner, RepId actor, OrgChart chart, String action) {
    if (!chart.isAbove(actor, owner)) {
      throw forbidden(actor.value() + " may not " + action + " for " + OwnerDisclosure.account(account)
          + ": only a manager above its owner " + owner.value() + " may");
    }
  }

  private static RuleViolationException forbidden(String message) {
    return new RuleViolationException(ErrorCode.FORBIDDEN, message, List.of(new Problem("actor", message)));
  }
}
