package dev.relay.pipeline;

import dev.relay.common.RepId;
import java.time.Instant;
import dev.relay.fields.FieldValues;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One approval request on a deal, filed by the pipeline service when a forward move needs it, and its decision.
 *
 * <p>An approval belongs to one <em>visit</em> of the deal's current stage: {@link #visit()} is the index in the deal's
 * history of the transition that started that visit. It counts only while the deal is still in that visit; once the
 * deal leaves the stage and comes back, the old approval is void and a new request is filed.
 *
 * <p>An approval also covers only the deal <em>as it was asked about</em>: {@link #basis()} holds the values, when the
 * request was filed, of the fields its rule reads (for "discount above 15%", {@code discount_pct}). If any of them
 * changes afterwards, the request no longer counts — a pending one cannot be decided, a granted one stops satisfying the
 * gate, a rejected one stops blocking — and the next move files a new request for the deal as it now is.
 *
 * @param id deal-local identifier
 * @param stage the stage whose approval rule asked for it (the current stage, or a stage being skipped)
 * @param visit history index of the transition that began the visit it belongs to
 * @param ruleKey the {@link ApprovalRule#key()} within {@code stage}
 * @param approver the person resolved as approver when the request was filed
 * @param requestedBy who attempted the move that needed the approval
 * @param requestedAt when
 * @param status pending, approved or rejected
 * @param decidedBy who decided (the approver or someone above them), or {@code null} while pending
 * @param decidedAt when it was decided, or {@code null} while pending
 * @param note the decider's note, or {@code null}
 * @param basis the values of the fields the rule reads when the request was filed (unset fields are absent)
 * @throws IllegalArgumentException if the decision fields do not match the status
 */
public record Approval(
    String id,
    String stage,
    int visit,
    String ruleKey,
    RepId approver,
    RepId requestedBy,
    Instant requestedAt,
    ApprovalStatus status,
    @Nullable RepId decidedBy,
    @Nullable Instant decidedAt,
    @Nullable String note,
    Map<String, Object> basis) {

  public Approval {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(ruleKey, "ruleKey");
    Objects.requireNonNull(approver, "approver");
    Objects.requireNonNull(requestedBy, "requestedBy");
    Objects.requireNonNull(requestedAt, "requestedAt");
    Objects.requireNonNull(status, "status");
    if (visit < 0) {
      throw new IllegalArgumentException("visit must be a history index: " + visit);
    }
    basis = Map.copyOf(basis);
    boolean decided = status != ApprovalStatus.PENDING;
    if (decided != (decidedBy != null) || decided != (decidedAt != null)) {
      throw new IllegalArgumentException("approval " + id + " is " + status
          + " but decidedBy/decidedAt are " + decidedBy + "/" + decidedAt);
    }
  }

  /** A new pending request for a deal whose rule-relevant fields have the values in {@code basis}. */
  public static Approval pending(String id, String stage, int visit, String ruleKey, RepId approver,
      RepId requestedBy, Instant requestedAt, Map<String, Object> basis) {
    return new Approval(id, stage, visit, ruleKey, approver, requestedBy, requestedAt, ApprovalStatus.PENDING, null,
        null, null, basis);
  }

  /** A new pending request whose rule reads no fields. */
  public static Approval pending(String id, String stage, int visit, String ruleKey, RepId approver,
      RepId requestedBy, Instant requestedAt) {
    return pending(id, stage, visit, ruleKey, approver, requestedBy, requestedAt, Map.of());
  }

  /**
   * Whether the deal still has, in the fields its rule reads, the values this request was about.
   *
   * @param ruleFields the fields the approval rule's criteria read
   */
  public boolean coversCurrent(FieldValues fields, Set<String> ruleFields) {
    for (String name : ruleFields) {
      if (!Objects.equals(basis.get(name), fields.get(name))) {
        return false;
      }
    }
    return true;
  }

  /** This request decided. */
  Approval decided(ApprovalStatus outcome, RepId by, Instant at, @Nullable String decisionNote) {
    return new Approval(id, stage, visit, ruleKey, approver, requestedBy, requestedAt, outcome, by, at, decisionNote,
        basis);
  }

  public boolean isPending() {
    return status == ApprovalStatus.PENDING;
  }
}
