package dev.relay.playbook;

import dev.relay.common.Problem;
import dev.relay.common.ValidationException;
import dev.relay.criteria.Criteria;
import dev.relay.criteria.CriteriaCompiler;
import dev.relay.fields.EntityKind;
import dev.relay.fields.FieldDefinition;
import dev.relay.fields.FieldSchema;
import dev.relay.fields.FieldType;
import dev.relay.pipeline.ApprovalRule;
import dev.relay.pipeline.Approver;
import dev.relay.pipeline.DealFields;
import dev.relay.pipeline.LostReason;
import dev.relay.pipeline.PipelineDefinition;
import dev.relay.pipeline.StageDefinition;
import dev.relay.pool.ClaimRules;
import dev.relay.pool.PoolDefinition;
import dev.relay.pool.PoolPolicy;
import dev.relay.pool.RecycleRule;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
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
 * use a field whose declaration was unreadable, recycle days against an unreadable grade field), so that one mistake
 * gives one problem.
 *
 * <p>Recycle rules: every allowance ({@code days} per grade and {@code default_days}) is a positive number of days,
 * and the warning comes strictly before the shortest of them, so that every account is warned before it is recycled.
 */
final class PlaybookValidator {
  /** Keys of stages, lost reasons, approvals, the pipeline, and role names: lower snake case. */
  static final Pattern KEY = FieldDefinition.NAME;
  /** ISO 3166 alpha-2 regions, for the pool's default phone region. */
  private static final Set<String> REGIONS = Set.of(Locale.getISOCountries());

  private final List<Problem> problems = new ArrayList<>();
  private final Set<String> unreadable;
  private final List<String> roles;
  /** Names of fields whose declarations could not be read, by kind: criteria using them are not type-checked. */
  private final Map<EntityKind, Set<String>> unreadableFields = new EnumMap<>(EntityKind.class);

  private PlaybookValidator(List<String> roles, Set<String> unreadable) {
    this.roles = roles;
    this.unreadable = unreadable;
  }

  /** Validates a playbook built in Java. */
  static Playbook validated(String name, ZoneId zone, Currency currency, List<String> roles,
      Map<EntityKind, List<FieldDefinition>> customFields, @Nullable PipelineDefinition pipeline, PoolPolicy pool) {
    return validated(name, zone, currency, roles, customFields, pipeline, pool, List.of(), Set.of());
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
      List<Problem> earlier, Set<String> unreadable) {
    PlaybookValidator validator = new PlaybookValidator(roles, unreadable);
    validator.problems.addAll(earlier);
    validator.check(name, customFields, pipeline, pool);
    if (!validator.problems.isEmpty()) {
      throw new ValidationException(validator.problems);
    }
    return new Playbook(name, zone, currency, roles, customFields, pipeline, pool);
  }

