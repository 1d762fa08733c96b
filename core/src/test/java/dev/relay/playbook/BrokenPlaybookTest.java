package dev.relay.playbook;

import static dev.relay.playbook.PlaybookEdits.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.relay.common.ErrorCode;
import dev.relay.common.Problem;
import dev.relay.common.ValidationException;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Each mistake a playbook author can make, reported with the exact path and message, and all of them at once. Every
 * case starts from the valid small-team playbook and breaks one thing (stage 2 is {@code quote}, stage 3 the won
 * stage {@code won}, stage 4 {@code payment}).
 */
class BrokenPlaybookTest {
  @Test
  void theUnbrokenPlaybookReads() {
    assertEquals(SmallTeamPlaybook.built(), PlaybookJson.read(SmallTeamPlaybook.json()));
  }

  @Test
  void misspeltFieldInAGateIsReportedAtTheConditionsField() {
    rejects(p -> stage(p, 2).set("gate", json("{'all': [{'field': 'budgt', 'op': 'is_set'}]}")),
        "pipeline.stages[2].gate.all[0].field: unknown field 'budgt' (did you mean 'budget'?)");
  }

  @Test
  void gateOperatorMustFitTheFieldType() {
    rejects(p -> stage(p, 1).set("gate", json("{'all': [{'field': 'industry', 'op': 'gt', 'value': 3}]}")),
        "pipeline.stages[1].gate.all[0].op: operator 'gt' does not apply to enum field 'industry'");
  }

  @Test
  void unknownOperatorInAnApprovalCondition() {
    rejects(p -> approval(p, 2, 0).set("when", json("{'all': [{'field': 'discount_pct', 'op': 'like', 'value': 1}]}")),
        "pipeline.stages[2].approvals[0].when.all[0].op: unknown operator 'like'");
  }

  @Test
  void responsibleRoleMustBeDeclaredOrTheOwner() {
    rejects(p -> stage(p, 2).put("responsible", "salesops"),
        "pipeline.stages[2].responsible: unknown role 'salesops' (roles: owner, sales_rep, sales_manager, sales_ops,"
            + " finance)");
  }

  @Test
  void approverRoleMustBeDeclared() {
    rejects(p -> approval(p, 2, 1).set("approver", json("{'role': 'cfo'}")),
        "pipeline.stages[2].approvals[1].approver.role: unknown role 'cfo' (roles: sales_rep, sales_manager, sales_ops,"
            + " finance)");
  }

  @Test
  void approverNamesExactlyOneKindOfApprover() {
    rejects(p -> approval(p, 2, 1).set("approver", json("{'role': 'finance', 'rep': 'r-7'}")),
        "pipeline.stages[2].approvals[1].approver: give only one of 'manager_of', 'role' or 'rep'");
  }

  @Test
  void duplicateApprovalKeyIsReportedAtTheDuplicate() {
    rejects(p -> approval(p, 2, 1).put("key", "big_discount"),
        "pipeline.stages[2].approvals[1].key: duplicate approval key 'big_discount' (first at"
            + " pipeline.stages[2].approvals[0])");
  }

  @Test
  void duplicateStageKeyIsReportedAtTheDuplicate() {
    rejects(p -> stage(p, 2).put("key", "qualified"),
        "pipeline.stages[2].key: duplicate stage key 'qualified' (first at pipeline.stages[1])");
  }

  @Test
  void stageKeyMustBeLowerSnakeCase() {
    rejects(p -> stage(p, 2).put("key", "Quote"),
        "pipeline.stages[2].key: invalid stage key 'Quote': expected lower snake case [a-z][a-z0-9_]{0,63}");
  }

  @Test
  void wonStageMustNameAStage() {
    rejects(p -> pipeline(p).put("won_stage", "wonn"),
        "pipeline.won_stage: unknown stage 'wonn' (stages: lead, qualified, quote, won, payment)");
  }

  @Test
  void wonStageCannotBeSkipped() {
    rejects(p -> stage(p, 3).put("skippable", true), "pipeline.stages[3].skippable: the won stage cannot be skippable");
  }

  @Test
  void probabilityMustBeAPercentage() {
    rejects(p -> stage(p, 1).put("probability", 120),
        "pipeline.stages[1].probability: must be between 0 and 100, got 120");
  }

  @Test
  void probabilityMustNotDecreaseBeforeTheWonStage() {
    rejects(p -> stage(p, 2).put("probability", 20),
        "pipeline.stages[2].probability: must not be below 30 of the previous stage 'qualified', got 20");
  }

