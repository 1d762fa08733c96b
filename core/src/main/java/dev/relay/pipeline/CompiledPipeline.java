package dev.relay.pipeline;

import dev.relay.criteria.CompiledCriteria;
import dev.relay.criteria.CriteriaCompiler;
import dev.relay.fields.EntityKind;
import dev.relay.fields.FieldSchema;
import dev.relay.playbook.VersionedPlaybook;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One playbook version's pipeline with every gate and approval condition compiled against that version's deal schema.
 * Built once per version by {@link CompiledPipelines}; immutable and shared between threads.
 */
final class CompiledPipeline {
  private final VersionedPlaybook playbook;
  private final PipelineDefinition definition;
  private final FieldSchema schema;
  private final List<CompiledStage> stages;
  private final int wonIndex;

  private CompiledPipeline(VersionedPlaybook playbook) {
    this.playbook = playbook;
    this.definition = playbook.playbook().pipeline();
    this.schema = playbook.playbook().schema(EntityKind.DEAL);
    List<CompiledStage> compiled = new ArrayList<>();
    for (int i = 0; i < definition.stages().size(); i++) {
      StageDefinition stage = definition.stages().get(i);
      String path = "pipeline.stages[" + i + "]";
      List<CompiledApproval> approvals = new ArrayList<>();
      for (int j = 0; j < stage.approvals().size(); j++) {
        ApprovalRule rule = stage.approvals().get(j);
        String rulePath = path + ".approvals[" + j + "]";
        approvals.add(new CompiledApproval(rulePath, rule,
            CriteriaCompiler.compile(rule.when(), schema, rulePath + ".when")));
      }
      compiled.add(new CompiledStage(i, path, stage,
          CriteriaCompiler.compile(stage.gate(), schema, path + ".gate"), List.copyOf(approvals)));
    }
    this.stages = List.copyOf(compiled);
    String won = definition.wonStage();
    this.wonIndex = won == null ? -1 : definition.indexOf(won);
  }

  /**
   * Compiles a version's pipeline.
   *
   * @throws dev.relay.common.ValidationException if a condition does not fit the schema (never for a valid
   *     playbook)
   */
  static CompiledPipeline compile(VersionedPlaybook playbook) {
    return new CompiledPipeline(playbook);
  }

  int version() {
    return playbook.version();
  }

  PipelineDefinition definition() {
    return definition;
  }

  FieldSchema schema() {
    return schema;
  }

  CompiledStage stage(int index) {
    return stages.get(index);
  }

  /**
   * The fields an approval rule reads, to tell whether a request still covers the deal; empty if this version no longer
   * has the rule (nothing then makes the request stale).
   */
  Set<String> approvalReads(String stageKey, String ruleKey) {
    for (CompiledStage stage : stages) {
      if (stage.key().equals(stageKey)) {
        for (CompiledApproval approval : stage.approvals()) {
          if (approval.rule().key().equals(ruleKey)) {
            return approval.reads();
          }
        }
      }
    }
    return Set.of();
  }

  /** The index of the won stage, or -1 if the pipeline has none. */
  int wonIndex() {
    return wonIndex;
  }

  /**
   * The deal with its field values laid out for this version's schema and its built-in fields in sync, so that compiled
   * conditions read the right slots. Returns the deal itself when it already is.
   */
  Deal bind(Deal deal) {
    if (deal.fields().schema() == schema) {
      return deal;
    }
    return deal.withFields(deal.fields().rebind(schema)).withBuiltIns(definition);
  }

  /**
   * A stage with its compiled exit criteria.
   *
   * @param path the stage's path in the playbook, e.g. {@code pipeline.stages[2]}, used as the rule of reasons
   */
  record CompiledStage(int index, String path, StageDefinition definition, CompiledCriteria gate,
      List<CompiledApproval> approvals) {
    String key() {
      return definition.key();
    }
  }

  /** An approval rule with its compiled {@code when} criteria. */
  record CompiledApproval(String path, ApprovalRule rule, CompiledCriteria when) {
    /** The fields the rule reads; a request covers the values they had when it was filed. */
    Set<String> reads() {
      return rule.when().fields();
    }
  }
}
