package dev.relay.playbook;

import dev.relay.common.Problem;
import dev.relay.common.ValidationException;
import dev.relay.criteria.Criteria;
import dev.relay.criteria.CriteriaCompiler;
import dev.relay.fields.EntityKind;
import dev.relay.fields.FieldDefinition;
import dev.relay.fields.FieldSchema;
import dev.relay.pipeline.ApprovalRule;
import dev.relay.pipeline.Approver;
import dev.relay.pipeline.DealFields;
import dev.relay.pipeline.LostReason;
import dev.relay.pipeline.PipelineDefinition;
import dev.relay.pipeline.StageDefinition;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Checks a whole playbook and reports every problem with its path in the JSON form ({@code
 * pipeline.stages[2].gate.all[0].field}).
 *
 * <p>Probabilities: every stage's probability lies in 0..100; up to the won stage they never decrease (a deal only
 * becomes likelier as it advances); the won stage and every stage after it (payment, after-sales) are 100, because a
 * won deal is certain. Without a won stage the whole pipeline is non-decreasing.
 *
 * <p>The JSON reader calls this after its structural pass. Elements it could not read at all (a stage without a key,
 * a field of unknown type) are passed as placeholders whose paths are {@code unreadable}: their own problems are
 * already reported, so they are not checked again and take no part in comparisons (duplicates, probability order).
 * Likewise references into an unreadable part are not checked (roles against an unreadable role list, criteria that
 * use a field whose declaration was unreadable), so that one mistake gives one problem.
 */
final class PlaybookValidator {
  /** Keys of stages, lost reasons, approvals, the pipeline, and role names: lower snake case. */
  static final Pattern KEY = FieldDefinition.NAME;

  private final List<Problem> problems = new ArrayList<>();
  private final Set<String> unreadable;
  private final List<String> roles;
  /** Names of fields whose declarations could not be read: criteria using them are not type-checked. */
  private final Set<String> unreadableFields = new HashSet<>();

  private PlaybookValidator(List<String> roles, Set<String> unreadable) {
    this.roles = roles;
    this.unreadable = unreadable;
  }

  /** Validates a playbook built in Java. */
  static Playbook validated(String name, ZoneId zone, Currency currency, List<String> roles,
      Map<EntityKind, List<FieldDefinition>> customFields, @Nullable PipelineDefinition pipeline) {
    return validated(name, zone, currency, roles, customFields, pipeline, List.of(), Set.of());
  }

  /**
   * Validates a playbook read from JSON.
   *
   * @param earlier problems already found while reading, reported first
   * @param unreadable paths of placeholder elements (and lists) that the reader could not read
   * @throws ValidationException listing {@code earlier} and every further problem
   */
  static Playbook validated(String name, ZoneId zone, Currency currency, List<String> roles,
      Map<EntityKind, List<FieldDefinition>> customFields, @Nullable PipelineDefinition pipeline,
      List<Problem> earlier, Set<String> unreadable) {
    PlaybookValidator validator = new PlaybookValidator(roles, unreadable);
    validator.problems.addAll(earlier);
    validator.check(name, customFields, pipeline);
    if (!validator.problems.isEmpty()) {
      throw new ValidationException(validator.problems);
    }
    return new Playbook(name, zone, currency, roles, customFields, pipeline);
  }

  private void check(String name, Map<EntityKind, List<FieldDefinition>> customFields,
      @Nullable PipelineDefinition pipeline) {
    if (name.isBlank()) {
      problem("name", "must not be blank");
    }
    checkRoles();
    Map<EntityKind, List<FieldDefinition>> usable = new HashMap<>();
    for (EntityKind kind : EntityKind.values()) {
      usable.put(kind, checkCustomFields(kind, customFields.getOrDefault(kind, List.of()), pipeline));
    }
    if (pipeline == null) {
      if (!unreadable.contains("pipeline")) {
        problem("pipeline", "a playbook needs a pipeline");
      }
      return;
    }
    FieldSchema dealSchema =
        FieldSchema.of(EntityKind.DEAL, DealFields.builtIns(pipeline), usable.get(EntityKind.DEAL));
    checkPipeline(pipeline, dealSchema);
  }

  private void checkRoles() {
    Map<String, String> firstAt = new HashMap<>();
    for (int i = 0; i < roles.size(); i++) {
      String path = "roles[" + i + "]";
      if (unreadable.contains(path)) {
        continue;
      }
      String role = roles.get(i);
      if (role.equals(StageDefinition.OWNER)) {
        problem(path, "'" + StageDefinition.OWNER + "' is reserved for the deal owner");
      } else if (!KEY.matcher(role).matches()) {
        problem(path, "invalid role '" + role + "': expected lower snake case " + KEY.pattern());
      } else {
        String first = firstAt.putIfAbsent(role, path);
        if (first != null) {
          problem(path, "duplicate role '" + role + "' (first at " + first + ")");
        }
      }
    }
  }

