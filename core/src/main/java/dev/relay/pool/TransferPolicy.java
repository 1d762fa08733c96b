package dev.relay.pool;

import dev.relay.common.ErrorCode;
import dev.relay.common.Reason;
import dev.relay.common.RepId;
import dev.relay.common.Verdict;
import dev.relay.org.OrgChart;
import java.util.List;

/**
 * Transfers (转交): only an owned account can be transferred, to someone other than its owner. Where the playbook's
 * {@code transfer.needs_approval} is set, a transfer requested by the owner waits for a manager above them; a manager
 * above the owner who transfers needs nobody's approval, since they are the approver.
 */
final class TransferPolicy {

  Verdict check(Account account, RepId to, OwnerDisclosure disclosure) {
    RepId owner = account.owner();
    if (owner == null) {
      return Verdict.rejected(ErrorCode.INVALID_TRANSITION, List.of(new Reason("account.owner",
          OwnerDisclosure.account(account) + " is in the public pool; claim it instead of transferring it")));
    }
    if (owner.equals(to)) {
      return Verdict.rejected(ErrorCode.INVALID_TRANSITION, List.of(new Reason("account.owner",
          OwnerDisclosure.account(account) + " is already owned by " + disclosure.name(to))));
    }
    return Verdict.allowed();
  }

  boolean needsApproval(PoolPolicy policy, RepId owner, RepId actor, OrgChart chart) {
    return policy.transferNeedsApproval() && !chart.isAbove(actor, owner);
  }
}
