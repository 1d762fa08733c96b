package dev.relay.playbook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relay.common.DidYouMean;
import dev.relay.common.Problem;
import dev.relay.common.ValidationException;
import dev.relay.criteria.Criteria;
import dev.relay.criteria.CriteriaJson;
import dev.relay.fields.EntityKind;
import dev.relay.fields.FieldDefinition;
import dev.relay.fields.FieldType;
import dev.relay.pipeline.ApprovalRule;
import dev.relay.pipeline.Approver;
import dev.relay.pipeline.BackMovePolicy;
import dev.relay.pipeline.LostReason;
import dev.relay.pipeline.PipelineDefinition;
import dev.relay.pipeline.StageDefinition;
import dev.relay.pool.ClaimRules;
import dev.relay.pool.ConflictPolicy;
import dev.relay.pool.DuplicatePolicy;
import dev.relay.pool.Exemptions;
import dev.relay.pool.PoolDefinition;
import dev.relay.pool.PoolPolicy;
import dev.relay.pool.RecycleRule;
import dev.relay.pool.RecycleTrigger;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The structural pass over a playbook's JSON tree: unknown keys, wrong JSON types, missing required keys, unknown
 * field types, zones, currencies, durations and named choices (back-move, duplicate and conflict policies, recycle
 * triggers). It builds the model as far as it can, standing in placeholders for elements it cannot read (and telling
 * the validator their paths), then hands everything to {@link PlaybookValidator} so that one {@link
 * ValidationException} lists the structural and the semantic problems together. One instance reads one document.
 */
final class PlaybookJsonReader {
  static final List<String> TOP_KEYS = List.of("name", "zone", "currency", "roles", "fields", "pipeline", "pool");
  static final List<String> FIELD_KEYS = List.of("name", "type", "label", "options");
  static final List<String> PIPELINE_KEYS =
      List.of("key", "label", "stages", "won_stage", "lost_reasons", "back_moves");
  static final List<String> STAGE_KEYS =
      List.of("key", "label", "probability", "gate", "approvals", "sla", "responsible", "skippable");
  static final List<String> APPROVAL_KEYS = List.of("key", "label", "when", "approver");
  static final List<String> APPROVER_KEYS = List.of("manager_of", "role", "rep");
  static final List<String> LOST_REASON_KEYS = List.of("key", "label", "requires_note");
  static final List<String> POOL_KEYS = List.of("default_region", "duplicates", "similar_name_threshold", "conflicts",
      "reveal_owner", "grade_field", "registration_protection", "transfer", "pools");
  static final List<String> TRANSFER_KEYS = List.of("needs_approval", "deals_follow", "tasks_follow");
  static final List<String> POOL_DEFINITION_KEYS =
      List.of("key", "label", "accounts", "member_teams", "claim", "recycle", "exempt");
  static final List<String> CLAIM_KEYS = List.of("max_owned", "count_won", "max_locked", "max_claims_per_day",
      "reclaim_cooldown", "protection");
  static final List<String> RECYCLE_KEYS =
      List.of("key", "label", "trigger", "when", "days", "default_days", "warn_days_before");
  static final List<String> EXEMPT_KEYS = List.of("locked", "customers", "open_contracts", "when");
  private static final List<String> KIND_KEYS = Stream.of(EntityKind.values()).map(EntityKind::jsonName).toList();
  private static final List<String> FIELD_TYPES = Stream.of(FieldType.values()).map(FieldType::jsonName).toList();

  /**
   * The name of placeholder fields whose own name could not be read. Should a real field share it, criteria using that
   * field merely go unchecked in a document that is already invalid.
   */
  private static final String UNNAMED = "unnamed";

  private final List<Problem> problems = new ArrayList<>();
  private final Set<String> unreadable = new HashSet<>();

