package dev.relay.playbook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relay.common.DidYouMean;
import dev.relay.common.Problem;
import dev.relay.criteria.Criteria;
import dev.relay.criteria.CriteriaJson;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * What the structural pass over one document has found so far, shared by the section readers: the problems, and the
 * paths of elements that could not be read (placeholders the validator must not check again). Also the readings every
 * section needs: string lists, named choices, criteria, durations and maps keyed by data.
 */
final class ReadingContext {
  private final List<Problem> problems = new ArrayList<>();
  private final Set<String> unreadable = new HashSet<>();

  List<Problem> problems() {
    return problems;
  }

  Set<String> unreadable() {
    return unreadable;
  }

  void problem(String path, String message) {
    problems.add(new Problem(path, message));
  }

  /** Marks the element at {@code path} as a placeholder whose own problems are already reported. */
  void unreadable(String path) {
    unreadable.add(path);
  }

  /** Marks {@code o.key} unreadable when it is given but could not be read ({@code value} is {@code null}). */
  void unreadableIfGiven(JsonObjectReader o, String key, @Nullable Object value) {
    if (value == null && o.has(key)) {
      unreadable.add(o.path(key));
    }
  }

  /** The number of problems so far, to tell afterwards whether a reading added any. */
  int problemCount() {
    return problems.size();
  }

  /** Starts reading an object with a fixed set of keys; {@code null} (reported) if the node is not an object. */
  @Nullable JsonObjectReader object(JsonNode node, String path, List<String> keys) {
    return JsonObjectReader.of(node, path, problems, keys);
  }

  /**
   * An optional array of strings; empty if absent. The array, if it is not one, and each element that is not a string
   * are reported and marked unreadable, the elements standing in as placeholders.
   */
  List<String> strings(JsonObjectReader o, String key) {
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

  /**
   * An object keyed by data (grades, members) under a key, its values read by {@code value}; empty if absent. Entries
   * that cannot be read are reported and left out, and the map is marked unreadable.
   */
  <T> Map<String, T> map(JsonObjectReader o, String key, BiFunction<JsonObjectReader, String, @Nullable T> value) {
    Map<String, T> out = new LinkedHashMap<>();
    JsonNode node = o.node(key, false);
    if (node == null) {
      return out;
    }
    int before = problems.size();
    JsonObjectReader entries = JsonObjectReader.ofAnyKeys(node, o.path(key), problems);
    for (int i = 0; entries != null && i < entries.keys().size(); i++) {
      String entry = entries.keys().get(i);
      T read = value.apply(entries, entry);
      if (read != null) {
        out.put(entry, read);
      }
    }
    if (problems.size() > before) {
      unreadable.add(o.path(key));
    }
    return out;
  }

  /**
   * One of a closed set of names under a key, e.g. a back-move policy; {@code null} if absent (reported if required)
   * or unknown (reported with a "did you mean" or the list of names).
   */
  <E> @Nullable E choice(JsonObjectReader o, String key, boolean required, E[] values, Function<E, String> jsonName,
      String what, String noun) {
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

  /** The one key an object gives and the string it gives it, e.g. {@code {"team": "east"}}. */
  record Named(String key, String value) {}

  /**
   * Reads an object (at {@code path}) that names exactly one of {@code keys} with a string, such as an approver or a
   * target; {@code null} after reporting an object that is not one, gives none or several, an unknown key, or a value
   * that is not a string.
   */
  @Nullable Named oneOf(JsonNode node, String path, List<String> keys) {
    int before = problems.size();
    JsonObjectReader o = object(node, path, keys);
    if (o == null) {
      return null;
    }
    List<String> given = keys.stream().filter(o::has).toList();
    if (given.size() == 1) {
      String value = o.string(given.get(0), true);
      return value == null ? null : new Named(given.get(0), value);
    }
    if (given.size() > 1 || problems.size() == before) {
      List<String> quoted = keys.stream().map(k -> "'" + k + "'").toList();
      problem(path, (given.isEmpty() ? "expected" : "give only") + " one of "
          + String.join(", ", quoted.subList(0, quoted.size() - 1)) + " or " + quoted.get(quoted.size() - 1));
    }
    return null;
  }

  /** Criteria under a key; {@code absent} if absent or unreadable (the problems are reported). */
  Criteria criteria(JsonObjectReader o, String key, Criteria absent) {
    JsonNode node = o.node(key, false);
    if (node == null) {
      return absent;
    }
    int before = problems.size();
    Criteria criteria = CriteriaJson.read(node, o.path(key), problems);
    return criteria == null || problems.size() > before ? absent : criteria;
  }

  /** An ISO-8601 duration under a key; {@code null} if absent or unreadable (reported). */
  @Nullable Duration duration(JsonObjectReader o, String key) {
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
  static <T> void set(@Nullable T value, Consumer<T> setter) {
    if (value != null) {
      setter.accept(value);
    }
  }

  /** A stand-in key no author can write (keys are lower snake case), so it never matches a reference. */
  static String placeholder(String path) {
    return "#" + path;
  }

  static <T> T orElse(@Nullable T value, T fallback) {
    return value != null ? value : fallback;
  }
}
