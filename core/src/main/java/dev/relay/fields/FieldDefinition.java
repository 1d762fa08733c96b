package dev.relay.fields;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One declared field.
 *
 * @param name the key used in records and criteria: lower snake case, e.g. {@code discount_pct}
 * @param type the value type
 * @param options the allowed values of {@code ENUM} and {@code ENUM_LIST} fields (empty for other types)
 * @param label a human label, e.g. {@code 折扣率 Discount %}; defaults to the name
 * @param builtIn whether Relay maintains the field itself (such as a deal's {@code amount}); built-in fields cannot be
 *     written through custom-field updates
 * @throws IllegalArgumentException if the name is malformed or the options do not fit the type
 */
public record FieldDefinition(String name, FieldType type, List<String> options, String label, boolean builtIn) {
  /** Field names: a letter, then letters, digits or underscores; at most 64. */
  public static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");

  public FieldDefinition {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(label, "label");
    options = List.copyOf(options);
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("invalid field name '" + name + "': expected " + NAME.pattern());
    }
    if (type.hasOptions() && options.isEmpty()) {
      throw new IllegalArgumentException("field '" + name + "' of type " + type.jsonName() + " needs options");
    }
    if (!type.hasOptions() && !options.isEmpty()) {
      throw new IllegalArgumentException("field '" + name + "' of type " + type.jsonName() + " takes no options");
    }
    if (options.stream().distinct().count() != options.size()) {
      throw new IllegalArgumentException("field '" + name + "' has duplicate options " + options);
    }
  }

  /** A custom field without options. */
  public static FieldDefinition custom(String name, FieldType type) {
    return new FieldDefinition(name, type, List.of(), name, false);
  }

  /** A custom enum or enum-list field. */
  public static FieldDefinition customEnum(String name, FieldType type, List<String> options) {
    return new FieldDefinition(name, type, options, name, false);
  }

  public FieldDefinition withLabel(String newLabel) {
    return new FieldDefinition(name, type, options, newLabel, builtIn);
  }
}