  /** @throws ValidationException listing every structural and semantic problem */
  Playbook read(JsonNode root) {
    JsonObjectReader top = JsonObjectReader.of(root, "", problems, TOP_KEYS);
    if (top == null) {
      throw new ValidationException(problems);
    }
    String name = orElse(top.string("name", false), Playbook.DEFAULT_NAME);
    ZoneId zone = zone(top);
    Currency currency = currency(top);
    List<String> roles = roles(top);
    Map<EntityKind, List<FieldDefinition>> fields = fields(top);
    PipelineDefinition pipeline = pipeline(top);
    PoolPolicy pool = pool(top);
    return PlaybookValidator.validated(name, zone, currency, roles, fields, pipeline, pool, problems, unreadable);
  }

  private ZoneId zone(JsonObjectReader top) {
    String id = top.string("zone", false);
    if (id == null) {
      return Playbook.DEFAULT_ZONE;
    }
    try {
      return ZoneId.of(id);
    } catch (DateTimeException e) {
      String close = DidYouMean.closest(id, new TreeSet<>(ZoneId.getAvailableZoneIds()));
      problem(top.path("zone"), "unknown time zone '" + id + "'" + (close != null ? " (did you mean '" + close + "'?)"
          : " (expected a region like 'Asia/Shanghai' or an offset like '+08:00')"));
      return Playbook.DEFAULT_ZONE;
    }
  }

  private Currency currency(JsonObjectReader top) {
    String code = top.string("currency", false);
    if (code == null) {
      return Playbook.DEFAULT_CURRENCY;
    }
    try {
      return Currency.getInstance(code);
    } catch (IllegalArgumentException e) {
      String upper = code.toUpperCase(java.util.Locale.ROOT);
      boolean upperIsKnown =
          Currency.getAvailableCurrencies().stream().anyMatch(c -> c.getCurrencyCode().equals(upper));
      problem(top.path("currency"), "unknown currency code '" + code + "'"
          + (upperIsKnown ? " (did you mean '" + upper + "'?)" : " (expected an ISO 4217 code like 'CNY')"));
      return Playbook.DEFAULT_CURRENCY;
    }
  }

  private List<String> roles(JsonObjectReader top) {
    return strings(top, "roles");
  }

  /**
   * An optional array of strings; empty if absent. The array, if it is not one, and each element that is not a string
   * are reported and marked unreadable, the elements standing in as placeholders.
   */
  private List<String> strings(JsonObjectReader o, String key) {
    List<JsonNode> items = o.array(key, false);
    List<String> out = new ArrayList<>();
    if (items == null) {
      if (o.has(key)) {
        unreadable.add(o.path(key));
      }
      return out;
    }
    for (int i = 0; i < items.size(); i++) {
      String path = o.path(key) + "[" + i + "]";
      JsonNode item = items.get(i);
      if (item.isTextual()) {
        out.add(item.textValue());
      } else {
        problem(path, "expected a string, got " + JsonObjectReader.describe(item));
        unreadable.add(path);
        out.add(placeholder(path));
      }
    }
    return out;
  }

  private Map<EntityKind, List<FieldDefinition>> fields(JsonObjectReader top) {
    Map<EntityKind, List<FieldDefinition>> out = new EnumMap<>(EntityKind.class);
    JsonNode node = top.node("fields", false);
    if (node == null) {
      return out;
    }
    JsonObjectReader byKind = JsonObjectReader.of(node, top.path("fields"), problems, KIND_KEYS);
    if (byKind == null) {
      unreadable.add("fields");
      return out;
    }
    for (EntityKind kind : EntityKind.values()) {
      List<JsonNode> items = byKind.array(kind.jsonName(), false);
      if (items == null && byKind.has(kind.jsonName())) {
        unreadable.add(byKind.path(kind.jsonName()));
      }
      List<FieldDefinition> fields = new ArrayList<>();
      for (int i = 0; items != null && i < items.size(); i++) {
        fields.add(field(items.get(i), byKind.path(kind.jsonName()) + "[" + i + "]"));
      }
      out.put(kind, fields);
    }
    return out;
  }

