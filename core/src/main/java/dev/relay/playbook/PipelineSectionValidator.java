package dev.relay.playbook;

import static dev.relay.playbook.ValidationContext.KEY;

import dev.relay.fields.FieldSchema;
import dev.relay.pipeline.ApprovalRule;
import dev.relay.pipeline.Approver;
import dev.relay.pipeline.LostReason;
import dev.relay.pipeline.PipelineDefinition;
import dev.relay.pipeline.StageDefinition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Checks the {@code pipeline} section: keys, labels, probabilities, gates and approval criteria over the deal's fields,
 * SLAs, responsible and approver roles, lost reasons.
 *
 * <p>Probabilities: every stage's probability lies in 0..100; up to the won stage they never decrease (a deal only
 * becomes likelier as it advances); the won stage and every stage after it (payment, after-sales) are 100, because a
 * won deal is certain. Without a won stage the whole pipeline is non-decreasing.
 */
final class PipelineSectionValidator {
  private final ValidationContext context;
  private final List<String> roles;
  private final FieldSchema dealSchema;

  PipelineSectionValidator(ValidationContext context, List<String> roles, FieldSchema dealSchema) {
    this.context = context;
    this.roles = roles;
    this.dealSchema = dealSchema;
  }

  void check(PipelineDefinition pipeline) {
    context.checkKey("pipeline.key", "pipeline key", pipeline.key());
    context.checkLabel("pipeline.label", pipeline.label());
    List<StageDefinition> stages = pipeline.stages();
    if (stages.isEmpty() && !context.isUnreadable("pipeline.stages")) {
      context.problem("pipeline.stages", "a pipeline needs at least one stage");
    }
    String wonStage = pipeline.wonStage();
    int wonIndex = wonStage == null ? -1 : pipeline.indexOf(wonStage);
    if (wonStage != null && wonIndex < 0) {
      String known = stages.stream().map(StageDefinition::key).filter(k -> KEY.matcher(k).matches()).distinct()
          .collect(Collectors.joining(", "));
      context.problem("pipeline.won_stage", "unknown stage '" + wonStage + "'" + (known.isEmpty() ? ""
          : " (stages: " + known + ")"));
    }
    Map<String, String> firstAt = new HashMap<>();
    StageDefinition previous = null;
    for (int i = 0; i < stages.size(); i++) {
      String path = "pipeline.stages[" + i + "]";
      if (context.isUnreadable(path)) {
        continue;
      }
      StageDefinition stage = stages.get(i);
      context.checkUniqueKey(path, "stage key", stage.key(), firstAt);
      context.checkLabel(path + ".label", stage.label());
      if (checkProbability(path + ".probability", stage, previous, wonIndex >= 0 && i >= wonIndex, wonStage)) {
        previous = stage;
      }
      context.checkCriteria(stage.gate(), dealSchema, path + ".gate");
      checkApprovals(stage.approvals(), path);
      Duration sla = stage.sla();
      if (sla != null) {
        context.checkPositive(path + ".sla", sla);
      }
      String responsible = stage.responsibleRole();
      if (rolesKnown() && !responsible.equals(StageDefinition.OWNER) && !roles.contains(responsible)) {
        List<String> allowed = new ArrayList<>();
        allowed.add(StageDefinition.OWNER);
        allowed.addAll(declaredRoles());
        context.problem(path + ".responsible",
            "unknown role '" + responsible + "' (roles: " + String.join(", ", allowed) + ")");
      }
      if (i == wonIndex && stage.skippable()) {
        context.problem(path + ".skippable", "the won stage cannot be skippable");
      }
    }
    checkLostReasons(pipeline.lostReasons());
  }

  /** Returns whether the probability is in range, so that the next stage can be compared with it. */
  private boolean checkProbability(String path, StageDefinition stage, @Nullable StageDefinition previous,
      boolean atOrAfterWon, @Nullable String wonStage) {
    int p = stage.probability();
    if (p < 0 || p > 100) {
      context.problem(path, "must be between 0 and 100, got " + p);
      return false;
    }
    if (atOrAfterWon) {
      if (p != 100) {
        context.problem(path, "must be 100 at and after the won stage '" + wonStage + "', got " + p);
      }
    } else if (previous != null && p < previous.probability()) {
      context.problem(path, "must not be below " + previous.probability() + " of the previous stage '"
          + previous.key() + "', got " + p);
    }
    return true;
  }

  private void checkApprovals(List<ApprovalRule> approvals, String stagePath) {
    Map<String, String> firstAt = new HashMap<>();
    for (int j = 0; j < approvals.size(); j++) {
      String path = stagePath + ".approvals[" + j + "]";
      if (context.isUnreadable(path)) {
        continue;
      }
      ApprovalRule approval = approvals.get(j);
      context.checkUniqueKey(path, "approval key", approval.key(), firstAt);
      context.checkLabel(path + ".label", approval.label());
      context.checkCriteria(approval.when(), dealSchema, path + ".when");
      Approver approver = approval.approver();
      if (approver instanceof Approver.HolderOfRole holder && rolesKnown() && !roles.contains(holder.role())) {
        context.problem(path + ".approver.role", "unknown role '" + holder.role() + "'"
            + (declaredRoles().isEmpty() ? " (no roles declared)"
                : " (roles: " + String.join(", ", declaredRoles()) + ")"));
      } else if (approver instanceof Approver.SpecificRep rep && rep.repId().isBlank()) {
        context.problem(path + ".approver.rep", "must not be blank");
      }
    }
  }

  private void checkLostReasons(List<LostReason> reasons) {
    if (reasons.isEmpty() && !context.isUnreadable("pipeline.lost_reasons")) {
      context.problem("pipeline.lost_reasons", "a pipeline needs at least one lost reason");
    }
    Map<String, String> firstAt = new HashMap<>();
    for (int i = 0; i < reasons.size(); i++) {
      String path = "pipeline.lost_reasons[" + i + "]";
      if (context.isUnreadable(path)) {
        continue;
      }
      LostReason reason = reasons.get(i);
      context.checkUniqueKey(path, "lost reason key", reason.key(), firstAt);
      context.checkLabel(path + ".label", reason.label());
    }
  }

  /** Whether the role list could be read, so that references to roles can be checked against it. */
  private boolean rolesKnown() {
    return !context.isUnreadable("roles");
  }

  /** The declared roles as an author wrote them, without placeholders for unreadable entries. */
  private List<String> declaredRoles() {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < roles.size(); i++) {
      if (!context.isUnreadable("roles[" + i + "]") && !out.contains(roles.get(i))) {
        out.add(roles.get(i));
      }
    }
    return out;
  }
}
