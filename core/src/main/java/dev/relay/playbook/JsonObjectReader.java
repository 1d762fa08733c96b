package dev.relay.playbook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relay.common.DidYouMean;
import dev.relay.common.Problem;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One JSON object being read at a path. Unknown keys, missing required keys and values of the wrong JSON type become
 * problems (with "did you mean" hints) instead of exceptions, so that one pass reports everything. An explicit {@code
 * null} counts as absent.
 */
final class JsonObjectReader {
  private final JsonNode node;
  private final String path;
  private final List<Problem> problems;

  private JsonObjectReader(JsonNode node, String path, List<Problem> problems) {
    this.node = node;
    this.path = path;
    this.problems = problems;
  }

  /**
   * Starts reading an object, reporting each key not in {@code keys}; returns {@code null} (after reporting) if the
   * node is not an object.
   */
  static @Nullable JsonObjectReader of(JsonNode node, String path, List<Problem> problems, List<String> keys) {
    if (!node.isObject()) {
      problems.add(new Problem(path, "expected an object, got " + describe(node)));
      return null;
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!keys.contains(name)) {
        String hint = DidYouMean.hint(name, keys, "keys");
        problems.add(new Problem(child(path, name), "unknown key '" + name + "'" + hint));
      }
    }
    return new JsonObjectReader(node, path, problems);
  }

  /**
   * Starts reading an object whose keys are data rather than a fixed set (such as days per grade); returns {@code
   * null} (after reporting) if the node is not an object.
   */
  static @Nullable JsonObjectReader ofAnyKeys(JsonNode node, String path, List<Problem> problems) {
    if (!node.isObject()) {
      problems.add(new Problem(path, "expected an object, got " + describe(node)));
      return null;
    }
    return new JsonObjectReader(node, path, problems);
  }

  /** The keys of the object, in document order. */
  List<String> keys() {
    List<String> keys = new ArrayList<>();
    node.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  /** The path of a key under a path; the top level has the empty path. */
  static String child(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  String path() {
    return path;
  }

  String path(String key) {
    return child(path, key);
  }

  boolean has(String key) {
    JsonNode value = node.get(key);
    return value != null && !value.isNull();
  }

  /** The value, or {@code null} if absent (reported if required). */
  @Nullable JsonNode node(String key, boolean required) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      if (required) {
        problems.add(new Problem(path, "missing required key '" + key + "'"));
      }
      return null;
    }
    return value;
  }

  @Nullable String string(String key, boolean required) {
    JsonNode value = node(key, required);
    if (value == null) {
      return null;
    }
    if (!value.isTextual()) {
      problems.add(new Problem(path(key), "expected a string, got " + describe(value)));
      return null;
    }
    return value.textValue();
  }

  @Nullable Integer integer(String key, boolean required) {
    JsonNode value = node(key, required);
    if (value == null) {
      return null;
    }
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      problems.add(new Problem(path(key), "expected an integer, got " + describe(value)));
      return null;
    }
    return value.intValue();
  }

  /** A number (integral or not) as a {@code double}, or {@code null} if absent (reported if required). */
  @Nullable Double number(String key, boolean required) {
    JsonNode value = node(key, required);
    if (value == null) {
      return null;
    }
    if (!value.isNumber()) {
      problems.add(new Problem(path(key), "expected a number, got " + describe(value)));
      return null;
    }
    return value.doubleValue();
  }

  @Nullable Boolean bool(String key, boolean required) {
    JsonNode value = node(key, required);
    if (value == null) {
      return null;
    }
    if (!value.isBoolean()) {
      problems.add(new Problem(path(key), "expected true or false, got " + describe(value)));
      return null;
    }
    return value.booleanValue();
  }

  /** The elements of an array, or {@code null} if absent (reported if required) or not an array (reported). */
  @Nullable List<JsonNode> array(String key, boolean required) {
    JsonNode value = node(key, required);
    if (value == null) {
      return null;
    }
    return elements(value, path(key), problems);
  }

  /** The elements of an array node, or {@code null} (reported) if it is not an array. */
  static @Nullable List<JsonNode> elements(JsonNode value, String path, List<Problem> problems) {
    if (!value.isArray()) {
      problems.add(new Problem(path, "expected an array, got " + describe(value)));
      return null;
    }
    List<JsonNode> out = new ArrayList<>(value.size());
    value.elements().forEachRemaining(out::add);
    return out;
  }

  /** A JSON value as a problem message shows it: {@code string 'x'}, {@code number 5}, {@code an array}. */
  static String describe(JsonNode value) {
    if (value.isTextual()) {
      return "string '" + value.textValue() + "'";
    }
    if (value.isNumber()) {
      return "number " + value.asText();
    }
    if (value.isBoolean()) {
      return "boolean " + value.asText();
    }
    if (value.isArray()) {
      return "an array";
    }
    if (value.isObject()) {
      return "an object";
    }
    return value.isNull() ? "null" : value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
  }
}