  private FieldDefinition field(JsonNode node, String path) {
    JsonObjectReader o = JsonObjectReader.of(node, path, problems, FIELD_KEYS);
    if (o == null) {
      unreadable.add(path);
      return FieldDefinition.custom(UNNAMED, FieldType.STRING);
    }
    int before = problems.size();
    String name = o.string("name", true);
    boolean validName = name != null && FieldDefinition.NAME.matcher(name).matches();
    if (name != null && !validName) {
      problem(o.path("name"), "invalid field name '" + name + "': expected lower snake case "
          + FieldDefinition.NAME.pattern());
    }
    // The placeholder keeps a readable name so that the validator can leave criteria using it unchecked.
    FieldDefinition placeholder = FieldDefinition.custom(validName ? name : UNNAMED, FieldType.STRING);
    String typeName = o.string("type", true);
    FieldType type = typeName == null ? null : FieldType.fromJson(typeName);
    if (typeName != null && type == null) {
      problem(o.path("type"),
          "unknown field type '" + typeName + "'" + DidYouMean.hint(typeName, FIELD_TYPES, "types"));
    }
    String label = o.string("label", false);
    List<String> options = options(o);
    if (type != null && options != null) {
      if (type.hasOptions() && options.isEmpty()) {
        problem(o.path("options"), "a field of type " + type.jsonName() + " needs options");
      } else if (!type.hasOptions() && !options.isEmpty()) {
        problem(o.path("options"), "a field of type " + type.jsonName() + " takes no options");
      }
    }
    if (problems.size() > before || name == null || type == null || options == null) {
      unreadable.add(path);
      return placeholder;
    }
    return new FieldDefinition(name, type, options, orElse(label, name), false);
  }

  /** The options as written (empty if absent), or {@code null} if they could not be read. */
  private @Nullable List<String> options(JsonObjectReader o) {
    List<JsonNode> items = o.array("options", false);
    if (items == null) {
      return o.has("options") ? null : List.of();
    }
    List<String> options = new ArrayList<>();
    boolean readable = true;
    for (int k = 0; k < items.size(); k++) {
      String path = o.path("options") + "[" + k + "]";
      JsonNode item = items.get(k);
      if (!item.isTextual()) {
        problem(path, "expected a string, got " + JsonObjectReader.describe(item));
        readable = false;
      } else if (options.contains(item.textValue())) {
        problem(path, "duplicate option '" + item.textValue() + "'");
        readable = false;
      } else {
        options.add(item.textValue());
      }
    }
    return readable ? options : null;
  }

  private @Nullable PipelineDefinition pipeline(JsonObjectReader top) {
    JsonNode node = top.node("pipeline", true);
    JsonObjectReader o = node == null ? null : JsonObjectReader.of(node, top.path("pipeline"), problems, PIPELINE_KEYS);
    if (o == null) {
      unreadable.add("pipeline");
      return null;
    }
    String key = orElse(o.string("key", true), "pipeline");
    PipelineDefinition.Builder pipeline = PipelineDefinition.builder(key, orElse(o.string("label", false), key));
    List<JsonNode> stages = o.array("stages", true);
    if (stages == null) {
      unreadable.add(o.path("stages"));
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
      unreadable.add(o.path("lost_reasons"));
    } else {
      for (int i = 0; i < reasons.size(); i++) {
        pipeline.lostReason(lostReason(reasons.get(i), o.path("lost_reasons") + "[" + i + "]"));
      }
    }
    BackMovePolicy backMoves = choice(o, "back_moves", false, BackMovePolicy.values(), BackMovePolicy::jsonName,
        "back-move policy", "policies");
    if (backMoves != null) {
      pipeline.backMoves(backMoves);
    }
    return pipeline.build();
  }