  @Test
  void stagesFromTheWonStageOnAreCertain() {
    rejects(p -> stage(p, 4).put("probability", 90),
        "pipeline.stages[4].probability: must be 100 at and after the won stage 'won', got 90");
  }

  @Test
  void slaMustBeAnIsoDuration() {
    rejects(p -> stage(p, 0).put("sla", "2 days"),
        "pipeline.stages[0].sla: expected an ISO-8601 duration like 'PT72H' or 'P3D', got '2 days'");
  }

  @Test
  void slaMustBePositive() {
    rejects(p -> stage(p, 0).put("sla", "PT0S"), "pipeline.stages[0].sla: must be positive, got PT0S");
  }

  @Test
  void misspeltKeyGetsADidYouMeanAndTheRequiredKeyIsMissing() {
    rejects(p -> stage(p, 1).set("probabilty", stage(p, 1).remove("probability")),
        "pipeline.stages[1].probabilty: unknown key 'probabilty' (did you mean 'probability'?)",
        "pipeline.stages[1]: missing required key 'probability'");
  }

  @Test
  void unknownKeyWithNothingCloseListsTheKeys() {
    rejects(p -> pipeline(p).put("owner", "r-1"),
        "pipeline.owner: unknown key 'owner' (keys: key, label, stages, won_stage, lost_reasons, back_moves)");
  }

  @Test
  void wrongJsonTypeIsNamed() {
    rejects(p -> stage(p, 1).put("probability", "30"),
        "pipeline.stages[1].probability: expected an integer, got string '30'");
  }

  @Test
  void unknownFieldTypeListsTheTypesAndDoesNotCascadeIntoGates() {
    // The qualified gate reads budget; its declaration is the one problem, not every use of it.
    rejects(p -> field(p, 0).put("type", "money"),
        "fields.deal[0].type: unknown field type 'money' (types: string, integer, decimal, boolean, date, enum,"
            + " enum_list)");
  }

  @Test
  void unreadableRoleListIsOneProblemNotOnePerRoleReference() {
    rejects(p -> p.put("roles", "sales_rep, finance"), "roles: expected an array, got string 'sales_rep, finance'");
  }

  @Test
  void enumFieldNeedsOptions() {
    rejects(p -> field(p, 2).remove("options"), "fields.deal[2].options: a field of type enum needs options");
  }

  @Test
  void customFieldMayNotShadowABuiltIn() {
    rejects(p -> fields(p).add(json("{'name': 'amount', 'type': 'decimal'}")),
        "fields.deal[3].name: 'amount' is a built-in deal field");
  }

  @Test
  void duplicateCustomFieldIsReportedAtTheDuplicate() {
    rejects(p -> fields(p).add(json("{'name': 'budget', 'type': 'integer'}")),
        "fields.deal[3].name: duplicate field 'budget' (first at fields.deal[0])");
  }

  @Test
  void duplicateRoleIsReportedAtTheDuplicate() {
    rejects(p -> ((ArrayNode) p.get("roles")).add("finance"), "roles[4]: duplicate role 'finance' (first at roles[3])");
  }

  @Test
  void unknownTimeZoneSuggestsTheClosestZone() {
    rejects(p -> p.put("zone", "Asia/Shangai"),
        "zone: unknown time zone 'Asia/Shangai' (did you mean 'Asia/Shanghai'?)");
  }

  @Test
  void unknownCurrencyCode() {
    rejects(p -> p.put("currency", "RMB"),
        "currency: unknown currency code 'RMB' (expected an ISO 4217 code like 'CNY')");
    rejects(p -> p.put("currency", "cny"), "currency: unknown currency code 'cny' (did you mean 'CNY'?)");
  }

  @Test
  void unknownBackMovePolicy() {
    rejects(p -> pipeline(p).put("back_moves", "prev"),
        "pipeline.back_moves: unknown back-move policy 'prev' (policies: none, previous, any)");
  }

  @Test
  void pipelineNeedsALostReason() {
    rejects(p -> pipeline(p).putArray("lost_reasons"),
        "pipeline.lost_reasons: a pipeline needs at least one lost reason");
  }

  @Test
  void duplicateLostReasonKey() {
    rejects(p -> ((ObjectNode) pipeline(p).get("lost_reasons").get(1)).put("key", "price"),
        "pipeline.lost_reasons[1].key: duplicate lost reason key 'price' (first at pipeline.lost_reasons[0])");
  }

  @Test
  void pipelineNeedsAStage() {
    rejects(p -> {
      pipeline(p).remove("won_stage");
      pipeline(p).putArray("stages");
    }, "pipeline.stages: a pipeline needs at least one stage");
  }

