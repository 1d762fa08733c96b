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
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The structural pass over a playbook's JSON tree: unknown keys, wrong JSON types, missing required keys, unknown
 * field types, zones, currencies and durations. It builds the model as far as it can, standing in placeholders for
 * elements it cannot read (and telling the validator their paths), then hands everything to {@link
 * PlaybookValidator} so that one {@link ValidationException} lists the structural and the semantic problems together.
 * One instance reads one document.
 */
final class PlaybookJsonReader {
  static final List<String> TOP_KEYS = List.of("name", "zone", "currency", "roles", "fields", "pipeline");
  static final List<String> FIELD_KEYS = List.of("name", "type", "label", "options");
  static final List<String> PIPELINE_KEYS =
      List.of("key", "label", "stages", "won_stage", "lost_reasons", "back_moves");
  static final List<String> STAGE_KEYS =
      List.of("key", "label", "probability", "gate", "approvals", "sla", "responsible", "skippable");
  static final List<String> APPROVAL_KEYS = List.of("key", "label", "when", "approver");
  static final List<String> APPROVER_KEYS = List.of("manager_of", "role", "rep");
  static final List<String> LOST_REASON_KEYS = List.of("key", "label", "requires_note");
  private static final List<String> KIND_KEYS = Stream.of(EntityKind.values()).map(EntityKind::jsonName).toList();
  private static final List<String> FIELD_TYPES = Stream.of(FieldType.values()).map(FieldType::jsonName).toList();
  private static final List<String> BACK_MOVES =
      Stream.of(BackMovePolicy.values()).map(BackMovePolicy::jsonName).toList();

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
    return PlaybookValidator.validated(name, zone, currency, roles, fields, pipeline, problems, unreadable);
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
    List<JsonNode> items = top.array("roles", false);
    List<String> roles = new ArrayList<>();
    if (items == null) {
      if (top.has("roles")) {
        unreadable.add("roles");
      }
      return roles;
    }
    for (int i = 0; i < items.size(); i++) {
      String path = top.path("roles") + "[" + i + "]";
      JsonNode item = items.get(i);
      if (item.isTextual()) {
        roles.add(item.textValue());
      } else {
        problem(path, "expected a string, got " + JsonObjectReader.describe(item));
        unreadable.add(path);
        roles.add(placeholder(path));
      }
    }
    return roles;
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
    String backMoves = o.string("back_moves", false);
    if (backMoves != null) {
      BackMovePolicy policy = BackMovePolicy.fromJson(backMoves);
      if (policy == null) {
        problem(o.path("back_moves"), "unknown back-move policy '" + backMoves + "'"
            + DidYouMean.hint(backMoves, BACK_MOVES, "policies"));
      } else {
        pipeline.backMoves(policy);
      }
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
    stage.gate(criteria(o, "gate"));
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
    Criteria when = criteria(o, "when");
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

  /** Criteria under a key; {@link Criteria#always()} if absent or unreadable (the problems are reported). */
  private Criteria criteria(JsonObjectReader o, String key) {
    JsonNode node = o.node(key, false);
    if (node == null) {
      return Criteria.always();
    }
    int before = problems.size();
    Criteria criteria = CriteriaJson.read(node, o.path(key), problems);
    return criteria == null || problems.size() > before ? Criteria.always() : criteria;
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

  /** A stand-in key no author can write (keys are lower snake case), so it never matches a reference. */
  private static String placeholder(String path) {
    return "#" + path;
  }

  private static String orElse(@Nullable String value, String fallback) {
    return value != null ? value : fallback;
  }

  private void problem(String path, String message) {
    problems.add(new Problem(path, message));
  }
}
