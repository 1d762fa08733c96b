package dev.relay.playbook;

import static dev.relay.playbook.ReadingContext.orElse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relay.assignment.AssignmentPolicy;
import dev.relay.common.DidYouMean;
import dev.relay.common.ValidationException;
import dev.relay.fields.EntityKind;
import dev.relay.fields.FieldDefinition;
import dev.relay.fields.FieldType;
import dev.relay.incentive.IncentivePolicy;
import dev.relay.pipeline.PipelineDefinition;
import dev.relay.pool.PoolPolicy;
import dev.relay.scoring.ScoringPolicy;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The structural pass over a playbook's JSON tree: unknown keys, wrong JSON types, missing required keys, unknown
 * field types, zones, currencies, durations and named choices (back-move, duplicate and conflict policies, recycle
 * triggers, strategies). It builds the model as far as it can, standing in placeholders for elements it cannot read
 * (and telling the validator their paths), then hands everything to {@link PlaybookValidator} so that one {@link
 * ValidationException} lists the structural and the semantic problems together. It reads the top level and the custom
 * fields itself and each section through its own reader ({@link PipelineSectionReader}, {@link
 * AssignmentSectionReader}, {@link PoolSectionReader}, {@link ScoringSectionReader}), all sharing one {@link
 * ReadingContext}. One instance reads one document.
 */
final class PlaybookJsonReader {
  static final List<String> TOP_KEYS =
      List.of("name", "zone", "currency", "roles", "fields", "pipeline", "assignment", "pool", "scoring",
          "incentives");
  static final List<String> FIELD_KEYS = List.of("name", "type", "label", "options");
  private static final List<String> KIND_KEYS = Stream.of(EntityKind.values()).map(EntityKind::jsonName).toList();
  private static final List<String> FIELD_TYPES = Stream.of(FieldType.values()).map(FieldType::jsonName).toList();

  /**
   * The name of placeholder fields whose own name could not be read. Should a real field share it, criteria using that
   * field merely go unchecked in a document that is already invalid.
   */
  private static final String UNNAMED = "unnamed";

  private final ReadingContext in = new ReadingContext();

  /** @throws ValidationException listing every structural and semantic problem */
  Playbook read(JsonNode root) {
    JsonObjectReader top = in.object(root, "", TOP_KEYS);
    if (top == null) {
      throw new ValidationException(in.problems());
    }
    String name = orElse(top.string("name", false), Playbook.DEFAULT_NAME);
    ZoneId zone = zone(top);
    Currency currency = currency(top);
    List<String> roles = in.strings(top, "roles");
    Map<EntityKind, List<FieldDefinition>> fields = fields(top);
    PipelineDefinition pipeline = new PipelineSectionReader(in).read(top);
    AssignmentPolicy assignment = new AssignmentSectionReader(in).read(top);
    PoolPolicy pool = new PoolSectionReader(in).read(top);
    ScoringPolicy scoring = new ScoringSectionReader(in).read(top);
    IncentivePolicy incentives = new IncentivesSectionReader(in, currency).read(top);
    return PlaybookValidator.validated(name, zone, currency, roles, fields, pipeline, pool, assignment, scoring,
        incentives, in.problems(), in.unreadable());
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
      in.problem(top.path("zone"), "unknown time zone '" + id + "'" + (close != null
          ? " (did you mean '" + close + "'?)"
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
      in.problem(top.path("currency"), "unknown currency code '" + code + "'"
          + (upperIsKnown ? " (did you mean '" + upper + "'?)" : " (expected an ISO 4217 code like 'CNY')"));
      return Playbook.DEFAULT_CURRENCY;
    }
  }

  private Map<EntityKind, List<FieldDefinition>> fields(JsonObjectReader top) {
    Map<EntityKind, List<FieldDefinition>> out = new EnumMap<>(EntityKind.class);
    JsonNode node = top.node("fields", false);
    if (node == null) {
      return out;
    }
    JsonObjectReader byKind = in.object(node, top.path("fields"), KIND_KEYS);
    if (byKind == null) {
      in.unreadable("fields");
      return out;
    }
    for (EntityKind kind : EntityKind.values()) {
      List<JsonNode> items = byKind.array(kind.jsonName(), false);
      if (items == null && byKind.has(kind.jsonName())) {
        in.unreadable(byKind.path(kind.jsonName()));
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
    JsonObjectReader o = in.object(node, path, FIELD_KEYS);
    if (o == null) {
      in.unreadable(path);
      return FieldDefinition.custom(UNNAMED, FieldType.STRING);
    }
    int before = in.problemCount();
    String name = o.string("name", true);
    boolean validName = name != null && FieldDefinition.NAME.matcher(name).matches();
    if (name != null && !validName) {
      in.problem(o.path("name"), "invalid field name '" + name + "': expected lower snake case "
          + FieldDefinition.NAME.pattern());
    }
    // The placeholder keeps a readable name so that the validator can leave criteria using it unchecked.
    FieldDefinition placeholder = FieldDefinition.custom(validName ? name : UNNAMED, FieldType.STRING);
    String typeName = o.string("type", true);
    FieldType type = typeName == null ? null : FieldType.fromJson(typeName);
    if (typeName != null && type == null) {
      in.problem(o.path("type"),
          "unknown field type '" + typeName + "'" + DidYouMean.hint(typeName, FIELD_TYPES, "types"));
    }
    String label = o.string("label", false);
    List<String> options = options(o);
    if (type != null && options != null) {
      if (type.hasOptions() && options.isEmpty()) {
        in.problem(o.path("options"), "a field of type " + type.jsonName() + " needs options");
      } else if (!type.hasOptions() && !options.isEmpty()) {
        in.problem(o.path("options"), "a field of type " + type.jsonName() + " takes no options");
      }
    }
    if (in.problemCount() > before || name == null || type == null || options == null) {
      in.unreadable(path);
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
        in.problem(path, "expected a string, got " + JsonObjectReader.describe(item));
        readable = false;
      } else if (options.contains(item.textValue())) {
        in.problem(path, "duplicate option '" + item.textValue() + "'");
        readable = false;
      } else {
        options.add(item.textValue());
      }
    }
    return readable ? options : null;
  }
}