  private void check(String name, Map<EntityKind, List<FieldDefinition>> customFields,
      @Nullable PipelineDefinition pipeline, PoolPolicy pool) {
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
    } else {
      FieldSchema dealSchema =
          FieldSchema.of(EntityKind.DEAL, DealFields.builtIns(pipeline), usable.get(EntityKind.DEAL));
      checkPipeline(pipeline, dealSchema);
    }
    if (!unreadable.contains("pool")) {
      FieldSchema accountSchema = FieldSchema.of(EntityKind.ACCOUNT,
          Playbook.builtInFields(EntityKind.ACCOUNT, placeholderPipeline(pipeline)), usable.get(EntityKind.ACCOUNT));
      checkPool(pool, accountSchema);
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
    List<String> builtIns =
        Playbook.builtInFields(kind, placeholderPipeline(pipeline)).stream().map(FieldDefinition::name).toList();
    Map<String, String> firstAt = new HashMap<>();
    List<FieldDefinition> usable = new ArrayList<>();
    for (int i = 0; i < fields.size(); i++) {
      String path = "fields." + kind.jsonName() + "[" + i + "]";
      if (unreadable.contains(path)) {
        unreadableFields.computeIfAbsent(kind, k -> new HashSet<>()).add(fields.get(i).name());
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
      checkUniqueKey(path, "stage key", stage.key(), firstAt);
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
      checkUniqueKey(path, "approval key", approval.key(), firstAt);
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
      checkUniqueKey(path, "lost reason key", reason.key(), firstAt);
      checkLabel(path + ".label", reason.label());
    }
  }

  private void checkCriteria(Criteria criteria, FieldSchema schema, String path) {
    Set<String> unreadableOfKind = unreadableFields.getOrDefault(schema.kind(), Set.of());
    if (fieldsKnown(schema.kind()) && criteria.fields().stream().noneMatch(unreadableOfKind::contains)) {
      problems.addAll(CriteriaCompiler.check(criteria, schema, path));
    }
  }

  /** Whether the custom fields of a kind could be read as a list, so that references to them can be checked. */
  private boolean fieldsKnown(EntityKind kind) {
    return !unreadable.contains("fields") && !unreadable.contains("fields." + kind.jsonName());
  }

  private void checkPool(PoolPolicy pool, FieldSchema accountSchema) {
    checkRegion(pool.defaultRegion());
    double threshold = pool.similarNameThreshold();
    if (!(threshold > 0 && threshold <= 1)) {
      problem("pool.similar_name_threshold", "must be greater than 0 and at most 1, got " + threshold);
    }
    Grades grades = grades(pool.gradeField(), accountSchema);
    checkNotNegative("pool.registration_protection", pool.registrationProtection());
    List<PoolDefinition> pools = pool.pools();
    if (pools.isEmpty() && !unreadable.contains("pool.pools")) {
      problem("pool.pools", "a pool section needs at least one pool");
    }
    Map<String, String> firstAt = new HashMap<>();
    for (int i = 0; i < pools.size(); i++) {
      String path = "pool.pools[" + i + "]";
      if (unreadable.contains(path)) {
        continue;
      }
      PoolDefinition definition = pools.get(i);
      checkUniqueKey(path, "pool key", definition.key(), firstAt);
      checkLabel(path + ".label", definition.label());
      checkCriteria(definition.accounts(), accountSchema, path + ".accounts");
      checkMemberTeams(definition.memberTeams(), path + ".member_teams");
      checkClaim(definition.claim(), path + ".claim");
      checkRecycleRules(definition.recycle(), grades, accountSchema, path);
      checkCriteria(definition.exempt().when(), accountSchema, path + ".exempt.when");
    }
  }

  private void checkRegion(String region) {
    if (REGIONS.contains(region)) {
      return;
    }
    String upper = region.toUpperCase(Locale.ROOT);
    problem("pool.default_region", "unknown region '" + region + "'" + (REGIONS.contains(upper)
        ? " (did you mean '" + upper + "'?)" : " (expected an ISO 3166 alpha-2 code like 'CN')"));
  }

  /**
   * What recycle days may be keyed by: {@code known} is false when nothing can be said (the grade field or its
   * declaration could not be read, or it is itself wrong and reported); {@code field} is null when there is no grade
   * field; {@code options} are the grades.
   */
  private record Grades(boolean known, @Nullable String field, List<String> options) {}

  private Grades grades(@Nullable String gradeField, FieldSchema accountSchema) {
    String path = "pool.grade_field";
    Grades unknown = new Grades(false, gradeField, List.of());
    if (unreadable.contains(path)) {
      return unknown;
    }
    if (gradeField == null) {
      return new Grades(true, null, List.of());
    }
    if (!fieldsKnown(EntityKind.ACCOUNT)
        || unreadableFields.getOrDefault(EntityKind.ACCOUNT, Set.of()).contains(gradeField)) {
      return unknown;
    }
    FieldDefinition field = accountSchema.field(gradeField).orElse(null);
    if (field == null) {
      String close = accountSchema.suggest(gradeField);
      problem(path, "unknown account field '" + gradeField + "'"
          + (close != null ? " (did you mean '" + close + "'?)" : ""));
      return unknown;
    }
    if (field.type() != FieldType.ENUM) {
      problem(path, "'" + gradeField + "' is a " + field.type().jsonName() + " field; a grade field must be an enum");
      return unknown;
    }
    return new Grades(true, gradeField, field.options());
  }

  private void checkMemberTeams(List<String> teams, String path) {
    Map<String, String> firstAt = new HashMap<>();
    for (int i = 0; i < teams.size(); i++) {
      String teamPath = path + "[" + i + "]";
      if (unreadable.contains(teamPath)) {
        continue;
      }
      String team = teams.get(i);
      if (team.isBlank()) {
        problem(teamPath, "must not be blank");
        continue;
      }
      String first = firstAt.putIfAbsent(team, teamPath);
      if (first != null) {
        problem(teamPath, "duplicate team '" + team + "' (first at " + first + ")");
      }
    }
  }

  private void checkClaim(ClaimRules claim, String path) {
    checkPositive(path + ".max_owned", claim.maxOwned());
    checkPositive(path + ".max_locked", claim.maxLocked());
    checkPositive(path + ".max_claims_per_day", claim.maxClaimsPerDay());
    checkNotNegative(path + ".reclaim_cooldown", claim.reclaimCooldown());
    checkNotNegative(path + ".protection", claim.protection());
  }

  private void checkRecycleRules(List<RecycleRule> rules, Grades grades, FieldSchema accountSchema,
      String poolPath) {
    Map<String, String> firstAt = new HashMap<>();
    for (int j = 0; j < rules.size(); j++) {
      String path = poolPath + ".recycle[" + j + "]";
      if (unreadable.contains(path)) {
        continue;
      }
      RecycleRule rule = rules.get(j);
      checkUniqueKey(path, "recycle rule key", rule.key(), firstAt);
      checkLabel(path + ".label", rule.label());
      checkCriteria(rule.when(), accountSchema, path + ".when");
      checkRecycleDays(rule, grades, path);
    }
  }

  private void checkRecycleDays(RecycleRule rule, Grades grades, String path) {
    boolean daysReadable = !unreadable.contains(path + ".days");
    int shortest = Integer.MAX_VALUE;
    if (daysReadable && !rule.days().isEmpty() && grades.known() && grades.field() == null) {
      problem(path + ".days", "days per grade need a grade field: set pool.grade_field");
    }
    for (String grade : PlaybookJson.gradeOrder(rule.days().keySet(), grades.options())) {
      int days = rule.days().get(grade);
      if (grades.known() && grades.field() != null && !grades.options().contains(grade)) {
        problem(path + ".days." + grade, "'" + grade + "' is not a grade of field '" + grades.field() + "' (grades: "
            + String.join(", ", grades.options()) + ")");
      }
      if (days <= 0) {
        problem(path + ".days." + grade, "must be positive, got " + days);
      } else {
        shortest = Math.min(shortest, days);
      }
    }
    if (rule.defaultDays() <= 0) {
      problem(path + ".default_days", "must be positive, got " + rule.defaultDays());
    } else {
      shortest = Math.min(shortest, rule.defaultDays());
    }
    int warn = rule.warnDaysBefore();
    if (warn < 0) {
      problem(path + ".warn_days_before", "must not be negative, got " + warn);
    } else if (daysReadable && warn >= shortest) {
      problem(path + ".warn_days_before",
          "must be less than the rule's shortest allowance of " + shortest + " days, got " + warn);
    }
  }

  private void checkPositive(String path, @Nullable Integer value) {
    if (value != null && value <= 0) {
      problem(path, "must be positive, got " + value);
    }
  }

  private void checkNotNegative(String path, Duration duration) {
    if (duration.isNegative()) {
      problem(path, "must not be negative, got " + PlaybookJson.durationText(duration));
    }
  }

  /**
   * Checks the key of the element at {@code path} (at {@code path.key}): lower snake case and, among its siblings, the
   * first of its name; {@code firstAt} maps the keys seen so far to their elements' paths.
   */
  private void checkUniqueKey(String path, String what, String key, Map<String, String> firstAt) {
    if (checkKey(path + ".key", what, key)) {
      String first = firstAt.putIfAbsent(key, path);
      if (first != null) {
        problem(path + ".key", "duplicate " + what + " '" + key + "' (first at " + first + ")");
      }
    }
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