  /** Reports clashes and duplicates; returns the fields that can go into a schema without clashing. */
  private List<FieldDefinition> checkCustomFields(EntityKind kind, List<FieldDefinition> fields,
      @Nullable PipelineDefinition pipeline) {
    PipelineDefinition forBuiltIns = pipeline != null ? pipeline : PipelineDefinition.builder("none", "none").build();
    List<String> builtIns = Playbook.builtInFields(kind, forBuiltIns).stream().map(FieldDefinition::name).toList();
    Map<String, String> firstAt = new HashMap<>();
    List<FieldDefinition> usable = new ArrayList<>();
    for (int i = 0; i < fields.size(); i++) {
      String path = "fields." + kind.jsonName() + "[" + i + "]";
      if (unreadable.contains(path)) {
        unreadableFields.add(fields.get(i).name());
        continue;
      }
      FieldDefinition field = fields.get(i);
      if (field.builtIn()) {
        problem(path, "a custom field cannot be marked built-in");
        continue;
      }
      if (builtIns.contains(field.name())) {
        problem(path + ".name", "'" + field.name() + "' is a built-in " + kind.jsonName() + " field");
        continue;
      }
      String first = firstAt.putIfAbsent(field.name(), path);
      if (first != null) {
        problem(path + ".name", "duplicate field '" + field.name() + "' (first at " + first + ")");
        continue;
      }
      usable.add(field);
    }
    return usable;
  }

  private void checkPipeline(PipelineDefinition pipeline, FieldSchema dealSchema) {
    checkKey("pipeline.key", "pipeline key", pipeline.key());
    checkLabel("pipeline.label", pipeline.label());
    List<StageDefinition> stages = pipeline.stages();
    if (stages.isEmpty() && !unreadable.contains("pipeline.stages")) {
      problem("pipeline.stages", "a pipeline needs at least one stage");
    }
    String wonStage = pipeline.wonStage();
    int wonIndex = wonStage == null ? -1 : pipeline.indexOf(wonStage);
    if (wonStage != null && wonIndex < 0) {
      String known = stages.stream().map(StageDefinition::key).filter(k -> KEY.matcher(k).matches()).distinct()
          .collect(Collectors.joining(", "));
      problem("pipeline.won_stage", "unknown stage '" + wonStage + "'" + (known.isEmpty() ? "" : " (stages: " + known
          + ")"));
    }
    Map<String, String> firstAt = new HashMap<>();
    StageDefinition previous = null;
    for (int i = 0; i < stages.size(); i++) {
      String path = "pipeline.stages[" + i + "]";
      if (unreadable.contains(path)) {
        continue;
      }
      StageDefinition stage = stages.get(i);
      if (checkKey(path + ".key", "stage key", stage.key())) {
        String first = firstAt.putIfAbsent(stage.key(), path);
        if (first != null) {
          problem(path + ".key", "duplicate stage key '" + stage.key() + "' (first at " + first + ")");
        }
      }
      checkLabel(path + ".label", stage.label());
      if (checkProbability(path + ".probability", stage, previous, wonIndex >= 0 && i >= wonIndex, wonStage)) {
        previous = stage;
      }
      checkCriteria(stage.gate(), dealSchema, path + ".gate");
      checkApprovals(stage.approvals(), dealSchema, path);
      Duration sla = stage.sla();
      if (sla != null && (sla.isNegative() || sla.isZero())) {
        problem(path + ".sla", "must be positive, got " + PlaybookJson.durationText(sla));
      }
      String responsible = stage.responsibleRole();
      if (rolesKnown() && !responsible.equals(StageDefinition.OWNER) && !roles.contains(responsible)) {
        List<String> allowed = new ArrayList<>();
        allowed.add(StageDefinition.OWNER);
        allowed.addAll(declaredRoles());
        problem(path + ".responsible",
            "unknown role '" + responsible + "' (roles: " + String.join(", ", allowed) + ")");
      }
      if (i == wonIndex && stage.skippable()) {
        problem(path + ".skippable", "the won stage cannot be skippable");
      }
    }
    checkLostReasons(pipeline.lostReasons());
  }

