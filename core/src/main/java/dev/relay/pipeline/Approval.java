package dev.relay.pipeline;

import dev.relay.common.RepId;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One approval request on a deal, filed by the pipeline service when a forward move needs it, and its decision.
 *
 * <p>An approval belongs to one <em>visit</em> of the deal's current stage: {@link #visit()} is the index in the deal's
 * history of the transition that started that visit. It counts only while the deal is still in that visit; once the
 * deal leaves the stage and comes back, the old approval is void and a new request is filed.
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
    @Nullable String note) {

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
    boolean decided = status != ApprovalStatus.PENDING;
    if (decided != (decidedBy != null) || decided != (decidedAt != null)) {
      throw new IllegalArgumentException("approval " + id + " is " + status
          + " but decidedBy/decidedAt are " + decidedBy + "/" + decidedAt);
    }
  }

  /** A new pending request. */
  public static Approval pending(String id, String stage, int visit, String ruleKey, RepId approver,
      RepId requestedBy, Instant requestedAt) {
    return new Approval(id, stage, visit, ruleKey, approver, requestedBy, requestedAt, ApprovalStatus.PENDING, null,
        null, null);
  }

  /** This request decided. */
  Approval decided(ApprovalStatus outcome, RepId by, Instant at, @Nullable String decisionNote) {
    return new Approval(id, stage, visit, ruleKey, approver, requestedBy, requestedAt, outcome, by, at, decisionNote);
  }

  public boolean isPending() {
    return status == ApprovalStatus.PENDING;
  }
}
