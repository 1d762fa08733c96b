package dev.relay.criteria;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.relay.common.Problem;
import dev.relay.common.ValidationException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The JSON form of criteria: {@code {"all": [...]}}, {@code {"any": [...]}}, {@code {"not": {...}}} and conditions
 * {@code {"field": "amount", "op": "gt", "value": 100000}}. Values are JSON numbers, strings, booleans or arrays of
 * those; dates are ISO strings. Reading only checks the structure; {@link CriteriaCompiler#check} checks fields and
 * types against a schema.
 */
public final class CriteriaJson {
  private static final Set<String> CONDITION_KEYS = Set.of("field", "op", "value");
  private static final Set<String> GROUP_KEYS = Set.of("all", "any", "not");
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  /** Keeps decimals exact and as written (1.50 stays 1.50), so text round trips preserve equality. */
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
      .build();

  private CriteriaJson() {}

  /**
   * Reads criteria, adding every structural problem (unknown operator, missing or unknown key, wrong shape) to {@code
   * problems} with its path under {@code path}, e.g. {@code assignment.rules[3].criteria.all[1].op: unknown operator
   * 'like'}. Returns {@code null} if the node or anything under it could not be read, so that a partial tree never
   * shifts the paths of later checks.
   *
   * <p>Numbers read as {@link Long} when integral and in range, otherwise as {@link BigDecimal}; arrays as lists.
   */
  public static @Nullable Criteria read(JsonNode node, String path, List<Problem> problems) {
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(path, "path");
    int before = problems.size();
    Criteria c = node(node, path, problems);
    return problems.size() == before ? c : null;
  }

  /**
   * Parses criteria from JSON text, with paths relative to the root ({@code all[1].op}).
   *
   * @throws ValidationException if the text is not JSON or not well-formed criteria, listing every problem
   */
  public static Criteria parse(String json) {
    JsonNode node;
    try {
      node = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw ValidationException.of("", "malformed JSON: " + e.getOriginalMessage());
    }
    if (node == null || node.isMissingNode()) {
      throw ValidationException.of("", "no criteria: the JSON text is empty");
    }
    List<Problem> problems = new ArrayList<>();
    Criteria c = read(node, "", problems);
    if (c == null) {
      throw new ValidationException(problems);
    }
    return c;
  }

  /** The canonical JSON form; {@code read(write(c))} equals {@code c}. */
  public static JsonNode write(Criteria criteria) {
    Objects.requireNonNull(criteria, "criteria");
    ObjectNode out = NODES.objectNode();
    if (criteria instanceof Criteria.All all) {
      out.set("all", writeItems(all.items()));
    } else if (criteria instanceof Criteria.Any any) {
      out.set("any", writeItems(any.items()));
    } else if (criteria instanceof Criteria.Not not) {
      out.set("not", write(not.item()));
    } else {
      Criteria.Condition c = (Criteria.Condition) criteria;
      out.put("field", c.field());
      out.put("op", c.op().jsonName());
      if (c.value() != null) {
        out.set("value", writeValue(c.value()));
      }
    }
    return out;
  }

  /** The canonical JSON form as compact text. */
  public static String writeString(Criteria criteria) {
    try {
      return MAPPER.writeValueAsString(write(criteria));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a criteria tree always serialises", e);
    }
  }

  private static ArrayNode writeItems(List<Criteria> items) {
    ArrayNode array = NODES.arrayNode(items.size());
    for (Criteria item : items) {
      array.add(write(item));
    }
    return array;
  }

  private static JsonNode writeValue(Object value) {
    if (value instanceof String s) {
      return NODES.textNode(s);
    }
    if (value instanceof Boolean b) {
      return NODES.booleanNode(b);
    }
    if (value instanceof Long l) {
      return NODES.numberNode(l);
    }
    if (value instanceof BigDecimal d) {
      return NODES.numberNode(d);
    }
    if (value instanceof List<?> list) {
      ArrayNode array = NODES.arrayNode(list.size());
      for (Object item : list) {
        array.add(writeValue(item));
      }
      return array;
    }
    // Condition values are canonical (see CriteriaValues), so nothing else can reach here.
    throw new IllegalStateException("not a canonical criteria value: " + value.getClass().getName());
  }

  private static @Nullable Criteria node(JsonNode node, String path, List<Problem> problems) {
    if (!node.isObject()) {
      problems.add(new Problem(path, "expected criteria: an object with \"all\", \"any\", \"not\" or \"field\", got "
          + kind(node)));
      return null;
    }
    List<String> groups = new ArrayList<>();
    boolean conditionKeys = false;
    for (Map.Entry<String, JsonNode> property : node.properties()) {
      String name = property.getKey();
      if (GROUP_KEYS.contains(name)) {
        groups.add(name);
      } else if (CONDITION_KEYS.contains(name)) {
        conditionKeys = true;
      } else {
        problems.add(new Problem(path, "unknown key '" + name + "' (expected all, any, not, or field, op, value)"));
      }
    }
    if (groups.size() > 1 || !groups.isEmpty() && conditionKeys) {
      List<String> found = new ArrayList<>(groups);
      if (conditionKeys) {
        found.add("field/op/value");
      }
      problems.add(new Problem(path, "criteria are either \"all\", \"any\", \"not\" or a condition, got "
          + String.join(" and ", found.stream().map(k -> "\"" + k + "\"").toList())));
      return null;
    }
    if (groups.isEmpty()) {
      return condition(node, path, problems);
    }
    String group = groups.get(0);
    JsonNode body = node.get(group);
    String bodyPath = CriteriaValues.path(path, group);
    if (group.equals("not")) {
      Criteria item = node(body, bodyPath, problems);
      return item == null ? null : new Criteria.Not(item);
    }
    if (!body.isArray()) {
      problems.add(new Problem(bodyPath, "\"" + group + "\" needs an array of criteria, got " + kind(body)));
      return null;
    }
    List<Criteria> items = new ArrayList<>(body.size());
    boolean complete = true;
    for (int i = 0; i < body.size(); i++) {
      Criteria item = node(body.get(i), CriteriaValues.path(path, group + "[" + i + "]"), problems);
      complete &= item != null;
      items.add(item);
    }
    if (!complete) {
      return null;
    }
    return group.equals("all") ? new Criteria.All(items) : new Criteria.Any(items);
  }

  private static Criteria.@Nullable Condition condition(JsonNode node, String path, List<Problem> problems) {
    String field = text(node, "field", path, problems);
    Operator op = null;
    String opName = text(node, "op", path, problems);
    if (opName != null) {
      op = Operator.fromJson(opName);
      if (op == null) {
        problems.add(new Problem(CriteriaValues.path(path, "op"), "unknown operator '" + opName + "'"));
      }
    }
    JsonNode valueNode = node.get("value");
    Object value = null;
    boolean valueOk = true;
    if (valueNode != null && !valueNode.isNull()) {
      value = value(valueNode, CriteriaValues.path(path, "value"), problems, true);
      valueOk = value != null;
    }
    if (field == null || op == null || !valueOk) {
      return null;
    }
    return new Criteria.Condition(field, op, value);
  }

  private static @Nullable String text(JsonNode node, String key, String path, List<Problem> problems) {
    JsonNode v = node.get(key);
    String keyPath = CriteriaValues.path(path, key);
    if (v == null || v.isNull()) {
      problems.add(new Problem(keyPath, "missing \"" + key + "\""));
      return null;
    }
    if (!v.isTextual()) {
      problems.add(new Problem(keyPath, "\"" + key + "\" must be a string, got " + kind(v)));
      return null;
    }
    return v.textValue();
  }

  private static @Nullable Object value(JsonNode v, String path, List<Problem> problems, boolean listAllowed) {
    if (v.isTextual()) {
      return v.textValue();
    }
    if (v.isBoolean()) {
      return v.booleanValue();
    }
    if (v.isNumber()) {
      if (v.isIntegralNumber() && v.canConvertToLong()) {
        return v.longValue();
      }
      if (v.isDouble() || v.isFloat()) {
        double d = v.doubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d)) {
          problems.add(new Problem(path, "expected a finite number, got " + d));
          return null;
        }
      }
      return CriteriaValues.number(v.decimalValue());
    }
    if (v.isArray() && listAllowed) {
      List<Object> items = new ArrayList<>(v.size());
      boolean complete = true;
      for (int i = 0; i < v.size(); i++) {
        JsonNode item = v.get(i);
        Object converted = value(item, path + "[" + i + "]", problems, false);
        complete &= converted != null;
        items.add(converted);
      }
      return complete ? List.copyOf(items) : null;
    }
    problems.add(new Problem(path, (listAllowed ? "expected a number, string, boolean or list" : "list items must be "
        + "numbers, strings or booleans") + ", got " + kind(v)));
    return null;
  }

  private static String kind(JsonNode node) {
    return switch (node.getNodeType()) {
      case ARRAY -> "an array";
      case OBJECT -> "an object";
      case STRING -> "string '" + node.textValue() + "'";
      case NUMBER -> "number " + node.asText();
      case BOOLEAN -> "boolean " + node.asText();
      case NULL -> "null";
      default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    };
  }
}
