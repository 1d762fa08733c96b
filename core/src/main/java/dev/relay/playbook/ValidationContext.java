package dev.relay.playbook;

import dev.relay.common.Problem;
import dev.relay.criteria.Criteria;
import dev.relay.criteria.CriteriaCompiler;
import dev.relay.fields.EntityKind;
import dev.relay.fields.FieldDefinition;
import dev.relay.fields.FieldSchema;
import dev.relay.fields.FieldType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What the semantic pass over one playbook has found so far, shared by the section validators: the problems, the
 * paths the reader could not read (not to be checked again), the custom fields whose declarations were unreadable
 * (criteria using them go unchecked), and the checks every section makes: keys, labels, criteria, grade fields, lists
 * of names, positive and non-negative values.
 */
final class ValidationContext {
  /** Keys of stages, lost reasons, approvals, pools, rules, groups, the pipeline, and role names: lower snake case. */
  static final Pattern KEY = FieldDefinition.NAME;

  private final List<Problem> problems = new ArrayList<>();
  private final Set<String> unreadable;
  /** Names of fields whose declarations could not be read, by kind: criteria using them are not type-checked. */
  private final Map<EntityKind, Set<String>> unreadableFields = new EnumMap<>(EntityKind.class);

  ValidationContext(List<Problem> earlier, Set<String> unreadable) {
    this.problems.addAll(earlier);
    this.unreadable = unreadable;
  }

  List<Problem> problems() {
    return problems;
  }

  void problem(String path, String message) {
    problems.add(new Problem(path, message));
  }

  /** Whether the element at {@code path} is a placeholder the reader could not read (its problems are reported). */
  boolean isUnreadable(String path) {
    return unreadable.contains(path);
  }

  /** Notes a custom field whose declaration could not be read, so that criteria using it are not type-checked. */
  void unreadableField(EntityKind kind, String name) {
    unreadableFields.computeIfAbsent(kind, k -> new HashSet<>()).add(name);
  }

  /** Whether the custom fields of a kind could be read as a list, so that references to them can be checked. */
  boolean fieldsKnown(EntityKind kind) {
    return !unreadable.contains("fields") && !unreadable.contains("fields." + kind.jsonName());
  }

  /** Whether references to {@code field} of a kind can be checked: its kind's list and its declaration were read. */
  boolean fieldKnown(EntityKind kind, String field) {
    return fieldsKnown(kind) && !unreadableFields.getOrDefault(kind, Set.of()).contains(field);
  }

  void checkCriteria(Criteria criteria, FieldSchema schema, String path) {
    if (criteria.fields().stream().allMatch(f -> fieldKnown(schema.kind(), f))) {
      problems.addAll(CriteriaCompiler.check(criteria, schema, path));
    }
  }

  /**
   * Checks the key of the element at {@code path} (at {@code path.key}): lower snake case and, among its siblings, the
   * first of its name; {@code firstAt} maps the keys seen so far to their elements' paths.
   */
  void checkUniqueKey(String path, String what, String key, Map<String, String> firstAt) {
    if (checkKey(path + ".key", what, key)) {
      String first = firstAt.putIfAbsent(key, path);
      if (first != null) {
        problem(path + ".key", "duplicate " + what + " '" + key + "' (first at " + first + ")");
      }
    }
  }

  boolean checkKey(String path, String what, String key) {
    if (KEY.matcher(key).matches()) {
      return true;
    }
    problem(path, "invalid " + what + " '" + key + "': expected lower snake case " + KEY.pattern());
    return false;
  }

  void checkLabel(String path, String label) {
    if (label.isBlank()) {
      problem(path, "must not be blank");
    }
  }

  /**
   * Checks a list of names given by the host (teams, reps, levels) at {@code path}: each non-blank and the first of its
   * name ({@code duplicate <what> 'x' (first at path[0])}). Returns whether every element could be read and is fine.
   */
  boolean checkNames(List<String> names, String path, String what) {
    Map<String, String> firstAt = new HashMap<>();
    boolean fine = true;
    for (int i = 0; i < names.size(); i++) {
      String namePath = path + "[" + i + "]";
      if (unreadable.contains(namePath)) {
        fine = false;
        continue;
      }
      String name = names.get(i);
      if (name.isBlank()) {
        problem(namePath, "must not be blank");
        fine = false;
        continue;
      }
      String first = firstAt.putIfAbsent(name, namePath);
      if (first != null) {
        problem(namePath, "duplicate " + what + " '" + name + "' (first at " + first + ")");
        fine = false;
      }
    }
    return fine;
  }

  void checkPositive(String path, @Nullable Integer value) {
    if (value != null && value <= 0) {
      problem(path, "must be positive, got " + value);
    }
  }

  void checkPositive(String path, Duration duration) {
    if (duration.isNegative() || duration.isZero()) {
      problem(path, "must be positive, got " + PlaybookJson.durationText(duration));
    }
  }

  void checkNotNegative(String path, int value) {
    if (value < 0) {
      problem(path, "must not be negative, got " + value);
    }
  }

  void checkNotNegative(String path, Duration duration) {
    if (duration.isNegative()) {
      problem(path, "must not be negative, got " + PlaybookJson.durationText(duration));
    }
  }

  /**
   * The grades a section's {@code grade_field} (at {@code path}) gives, after checking that it names an enum field of
   * the schema.
   */
  Grades grades(String path, @Nullable String gradeField, FieldSchema schema) {
    Grades unknown = new Grades(false, gradeField, List.of());
    if (unreadable.contains(path)) {
      return unknown;
    }
    if (gradeField == null) {
      return new Grades(true, null, List.of());
    }
    FieldDefinition field = declaredField(path, gradeField, schema);
    if (field == null) {
      return unknown;
    }
    if (field.type() != FieldType.ENUM) {
      problem(path, "'" + gradeField + "' is " + describe(field.type()) + "; a grade field must be an enum");
      return unknown;
    }
    return new Grades(true, gradeField, field.options());
  }

  /**
   * The field a setting (at {@code path}) names, or {@code null} when it is not declared (reported, with a "did you
   * mean") or its declaration could not be read (not reported again).
   */
  @Nullable FieldDefinition declaredField(String path, String name, FieldSchema schema) {
    if (!fieldKnown(schema.kind(), name)) {
      return null;
    }
    FieldDefinition field = schema.field(name).orElse(null);
    if (field == null) {
      String close = schema.suggest(name);
      problem(path, "unknown " + schema.kind().jsonName() + " field '" + name + "'"
          + (close != null ? " (did you mean '" + close + "'?)" : ""));
    }
    return field;
  }

  /** A field type as a problem message names it: {@code a decimal field}, {@code an enum_list field}. */
  static String describe(FieldType type) {
    String name = type.jsonName();
    return ("aeiou".indexOf(name.charAt(0)) >= 0 ? "an " : "a ") + name + " field";
  }

  /**
   * What per-grade settings may be keyed by: {@code known} is false when nothing can be said (the grade field or its
   * declaration could not be read, or it is itself wrong and reported); {@code field} is null when there is no grade
   * field; {@code options} are the grades.
   */
  record Grades(boolean known, @Nullable String field, List<String> options) {
    /** Whether per-grade settings are known to lack the grade field they need. */
    boolean missing() {
      return known && field == null;
    }

    /** Reports {@code grade} (at {@code path}) unless it is one of the grades or they are not known. */
    void check(ValidationContext context, String path, String grade) {
      if (known && field != null && !options.contains(grade)) {
        context.problem(path, "'" + grade + "' is not a grade of field '" + field + "' (grades: "
            + String.join(", ", options) + ")");
      }
    }
  }
}