  private StageDefinition stage(JsonNode node, String path) {
    JsonObjectReader o = JsonObjectReader.of(node, path, problems, STAGE_KEYS);
    if (o == null) {
      unreadable.add(path);
      return StageDefinition.builder(placeholder(path), path, 0).build();
    }
    String key = o.string("key", true);
    Integer probability = o.integer("probability", true);
    if (key == null || probability == null) {
      unreadable.add(path);
    }
    String stageKey = orElse(key, placeholder(path));
    StageDefinition.Builder stage = StageDefinition.builder(stageKey, orElse(o.string("label", false), stageKey),
        probability == null ? 0 : probability);
    stage.gate(criteria(o, "gate", Criteria.always()));
    List<JsonNode> approvals = o.array("approvals", false);
    for (int j = 0; approvals != null && j < approvals.size(); j++) {
      ApprovalRule approval = approval(approvals.get(j), o.path("approvals") + "[" + j + "]");
      stage.approval(approval.key(), approval.label(), approval.when(), approval.approver());
    }
    Duration sla = duration(o, "sla");
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
    JsonObjectReader o = JsonObjectReader.of(node, path, problems, APPROVAL_KEYS);
    if (o == null) {
      unreadable.add(path);
      return new ApprovalRule(placeholder(path), path, Criteria.always(), Approver.ownersManager());
    }
    String key = o.string("key", true);
    String label = o.string("label", false);
    Criteria when = criteria(o, "when", Criteria.always());
    Approver approver = approver(o);
    if (key == null || approver == null) {
      unreadable.add(path);
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
    int before = problems.size();
    JsonObjectReader o = JsonObjectReader.of(node, approval.path("approver"), problems, APPROVER_KEYS);
    if (o == null) {
      return null;
    }
    List<String> given = APPROVER_KEYS.stream().filter(o::has).toList();
    if (given.size() != 1) {
      if (given.size() > 1 || problems.size() == before) {
        problem(o.path(), (given.isEmpty() ? "expected" : "give only") + " one of 'manager_of', 'role' or 'rep'");
      }
      return null;
    }
    String value = o.string(given.get(0), true);
    if (value == null) {
      return null;
    }
    switch (given.get(0)) {
      case "manager_of":
        if (!value.equals(StageDefinition.OWNER)) {
          problem(o.path("manager_of"), "only '" + StageDefinition.OWNER + "' is supported, got '" + value + "'");
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
    JsonObjectReader o = JsonObjectReader.of(node, path, problems, LOST_REASON_KEYS);
    if (o == null) {
      unreadable.add(path);
      return LostReason.of(placeholder(path), path);
    }
    String key = o.string("key", true);
    if (key == null) {
      unreadable.add(path);
    }
    String reasonKey = orElse(key, placeholder(path));
    String label = o.string("label", false);
    Boolean requiresNote = o.bool("requires_note", false);
    return new LostReason(reasonKey, orElse(label, reasonKey), requiresNote != null && requiresNote);
  }

  /** The pool section; {@link PoolPolicy#defaults()} if absent, and each absent key takes its default. */
  private PoolPolicy pool(JsonObjectReader top) {
    JsonNode node = top.node("pool", false);
    if (node == null) {
      return PoolPolicy.defaults();
    }
    JsonObjectReader o = JsonObjectReader.of(node, top.path("pool"), problems, POOL_KEYS);
    if (o == null) {
      unreadable.add("pool");
      return PoolPolicy.defaults();
    }
    PoolPolicy.Builder pool = PoolPolicy.builder();
    set(o.string("default_region", false), pool::defaultRegion);
    set(choice(o, "duplicates", false, DuplicatePolicy.values(), DuplicatePolicy::jsonName, "duplicate policy",
        "policies"), pool::duplicates);
    set(o.number("similar_name_threshold", false), pool::similarNameThreshold);
    set(choice(o, "conflicts", false, ConflictPolicy.values(), ConflictPolicy::jsonName, "conflict policy",
        "policies"), pool::conflicts);
    set(o.bool("reveal_owner", false), pool::revealOwner);
    String gradeField = o.string("grade_field", false);
    if (gradeField != null) {
      pool.gradeField(gradeField);
    } else if (o.has("grade_field")) {
      unreadable.add(o.path("grade_field"));
    }
    set(duration(o, "registration_protection"), pool::registrationProtection);
    transfer(o, pool);
    List<JsonNode> pools = o.array("pools", false);
    if (pools != null) {
      List<PoolDefinition> definitions = new ArrayList<>();
      for (int i = 0; i < pools.size(); i++) {
        definitions.add(poolDefinition(pools.get(i), o.path("pools") + "[" + i + "]"));
      }
      pool.pools(definitions);
    } else if (o.has("pools")) {
      unreadable.add(o.path("pools"));
      pool.pools(List.of());
    }
    return pool.build();
  }

  private void transfer(JsonObjectReader poolSection, PoolPolicy.Builder pool) {
    JsonNode node = poolSection.node("transfer", false);
    JsonObjectReader o =
        node == null ? null : JsonObjectReader.of(node, poolSection.path("transfer"), problems, TRANSFER_KEYS);
    if (o == null) {
      return;
    }
    set(o.bool("needs_approval", false), pool::transferNeedsApproval);
    set(o.bool("deals_follow", false), pool::dealsFollowTransfer);
    set(o.bool("tasks_follow", false), pool::tasksFollowTransfer);
  }

  private PoolDefinition poolDefinition(JsonNode node, String path) {
    JsonObjectReader o = JsonObjectReader.of(node, path, problems, POOL_DEFINITION_KEYS);
    if (o == null) {
      unreadable.add(path);
      return PoolDefinition.builder(placeholder(path), path).build();
    }
    String key = o.string("key", true);
    if (key == null) {
      unreadable.add(path);
    }
    String poolKey = orElse(key, placeholder(path));
    PoolDefinition.Builder pool = PoolDefinition.builder(poolKey, orElse(o.string("label", false), poolKey))
        .accounts(criteria(o, "accounts", Criteria.always()))
        .memberTeams(strings(o, "member_teams").toArray(String[]::new))
        .claim(claim(o));
    List<JsonNode> rules = o.array("recycle", false);
    for (int j = 0; rules != null && j < rules.size(); j++) {
      pool.recycle(recycleRule(rules.get(j), o.path("recycle") + "[" + j + "]"));
    }
    return pool.exempt(exemptions(o)).build();
  }

  private ClaimRules claim(JsonObjectReader pool) {
    JsonNode node = pool.node("claim", false);
    JsonObjectReader o = node == null ? null : JsonObjectReader.of(node, pool.path("claim"), problems, CLAIM_KEYS);
    if (o == null) {
      return ClaimRules.unlimited();
    }
    ClaimRules.Builder claim = ClaimRules.builder();
    set(o.integer("max_owned", false), claim::maxOwned);
    set(o.bool("count_won", false), claim::countWon);
    set(o.integer("max_locked", false), claim::maxLocked);
    set(o.integer("max_claims_per_day", false), claim::maxClaimsPerDay);
    set(duration(o, "reclaim_cooldown"), claim::reclaimCooldown);
    set(duration(o, "protection"), claim::protection);
    return claim.build();
  }

  private RecycleRule recycleRule(JsonNode node, String path) {
    JsonObjectReader o = JsonObjectReader.of(node, path, problems, RECYCLE_KEYS);
    if (o == null) {
      unreadable.add(path);
      return RecycleRule.builder(placeholder(path), path, RecycleTrigger.NO_FOLLOW_UP).build();
    }
    String key = o.string("key", true);
    String label = o.string("label", false);
    RecycleTrigger trigger = choice(o, "trigger", true, RecycleTrigger.values(), RecycleTrigger::jsonName,
        "recycle trigger", "triggers");
    Criteria when = criteria(o, "when", Criteria.always());
    Map<String, Integer> days = days(o);
    Integer defaultDays = o.integer("default_days", true);
    Integer warnDaysBefore = o.integer("warn_days_before", false);
    if (key == null || trigger == null || defaultDays == null) {
      unreadable.add(path);
    }
    String ruleKey = orElse(key, placeholder(path));
    RecycleRule.Builder rule = RecycleRule.builder(ruleKey, orElse(label, ruleKey),
            trigger == null ? RecycleTrigger.NO_FOLLOW_UP : trigger)
        .when(when)
        .defaultDays(defaultDays == null ? 0 : defaultDays)
        .warnDaysBefore(warnDaysBefore == null ? 0 : warnDaysBefore);
    days.forEach(rule::days);
    return rule.build();
  }

  /** Days per grade as written; entries that are not integers are reported, and the map is marked unreadable. */
  private Map<String, Integer> days(JsonObjectReader rule) {
    Map<String, Integer> out = new LinkedHashMap<>();
    JsonNode node = rule.node("days", false);
    if (node == null) {
      return out;
    }
    int before = problems.size();
    JsonObjectReader o = JsonObjectReader.ofAnyKeys(node, rule.path("days"), problems);
    for (int i = 0; o != null && i < o.keys().size(); i++) {
      String grade = o.keys().get(i);
      Integer days = o.integer(grade, false);
      if (days != null) {
        out.put(grade, days);
      }
    }
    if (problems.size() > before) {
      unreadable.add(rule.path("days"));
    }
    return out;
  }

  private Exemptions exemptions(JsonObjectReader pool) {
    Exemptions standard = Exemptions.standard();
    JsonNode node = pool.node("exempt", false);
    JsonObjectReader o = node == null ? null : JsonObjectReader.of(node, pool.path("exempt"), problems, EXEMPT_KEYS);
    if (o == null) {
      return standard;
    }
    return new Exemptions(
        orElse(o.bool("locked", false), standard.locked()),
        orElse(o.bool("customers", false), standard.customers()),
        orElse(o.bool("open_contracts", false), standard.openContracts()),
        criteria(o, "when", standard.when()));
  }

  /**
   * One of a closed set of names under a key, e.g. a back-move policy; {@code null} if absent (reported if required)
   * or unknown (reported with a "did you mean" or the list of names).
   */
  private <E> @Nullable E choice(JsonObjectReader o, String key, boolean required, E[] values,
      Function<E, String> jsonName, String what, String noun) {
    String name = o.string(key, required);
    if (name == null) {
      return null;
    }
    for (E value : values) {
      if (jsonName.apply(value).equals(name)) {
        return value;
      }
    }
    List<String> names = Stream.of(values).map(jsonName).toList();
    problem(o.path(key), "unknown " + what + " '" + name + "'" + DidYouMean.hint(name, names, noun));
    return null;
  }

  /** Criteria under a key; {@code absent} if absent or unreadable (the problems are reported). */
  private Criteria criteria(JsonObjectReader o, String key, Criteria absent) {
    JsonNode node = o.node(key, false);
    if (node == null) {
      return absent;
    }
    int before = problems.size();
    Criteria criteria = CriteriaJson.read(node, o.path(key), problems);
    return criteria == null || problems.size() > before ? absent : criteria;
  }

  private @Nullable Duration duration(JsonObjectReader o, String key) {
    String text = o.string(key, false);
    if (text == null) {
      return null;
    }
    try {
      return Duration.parse(text);
    } catch (DateTimeParseException e) {
      problem(o.path(key), "expected an ISO-8601 duration like 'PT72H' or 'P3D', got '" + text + "'");
      return null;
    }
  }

  /** Hands a value that was given to a builder's setter. */
  private static <T> void set(@Nullable T value, Consumer<T> setter) {
    if (value != null) {
      setter.accept(value);
    }
  }

  /** A stand-in key no author can write (keys are lower snake case), so it never matches a reference. */
  private static String placeholder(String path) {
    return "#" + path;
  }

  private static <T> T orElse(@Nullable T value, T fallback) {
    return value != null ? value : fallback;
  }

  private void problem(String path, String message) {
    problems.add(new Problem(path, message));
  }
}
