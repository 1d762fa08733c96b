package dev.relay.pipeline;

import dev.relay.common.Reason;
import dev.relay.criteria.CriteriaTrace;
import dev.relay.fields.FieldValues;
import dev.relay.pipeline.CompiledPipeline.CompiledApproval;
import dev.relay.pipeline.CompiledPipeline.CompiledStage;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The exit conditions of the stages a forward move leaves: the stage being left and every stage being skipped. For each
 * such stage its gate criteria must hold and every approval rule whose {@code when} matches the deal must have an
 * approved request from the current stage visit that still covers the deal's values (see {@link Approval#basis()}). Pure: it reports what is missing and leaves filing requests to {@link
 * ApprovalDesk}.
 */
final class GatePolicy {

  /** Checks leaving stages {@code from} up to, not including, {@code to}. */
  GateCheck check(CompiledPipeline pipeline, Deal deal, int from, int to) {
    FieldValues fields = deal.fields();
    List<Reason> failed = new ArrayList<>();
    List<ApprovalNeed> unmet = new ArrayList<>();
    List<Approval> current = deal.currentApprovals();
    for (int i = from; i < to; i++) {
      CompiledStage stage = pipeline.stage(i);
      if (!stage.gate().test(fields)) {
        failed.addAll(explain(stage, fields));
      }
      for (CompiledApproval rule : stage.approvals()) {
        if (rule.when().test(fields)) {
          Approval latest = latest(current, stage.key(), rule.rule().key());
          if (latest != null && !latest.coversCurrent(fields, rule.reads())) {
            latest = null; // asked about other values: neither its grant nor its rejection counts any more
          }
          if (latest == null || latest.status() != ApprovalStatus.APPROVED) {
            unmet.add(new ApprovalNeed(stage, rule, latest));
          }
        }
      }
    }
    return new GateCheck(failed, unmet);
  }

  /** One reason per failed condition, its rule the condition's path in the playbook. */
  private static List<Reason> explain(CompiledStage stage, FieldValues fields) {
    String gatePath = stage.path() + ".gate";
    CriteriaTrace trace = stage.gate().explain(fields);
    List<Reason> reasons = new ArrayList<>();
    for (CriteriaTrace.ConditionOutcome c : trace.failed()) {
      reasons.add(new Reason(c.path().isEmpty() ? gatePath : gatePath + "." + c.path(),
          "to leave '" + stage.key() + "': " + c.text() + " does not hold (value: "
              + (c.actual() == null ? "unset" : c.actual()) + ")"));
    }
    if (reasons.isEmpty()) {
      // A gate can fail without a false leaf, e.g. not(...) over true conditions or an empty any.
      reasons.add(new Reason(gatePath, "the exit criteria of '" + stage.key() + "' do not hold"));
    }
    return reasons;
  }

  private static @Nullable Approval latest(List<Approval> approvals, String stage, String ruleKey) {
    Approval latest = null;
    for (Approval a : approvals) {
      if (a.stage().equals(stage) && a.ruleKey().equals(ruleKey)) {
        latest = a;
      }
    }
    return latest;
  }

  /**
   * What blocks a forward move.
   *
   * @param failedConditions one reason per failed gate condition
   * @param unmetApprovals approval rules that apply but are not approved in this visit
   */
  record GateCheck(List<Reason> failedConditions, List<ApprovalNeed> unmetApprovals) {
    GateCheck {
      failedConditions = List.copyOf(failedConditions);
      unmetApprovals = List.copyOf(unmetApprovals);
    }

    boolean passed() {
      return failedConditions.isEmpty() && unmetApprovals.isEmpty();
    }
  }

  /**
   * An approval rule that applies to the deal and is not yet approved.
   *
   * @param existing the request filed for it in this visit (pending or rejected), or {@code null} if none yet
   */
  record ApprovalNeed(CompiledStage stage, CompiledApproval rule, @Nullable Approval existing) {}
}
