package dev.relay.playbook;

import static dev.relay.playbook.ReadingContext.orElse;
import static dev.relay.playbook.ReadingContext.placeholder;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relay.criteria.Criteria;
import dev.relay.pipeline.ApprovalRule;
import dev.relay.pipeline.Approver;
import dev.relay.pipeline.BackMovePolicy;
import dev.relay.pipeline.LostReason;
import dev.relay.pipeline.PipelineDefinition;
import dev.relay.pipeline.StageDefinition;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The structural pass over the {@code pipeline} section: stages, approvals, lost reasons, the back-move policy. */
final class PipelineSectionReader {
  static final List<String> PIPELINE_KEYS =
      List.of("key", "label", "stages", "won_stage", "lost_reasons", "back_moves");
  static final List<String> STAGE_KEYS =
      List.of("key", "label", "probability", "gate", "approvals", "sla", "responsible", "skippable");
  static final List<String> APPROVAL_KEYS = List.of("key", "label", "when", "approver");
  static final List<String> APPROVER_KEYS = List.of("manager_of", "role", "rep");
  static final List<String> LOST_REASON_KEYS = List.of("key", "label", "requires_note");

  private final ReadingContext in;

  PipelineSectionReader(ReadingContext in) {
    this.in = in;
  }

  /** The pipeline, or {@code null} if it is missing or not an object (reported and marked unreadable). */
  @Nullable PipelineDefinition read(JsonObjectReader top) {
    JsonNode node = top.node("pipeline", true);
    JsonObjectReader o = node == null ? null : in.object(node, top.path("pipeline"), PIPELINE_KEYS);
    if (o == null) {
      in.unreadable("pipeline");
      return null;
    }
    String key = orElse(o.string("key", true), "pipeline");
    PipelineDefinition.Builder pipeline = PipelineDefinition.builder(key, orElse(o.string("label", false), key));
    List<JsonNode> stages = o.array("stages", true);
    if (stages == null) {
      in.unreadable(o.path("stages"));
    } else {
      for (int i = 0; i < stages.size(); i++) {
        pipeline.stage(stage(stages.get(i), o.path("stages") + "[" + i + "]"));
      }
    }
    String wonStage = o.string("won_stage", false);
    if (wonStage != null) {
      pipeline.wonStage(wonStage);
    }
    List<JsonNode> reasons = o.array("lost_reasons", true);
    if (reasons == null) {
      in.unreadable(o.path("lost_reasons"));
    } else {
      for (int i = 0; i < reasons.size(); i++) {
        pipeline.lostReason(lostReason(reasons.get(i), o.path("lost_reasons") + "[" + i + "]"));
      }
    }
    BackMovePolicy backMoves = in.choice(o, "back_moves", false, BackMovePolicy.values(), BackMovePolicy::jsonName,
        "back-move policy", "policies");
    if (backMoves != null) {
      pipeline.backMoves(backMoves);
    }
    return pipeline.build();
  }

  private StageDefinition stage(JsonNode node, String path) {
    JsonObjectReader o = in.object(node, path, STAGE_KEYS);
    if (o == null) {
      in.unreadable(path);
      return StageDefinition.builder(placeholder(path), path, 0).build();
    }
    String key = o.string("key", true);
    Integer probability = o.integer("probability", true);
    if (key == null || probability == null) {
      in.unreadable(path);
    }
    String stageKey = orElse(key, placeholder(path));
    StageDefinition.Builder stage = StageDefinition.builder(stageKey, orElse(o.string("label", false), stageKey),
        probability == null ? 0 : probability);
    stage.gate(in.criteria(o, "gate", Criteria.always()));
    List<JsonNode> approvals = o.array("approvals", false);
    for (int j = 0; approvals != null && j < approvals.size(); j++) {
      ApprovalRule approval = approval(approvals.get(j), o.path("approvals") + "[" + j + "]");
      stage.approval(approval.key(), approval.label(), approval.when(), approval.approver());
    }
    Duration sla = in.duration(o, "sla");
    if (sla != null) {
      stage.sla(sla);
    }
    String responsible = o.string("responsible", false);
    if (responsible != null) {
      stage.responsible(responsible);
    }
    Boolean skippable = o.bool("skippable", false);
    return stage.skippable(skippable != null && skippable).build();
  }

  private ApprovalRule approval(JsonNode node, String path) {
    JsonObjectReader o = in.object(node, path, APPROVAL_KEYS);
    if (o == null) {
      in.unreadable(path);
      return new ApprovalRule(placeholder(path), path, Criteria.always(), Approver.ownersManager());
    }
    String key = o.string("key", true);
    String label = o.string("label", false);
    Criteria when = in.criteria(o, "when", Criteria.always());
    Approver approver = approver(o);
    if (key == null || approver == null) {
      in.unreadable(path);
    }
    String approvalKey = orElse(key, placeholder(path));
    return new ApprovalRule(approvalKey, orElse(label, approvalKey), when,
        approver == null ? Approver.ownersManager() : approver);
  }

  private @Nullable Approver approver(JsonObjectReader approval) {
    JsonNode node = approval.node("approver", true);
    if (node == null) {
      return null;
    }
    String path = approval.path("approver");
    ReadingContext.Named approver = in.oneOf(node, path, APPROVER_KEYS);
    if (approver == null) {
      return null;
    }
    String value = approver.value();
    switch (approver.key()) {
      case "manager_of":
        if (!value.equals(StageDefinition.OWNER)) {
          in.problem(JsonObjectReader.child(path, "manager_of"),
              "only '" + StageDefinition.OWNER + "' is supported, got '" + value + "'");
          return null;
        }
        return Approver.ownersManager();
      case "role":
        return Approver.role(value);
      default:
        return Approver.rep(value);
    }
  }

  private LostReason lostReason(JsonNode node, String path) {
    JsonObjectReader o = in.object(node, path, LOST_REASON_KEYS);
    if (o == null) {
      in.unreadable(path);
      return LostReason.of(placeholder(path), path);
    }
    String key = o.string("key", true);
    if (key == null) {
      in.unreadable(path);
    }
    String reasonKey = orElse(key, placeholder(path));
    String label = o.string("label", false);
    Boolean requiresNote = o.bool("requires_note", false);
    return new LostReason(reasonKey, orElse(label, reasonKey), requiresNote != null && requiresNote);
  }
}
