package dev.relay.playbook;

import static dev.relay.playbook.ValidationContext.KEY;

import dev.relay.assignment.AssignmentPolicy;
import dev.relay.common.Problem;
import dev.relay.common.ValidationException;
import dev.relay.fields.EntityKind;
import dev.relay.fields.FieldDefinition;
import dev.relay.fields.FieldSchema;
import dev.relay.incentive.IncentivePolicy;
import dev.relay.pipeline.PipelineDefinition;
import dev.relay.pipeline.StageDefinition;
import dev.relay.pool.PoolPolicy;
import dev.relay.scoring.ScoringPolicy;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Checks a whole playbook and reports every problem with its path in the JSON form ({@code
 * pipeline.stages[2].gate.all[0].field}). It checks the name, the roles and the custom fields itself, builds each
 * kind's schema from the fields that can go into one, and hands each section to its validator ({@link
 * PipelineSectionValidator}, {@link AssignmentSectionValidator}, {@link PoolSectionValidator}, {@link
 * ScoringSectionValidator}), all sharing one
 * {@link ValidationContext}.
 *
 * <p>The JSON reader calls this after its structural pass. Elements it could not read at all (a stage without a key,
 * a field of unknown type) are passed as placeholders whose paths are {@code unreadable}: their own problems are
 * already reported, so they are not checked again and take no part in comparisons (duplicates, probability order).
 * Likewise references into an unreadable part are not checked (roles against an unreadable role list, criteria that
 * use a field whose declaration was unreadable, recycle days against an unreadable grade field), so that one mistake
 * gives one problem.
 */
final class PlaybookValidator {
  private final ValidationContext context;
  private final List<String> roles;
  /** The deal schema {@link #check} builds, for the sections checked after it. */
  private @Nullable FieldSchema dealSchema;

  private PlaybookValidator(List<String> roles, List<Problem> earlier, Set<String> unreadable) {
    this.context = new ValidationContext(earlier, unreadable);
    this.roles = roles;
  }

  /** Validates a playbook built in Java. */
  static Playbook validated(String name, ZoneId zone, Currency currency, List<String> roles,
      Map<EntityKind, List<FieldDefinition>> customFields, @Nullable PipelineDefinition pipeline, PoolPolicy pool,
      AssignmentPolicy assignment, ScoringPolicy scoring, IncentivePolicy incentives) {
    return validated(name, zone, currency, roles, customFields, pipeline, pool, assignment, scoring, incentives,
        List.of(), Set.of());
  }

  /**
   * Validates a playbook read from JSON.
   *
   * @param earlier problems already found while reading, reported first
   * @param unreadable paths of placeholder elements (and lists) that the reader could not read
   * @throws ValidationException listing {@code earlier} and every further problem
   */
  static Playbook validated(String name, ZoneId zone, Currency currency, List<String> roles,
      Map<EntityKind, List<FieldDefinition>> customFields, @Nullable PipelineDefinition pipeline, PoolPolicy pool,
      AssignmentPolicy assignment, ScoringPolicy scoring, IncentivePolicy incentives, List<Problem> earlier,
      Set<String> unreadable) {
    PlaybookValidator validator = new PlaybookValidator(roles, earlier, unreadable);
    validator.check(name, customFields, pipeline, pool, assignment, scoring);
    validator.checkIncentives(incentives, pipeline, zone);
    if (!validator.context.problems().isEmpty()) {
      throw new ValidationException(validator.context.problems());
    }
    return new Playbook(name, zone, currency, roles, customFields, pipeline, pool, assignment, scoring, incentives);
  }

