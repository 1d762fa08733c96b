package dev.relay.pipeline;

import dev.relay.common.ErrorCode;
import dev.relay.common.IdGenerator;
import dev.relay.common.Reason;
import dev.relay.common.RepId;
import dev.relay.common.RuleViolationException;
import dev.relay.org.OrgChart;
import dev.relay.pipeline.GatePolicy.ApprovalNeed;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Files approval requests for a blocked move and records decisions on them.
 *
 * <p>A rule gets at most one live request per stage visit: a pending request is waited for, not duplicated, and a
 * rejected one keeps the deal blocked for the rest of the visit (unless the deal changes so that the rule no longer
 * applies) instead of being silently re-requested.
 */
final class ApprovalDesk {
  private final ApproverResolver approvers;
  private final IdGenerator ids;

  ApprovalDesk(ApproverResolver approvers, IdGenerator ids) {
    this.approvers = approvers;
    this.ids = ids;
  }

  /**
   * Requests every unmet approval that has no request in this visit yet.
   *
   * @return the deal with the new requests, and a reason per unmet approval
   */
  Filing file(Deal deal, List<ApprovalNeed> needs, RepId actor, OrgChart chart, Instant now) {
    List<Approval> filed = new ArrayList<>();
    List<Approval> pending = new ArrayList<>();
    List<Reason> reasons = new ArrayList<>();
    int visit = deal.currentVisit();
    for (ApprovalNeed need : needs) {
      ApprovalRule rule = need.rule().rule();
      String path = need.rule().path();
      String what = "approval '" + rule.key() + "' (" + rule.label() + ") to leave '" + need.stage().key() + "'";
      Approval existing = need.existing();
      if (existing != null && existing.isPending()) {
        pending.add(existing);
        reasons.add(new Reason(path, what + " is pending with " + existing.approver().value()
            + " (request " + existing.id() + ")"));
      } else if (existing != null) {
        reasons.add(new Reason(path, what + " was rejected by " + nameOf(existing.decidedBy())
            + (existing.note() == null ? "" : ": " + existing.note())));
      } else {
        Optional<RepId> approver = approvers.resolve(rule.approver(), deal.owner(), chart);
        if (approver.isEmpty()) {
          reasons.add(new Reason(path + ".approver", what + " is needed but nobody can give it: no "
              + ApproverResolver.describe(rule.approver()) + " for owner " + deal.owner().value()));
        } else {
          Map<String, Object> basis = new HashMap<>();
          for (String field : need.rule().reads()) {
            Object value = deal.fields().get(field);
            if (value != null) {
              basis.put(field, value);
            }
          }
          Approval request = Approval.pending(ids.next("A"), need.stage().key(), visit, rule.key(),
              approver.get(), actor, now, basis);
          filed.add(request);
          pending.add(request);
          reasons.add(new Reason(path, what + " was requested from " + approver.get().value()
              + " (request " + request.id() + ")"));
        }
      }
    }
    Deal updated = deal;
    if (!filed.isEmpty()) {
      List<Approval> all = new ArrayList<>(deal.approvals());
      all.addAll(filed);
      updated = deal.withApprovals(all);
    }
    return new Filing(updated, filed, pending, reasons);
  }

  /**
   * Records a decision. Deciding the same way twice is a no-op that returns the deal unchanged.
   *
   * @throws RuleViolationException {@link ErrorCode#FORBIDDEN} if the actor is neither the approver nor above them;
   *     {@link ErrorCode#INVALID_TRANSITION} if the request was already decided the other way or belongs to an earlier
   *     visit of the stage, or was asked about values the deal no longer has
   */
  Deal decide(Deal deal, Approval approval, Set<String> ruleReads, ApprovalStatus outcome, RepId actor, Instant now,
      @Nullable String note, OrgChart chart) {
    if (!approvers.mayDecide(actor, approval, chart)) {
      throw RuleViolationException.of(ErrorCode.FORBIDDEN, actor.value() + " may not decide approval "
          + approval.id() + ": only " + approval.approver().value() + " or someone above them may");
    }
    if (approval.status() == outcome) {
      return deal;
    }
    if (!approval.isPending()) {
      throw RuleViolationException.of(ErrorCode.INVALID_TRANSITION, "approval " + approval.id() + " was already "
          + approval.status().name().toLowerCase(Locale.ROOT));
    }
    if (approval.visit() != deal.currentVisit()) {
      throw RuleViolationException.of(ErrorCode.INVALID_TRANSITION, "approval " + approval.id()
          + " no longer applies: the deal has left stage '" + approval.stage() + "' since it was requested");
    }
    if (!approval.coversCurrent(deal.fields(), ruleReads)) {
      throw RuleViolationException.of(ErrorCode.INVALID_TRANSITION, "approval " + approval.id()
          + " no longer applies: the deal's " + String.join(", ", ruleReads) + " changed since it was requested "
          + approval.basis() + "; the next move files a new request");
    }
    Approval decided = approval.decided(outcome, actor, now, note);
    List<Approval> all = new ArrayList<>(deal.approvals().size());
    for (Approval a : deal.approvals()) {
      all.add(a.id().equals(approval.id()) ? decided : a);
    }
    return deal.withApprovals(all);
  }

  private static String nameOf(@Nullable RepId rep) {
    return rep == null ? "someone" : rep.value();
  }

  /**
   * The result of filing.
   *
   * @param deal the deal with any new requests
   * @param filed the requests filed now
   * @param pending every pending request the move waits for, new or earlier
   * @param reasons one per unmet approval
   */
  record Filing(Deal deal, List<Approval> filed, List<Approval> pending, List<Reason> reasons) {}
}
