package dev.relay.pipeline;

import dev.relay.common.RepId;
import dev.relay.org.OrgChart;
import dev.relay.org.Rep;
import java.util.Optional;

/** Who decides an approval: the configured {@link Approver} resolved to one person, and who may stand in for them. */
final class ApproverResolver {

  /** The person who should decide, or empty if the organisation has nobody fitting (e.g. an owner without manager). */
  Optional<RepId> resolve(Approver approver, RepId owner, OrgChart chart) {
    if (approver instanceof Approver.HolderOfRole r) {
      return chart.nearestHolderOf(r.role(), owner);
    }
    if (approver instanceof Approver.SpecificRep s) {
      RepId rep = RepId.of(owner.tenant(), s.repId());
      return chart.rep(rep).filter(Rep::active).map(r -> rep);
    }
    return chart.managerOf(owner);
  }

  /** The resolved approver decides; so may anyone above them, since authority flows down the hierarchy. */
  boolean mayDecide(RepId actor, Approval approval, OrgChart chart) {
    return actor.equals(approval.approver()) || chart.isAbove(actor, approval.approver());
  }

  /** The approver in words, for reasons. */
  static String describe(Approver approver) {
    if (approver instanceof Approver.HolderOfRole r) {
      return "a holder of role '" + r.role() + "'";
    }
    if (approver instanceof Approver.SpecificRep s) {
      return "rep '" + s.repId() + "'";
    }
    return "the owner's manager";
  }
}