  private void check(String name, Map<EntityKind, List<FieldDefinition>> customFields,
      @Nullable PipelineDefinition pipeline, PoolPolicy pool, AssignmentPolicy assignment, ScoringPolicy scoring) {
    if (name.isBlank()) {
      context.problem("name", "must not be blank");
    }
    checkRoles();
    PipelineDefinition known = placeholderPipeline(pipeline);
    Map<EntityKind, FieldSchema> schemas = new EnumMap<>(EntityKind.class);
    for (EntityKind kind : EntityKind.values()) {
      List<FieldDefinition> usable = checkCustomFields(kind, customFields.getOrDefault(kind, List.of()), known);
      schemas.put(kind, FieldSchema.of(kind, Playbook.builtInFields(kind, known), usable));
    }
    dealSchema = schemas.get(EntityKind.DEAL);
    if (pipeline == null) {
      if (!context.isUnreadable("pipeline")) {
        context.problem("pipeline", "a playbook needs a pipeline");
      }
    } else {
      new PipelineSectionValidator(context, roles, schemas.get(EntityKind.DEAL)).check(pipeline);
    }
    if (!context.isUnreadable("assignment")) {
      new AssignmentSectionValidator(context, schemas.get(EntityKind.LEAD)).check(assignment);
    }
    if (!context.isUnreadable("pool")) {
      new PoolSectionValidator(context, schemas.get(EntityKind.ACCOUNT)).check(pool);
    }
    if (!context.isUnreadable("scoring")) {
      new ScoringSectionValidator(context, schemas).check(scoring);
    }
  }

  /** Hands the incentives section to its validator, with the deal schema its SPIFF criteria use. */
  private void checkIncentives(IncentivePolicy incentives, @Nullable PipelineDefinition pipeline, ZoneId zone) {
    if (!context.isUnreadable("incentives") && dealSchema != null) {
      new IncentivesSectionValidator(context, dealSchema, placeholderPipeline(pipeline), roles, zone)
          .check(incentives);
    }
  }

  /** The pipeline, or a stand-in for deriving built-in fields of a playbook whose pipeline is missing. */
  private static PipelineDefinition placeholderPipeline(@Nullable PipelineDefinition pipeline) {
    return pipeline != null ? pipeline : PipelineDefinition.builder("none", "none").build();
  }

  private void checkRoles() {
    Map<String, String> firstAt = new HashMap<>();
    for (int i = 0; i < roles.size(); i++) {
      String path = "roles[" + i + "]";
      if (context.isUnreadable(path)) {
        continue;
      }
      String role = roles.get(i);
      if (role.equals(StageDefinition.OWNER)) {
        context.problem(path, "'" + StageDefinition.OWNER + "' is reserved for the deal owner");
      } else if (!KEY.matcher(role).matches()) {
        context.problem(path, "invalid role '" + role + "': expected lower snake case " + KEY.pattern());
      } else {
        String first = firstAt.putIfAbsent(role, path);
        if (first != null) {
          context.problem(path, "duplicate role '" + role + "' (first at " + first + ")");
        }
      }
    }
  }

  /** Reports clashes and duplicates; returns the fields that can go into a schema without clashing. */
  private List<FieldDefinition> checkCustomFields(EntityKind kind, List<FieldDefinition> fields,
      PipelineDefinition pipeline) {
    List<String> builtIns = Playbook.builtInFields(kind, pipeline).stream().map(FieldDefinition::name).toList();
    Map<String, String> firstAt = new HashMap<>();
    List<FieldDefinition> usable = new ArrayList<>();
    for (int i = 0; i < fields.size(); i++) {
      String path = "fields." + kind.jsonName() + "[" + i + "]";
      if (context.isUnreadable(path)) {
        context.unreadableField(kind, fields.get(i).name());
        continue;
      }
      FieldDefinition field = fields.get(i);
      if (field.builtIn()) {
        context.problem(path, "a custom field cannot be marked built-in");
        continue;
      }
      if (builtIns.contains(field.name())) {
        context.problem(path + ".name", "'" + field.name() + "' is a built-in " + kind.jsonName() + " field");
        continue;
      }
      String first = firstAt.putIfAbsent(field.name(), path);
      if (first != null) {
        context.problem(path + ".name", "duplicate field '" + field.name() + "' (first at " + first + ")");
        continue;
      }
      usable.add(field);
    }
    return usable;
  }
}