  /** Returns whether the probability is in range, so that the next stage can be compared with it. */
  private boolean checkProbability(String path, StageDefinition stage, @Nullable StageDefinition previous,
      boolean atOrAfterWon, @Nullable String wonStage) {
    int p = stage.probability();
    if (p < 0 || p > 100) {
      problem(path, "must be between 0 and 100, got " + p);
      return false;
    }
    if (atOrAfterWon) {
      if (p != 100) {
        problem(path, "must be 100 at and after the won stage '" + wonStage + "', got " + p);
      }
    } else if (previous != null && p < previous.probability()) {
      problem(path, "must not be below " + previous.probability() + " of the previous stage '" + previous.key()
          + "', got " + p);
    }
    return true;
  }

  private void checkApprovals(List<ApprovalRule> approvals, FieldSchema dealSchema, String stagePath) {
    Map<String, String> firstAt = new HashMap<>();
    for (int j = 0; j < approvals.size(); j++) {
      String path = stagePath + ".approvals[" + j + "]";
      if (unreadable.contains(path)) {
        continue;
      }
      ApprovalRule approval = approvals.get(j);
      if (checkKey(path + ".key", "approval key", approval.key())) {
        String first = firstAt.putIfAbsent(approval.key(), path);
        if (first != null) {
          problem(path + ".key", "duplicate approval key '" + approval.key() + "' (first at " + first + ")");
        }
      }
      checkLabel(path + ".label", approval.label());
      checkCriteria(approval.when(), dealSchema, path + ".when");
      Approver approver = approval.approver();
      if (approver instanceof Approver.HolderOfRole holder && rolesKnown() && !roles.contains(holder.role())) {
        problem(path + ".approver.role", "unknown role '" + holder.role() + "'" + (declaredRoles().isEmpty()
            ? " (no roles declared)" : " (roles: " + String.join(", ", declaredRoles()) + ")"));
      } else if (approver instanceof Approver.SpecificRep rep && rep.repId().isBlank()) {
        problem(path + ".approver.rep", "must not be blank");
      }
    }
  }

  private void checkLostReasons(List<LostReason> reasons) {
    if (reasons.isEmpty() && !unreadable.contains("pipeline.lost_reasons")) {
      problem("pipeline.lost_reasons", "a pipeline needs at least one lost reason");
    }
    Map<String, String> firstAt = new HashMap<>();
    for (int i = 0; i < reasons.size(); i++) {
      String path = "pipeline.lost_reasons[" + i + "]";
      if (unreadable.contains(path)) {
        continue;
      }
      LostReason reason = reasons.get(i);
      if (checkKey(path + ".key", "lost reason key", reason.key())) {
        String first = firstAt.putIfAbsent(reason.key(), path);
        if (first != null) {
          problem(path + ".key", "duplicate lost reason key '" + reason.key() + "' (first at " + first + ")");
        }
      }
      checkLabel(path + ".label", reason.label());
    }
  }

  private void checkCriteria(Criteria criteria, FieldSchema schema, String path) {
    boolean schemaKnown = !unreadable.contains("fields") && !unreadable.contains("fields.deal");
    if (schemaKnown && !mentionsAny(criteria, unreadableFields)) {
      problems.addAll(CriteriaCompiler.check(criteria, schema, path));
    }
  }

  private static boolean mentionsAny(Criteria criteria, Set<String> fields) {
    if (fields.isEmpty()) {
      return false;
    }
    if (criteria instanceof Criteria.All all) {
      return all.items().stream().anyMatch(c -> mentionsAny(c, fields));
    }
    if (criteria instanceof Criteria.Any any) {
      return any.items().stream().anyMatch(c -> mentionsAny(c, fields));
    }
    if (criteria instanceof Criteria.Not not) {
      return mentionsAny(not.item(), fields);
    }
    return fields.contains(((Criteria.Condition) criteria).field());
  }

  private boolean checkKey(String path, String what, String key) {
    if (KEY.matcher(key).matches()) {
      return true;
    }
    problem(path, "invalid " + what + " '" + key + "': expected lower snake case " + KEY.pattern());
    return false;
  }

  private void checkLabel(String path, String label) {
    if (label.isBlank()) {
      problem(path, "must not be blank");
    }
  }

  /** Whether the role list could be read, so that references to roles can be checked against it. */
  private boolean rolesKnown() {
    return !unreadable.contains("roles");
  }

  /** The declared roles as an author wrote them, without placeholders for unreadable entries. */
  private List<String> declaredRoles() {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < roles.size(); i++) {
      if (!unreadable.contains("roles[" + i + "]") && !out.contains(roles.get(i))) {
        out.add(roles.get(i));
      }
    }
    return out;
  }

  private void problem(String path, String message) {
    problems.add(new Problem(path, message));
  }
}
