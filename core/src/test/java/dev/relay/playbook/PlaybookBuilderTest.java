package dev.relay.playbook;

import static dev.relay.criteria.Criteria.all;
import static dev.relay.criteria.Criteria.field;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.relay.common.Problem;
import dev.relay.common.ValidationException;
import dev.relay.fields.EntityKind;
import dev.relay.fields.FieldDefinition;
import dev.relay.fields.FieldType;
import dev.relay.pipeline.Approver;
import dev.relay.pipeline.PipelineDefinition;
import dev.relay.pipeline.StageDefinition;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Java builder: the same model as the JSON form, validated the same way, with the same paths. */
class PlaybookBuilderTest {
  @Test
  void builderAndJsonFormGiveEqualPlaybooks() {
    Playbook built = SmallTeamPlaybook.built();
    Playbook read = PlaybookJson.read(SmallTeamPlaybook.json());
    assertEquals(built, read);
    assertEquals(read, built);
    assertEquals(PlaybookJson.write(built), PlaybookJson.write(read));
    assertEquals(built.schema(EntityKind.DEAL).fields(), read.schema(EntityKind.DEAL).fields());
  }

  @Test
  void anyChangeMakesAnotherPlaybook() {
    assertNotEquals(SmallTeamPlaybook.built(), SmallTeamPlaybook.named("Small team 2"));
    assertNotEquals(SmallTeamPlaybook.built().fingerprint(), SmallTeamPlaybook.named("Small team 2").fingerprint());
  }

  @Test
  void dealSchemaHasTheBuiltInFieldsThenTheCustomOnes() {
    List<String> names = SmallTeamPlaybook.built().schema(EntityKind.DEAL).fields().stream()
        .map(FieldDefinition::name).toList();
    assertEquals(List.of("name", "amount", "currency", "stage", "status", "owner", "probability", "budget",
        "discount_pct", "industry"), names);
  }

  @Test
  void builderReportsEveryProblemWithTheJsonPaths() {
    PipelineDefinition.Builder pipeline = PipelineDefinition.builder("standard", "Standard")
        .stage(StageDefinition.builder("lead", "Lead", 10).sla(Duration.ofHours(-1)))
        .stage(StageDefinition.builder("quote", "Quote", 50)
            .gate(all(field("budgt").isSet()))
            .approval("big_deal", "Big deal", all(field("amount").gt(1_000_000)), Approver.role("cfo"))
            .responsible("sales_ops"))
        .wonStage("contract");
    ValidationException e = assertThrows(ValidationException.class, () -> Playbook.builder()
        .roles("sales_rep", "finance")
        .customField(EntityKind.DEAL, FieldDefinition.custom("budget", FieldType.DECIMAL))
        .customField(EntityKind.DEAL, FieldDefinition.custom("owner", FieldType.STRING))
        .pipeline(pipeline)
        .build());
    assertEquals(List.of(
        "fields.deal[1].name: 'owner' is a built-in deal field",
        "pipeline.won_stage: unknown stage 'contract' (stages: lead, quote)",
        "pipeline.stages[0].sla: must be positive, got PT-1H",
        "pipeline.stages[1].gate.all[0].field: unknown field 'budgt' (did you mean 'budget'?)",
        "pipeline.stages[1].approvals[0].approver.role: unknown role 'cfo' (roles: sales_rep, finance)",
        "pipeline.stages[1].responsible: unknown role 'sales_ops' (roles: owner, sales_rep, finance)",
        "pipeline.lost_reasons: a pipeline needs at least one lost reason"),
        e.problems().stream().map(Problem::toString).toList());
  }

  @Test
  void builderWithoutAPipelineIsRejected() {
    ValidationException e = assertThrows(ValidationException.class, () -> Playbook.builder().build());
    assertEquals(List.of(new Problem("pipeline", "a playbook needs a pipeline")), e.problems());
  }

  @Test
  void customFieldsCannotBeMarkedBuiltIn() {
    FieldDefinition sneaky = new FieldDefinition("region", FieldType.STRING, List.of(), "Region", true);
    ValidationException e = assertThrows(ValidationException.class,
        () -> SmallTeamPlaybook.builder("x").customField(EntityKind.ACCOUNT, sneaky).build());
    assertEquals(List.of(new Problem("fields.account[0]", "a custom field cannot be marked built-in")), e.problems());
  }

  @Test
  void ownerIsReservedAsARoleName() {
    ValidationException e = assertThrows(ValidationException.class,
        () -> SmallTeamPlaybook.builder("x").roles("owner").build());
    assertEquals(List.of(new Problem("roles[4]", "'owner' is reserved for the deal owner")), e.problems());
  }
}
