package dev.relay.playbook;

import static dev.relay.playbook.PlaybookJson.MAPPER;
import static dev.relay.playbook.PlaybookJson.durationText;
import static dev.relay.playbook.PlaybookJson.putCriteria;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.relay.criteria.Criteria;
import dev.relay.pipeline.ApprovalRule;
import dev.relay.pipeline.Approver;
import dev.relay.pipeline.LostReason;
import dev.relay.pipeline.PipelineDefinition;
import dev.relay.pipeline.StageDefinition;

/**
 * The canonical JSON of the {@code pipeline} section. Omitted because they mean "nothing": no gate, no approvals, no
 * SLA, no won stage, and the {@code when} of an approval that applies always.
 */
final class PipelineSectionWriter {
  private PipelineSectionWriter() {}

  static ObjectNode pipeline(PipelineDefinition pipeline) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("key", pipeline.key());
    node.put("label", pipeline.label());
    ArrayNode stages = node.putArray("stages");
    pipeline.stages().forEach(s -> stages.add(stage(s)));
    if (pipeline.wonStage() != null) {
      node.put("won_stage", pipeline.wonStage());
    }
    ArrayNode reasons = node.putArray("lost_reasons");
    pipeline.lostReasons().forEach(r -> reasons.add(lostReason(r)));
    node.put("back_moves", pipeline.backMoves().jsonName());
    return node;
  }

  private static ObjectNode stage(StageDefinition stage) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("key", stage.key());
    node.put("label", stage.label());
    node.put("probability", stage.probability());
    putCriteria(node, "gate", stage.gate(), Criteria.always());
    if (!stage.approvals().isEmpty()) {
      ArrayNode approvals = node.putArray("approvals");
      stage.approvals().forEach(a -> approvals.add(approval(a)));
    }
    if (stage.sla() != null) {
      node.put("sla", durationText(stage.sla()));
    }
    node.put("responsible", stage.responsibleRole());
    node.put("skippable", stage.skippable());
    return node;
  }

  private static ObjectNode approval(ApprovalRule approval) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("key", approval.key());
    node.put("label", approval.label());
    putCriteria(node, "when", approval.when(), Criteria.always());
    ObjectNode approver = node.putObject("approver");
    Approver a = approval.approver();
    if (a instanceof Approver.HolderOfRole holder) {
      approver.put("role", holder.role());
    } else if (a instanceof Approver.SpecificRep rep) {
      approver.put("rep", rep.repId());
    } else {
      approver.put("manager_of", StageDefinition.OWNER);
    }
    return node;
  }

  private static ObjectNode lostReason(LostReason reason) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("key", reason.key());
    node.put("label", reason.label());
    node.put("requires_note", reason.requiresNote());
    return node;
  }
}