  @Test
  void playbookNeedsAPipeline() {
    rejects(p -> p.remove("pipeline"), "missing required key 'pipeline'");
  }

  @Test
  void malformedJsonNamesTheLineAndColumn() {
    ValidationException e = assertThrows(ValidationException.class,
        () -> PlaybookJson.read("{\n  \"name\": \"x\",\n  \"zone\" \"UTC\"\n}"));
    assertEquals(1, e.problems().size());
    assertEquals("", e.problems().get(0).path());
    assertTrue(e.problems().get(0).message().startsWith("malformed JSON at line 3, column 10: Unexpected character"),
        e.problems().get(0).message());
  }

  @Test
  void repeatedJsonKeyIsMalformed() {
    ValidationException e = assertThrows(ValidationException.class,
        () -> PlaybookJson.read("{\"name\": \"a\",\n\"name\": \"b\"}"));
    assertTrue(e.problems().get(0).message().startsWith("malformed JSON at line 2"), e.getMessage());
    assertTrue(e.problems().get(0).message().contains("Duplicate field 'name'"), e.getMessage());
  }

  @Test
  void documentMustBeAnObject() {
    PlaybookEdits.rejects("[1, 2]", "expected an object, got an array");
    PlaybookEdits.rejects("", "empty document: expected a JSON object");
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    ValidationException e = assertThrows(ValidationException.class, () -> PlaybookJson.read(edited(p -> {
      p.put("zone", "Asia/Shangai");
      p.put("currency", "RMB");
      ((ArrayNode) p.get("roles")).add("finance");
      field(p, 1).put("type", "percent");
      stage(p, 0).put("sla", "2d");
      stage(p, 1).set("probabilty", stage(p, 1).remove("probability"));
      stage(p, 2).set("gate", json("{'all': [{'field': 'budgt', 'op': 'is_set'}]}"));
      approval(p, 2, 1).set("approver", json("{'role': 'cfo'}"));
      stage(p, 4).put("probability", 90);
      ((ObjectNode) pipeline(p).get("lost_reasons").get(1)).put("key", "price");
      pipeline(p).put("back_moves", "sometimes");
    })));
    assertEquals(ErrorCode.VALIDATION_FAILED, e.code());
    assertEquals(List.of(
        // Structural problems, in document order ...
        "zone: unknown time zone 'Asia/Shangai' (did you mean 'Asia/Shanghai'?)",
        "currency: unknown currency code 'RMB' (expected an ISO 4217 code like 'CNY')",
        "fields.deal[1].type: unknown field type 'percent' (types: string, integer, decimal, boolean, date, enum,"
            + " enum_list)",
        "pipeline.stages[0].sla: expected an ISO-8601 duration like 'PT72H' or 'P3D', got '2d'",
        "pipeline.stages[1].probabilty: unknown key 'probabilty' (did you mean 'probability'?)",
        "pipeline.stages[1]: missing required key 'probability'",
        "pipeline.back_moves: unknown back-move policy 'sometimes' (policies: none, previous, any)",
        // ... then the semantic ones. The approval on discount_pct (declared with a bad type) is not checked again.
        "roles[4]: duplicate role 'finance' (first at roles[3])",
        "pipeline.stages[2].gate.all[0].field: unknown field 'budgt' (did you mean 'budget'?)",
        "pipeline.stages[2].approvals[1].approver.role: unknown role 'cfo' (roles: sales_rep, sales_manager,"
            + " sales_ops, finance)",
        "pipeline.stages[4].probability: must be 100 at and after the won stage 'won', got 90",
        "pipeline.lost_reasons[1].key: duplicate lost reason key 'price' (first at pipeline.lost_reasons[0])"),
        e.problems().stream().map(Problem::toString).toList());
  }

  private static void rejects(Consumer<ObjectNode> edit, String... expected) {
    PlaybookEdits.rejects(edited(edit), expected);
  }

  private static String edited(Consumer<ObjectNode> edit) {
    return PlaybookEdits.edited(SmallTeamPlaybook.json(), edit);
  }

  private static ObjectNode pipeline(ObjectNode root) {
    return (ObjectNode) root.get("pipeline");
  }

  private static ObjectNode stage(ObjectNode root, int index) {
    return (ObjectNode) pipeline(root).get("stages").get(index);
  }

  private static ObjectNode approval(ObjectNode root, int stage, int index) {
    return (ObjectNode) stage(root, stage).get("approvals").get(index);
  }

  private static ArrayNode fields(ObjectNode root) {
    return (ArrayNode) root.get("fields").get("deal");
  }

  private static ObjectNode field(ObjectNode root, int index) {
    return (ObjectNode) fields(root).get(index);
  }
}
