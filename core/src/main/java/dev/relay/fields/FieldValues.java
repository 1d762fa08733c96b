package dev.relay.fields;

import dev.relay.common.Problem;
import dev.relay.common.ValidationException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The immutable field values of one record, laid out by the slots of a {@link FieldSchema}. Every write is
 * type-checked and converted to the field type's canonical Java type (see {@link FieldType}); a bad value raises a
 * {@link ValidationException} naming the field, and the original stays unchanged. Missing values are {@code null}.
 *
 * <p>Reads are allocation-free, which is what lets compiled criteria evaluate without allocating.
 */
public final class FieldValues {
  private final FieldSchema schema;
  private final @Nullable Object[] values;

  private FieldValues(FieldSchema schema, @Nullable Object[] values) {
    this.schema = schema;
    this.values = values;
  }

  /** A record with every field unset. */
  public static FieldValues empty(FieldSchema schema) {
    return new FieldValues(schema, new Object[schema.size()]);
  }

  public FieldSchema schema() {
    return schema;
  }

  /** The value in a slot of {@link #schema()}, or {@code null} if unset. */
  public @Nullable Object valueAt(int slot) {
    return values[slot];
  }

  /** The value of the named field, or {@code null} if unset or unknown. Allocation-free. */
  public @Nullable Object get(String field) {
    int slot = schema.slotOf(field);
    return slot < 0 ? null : values[slot];
  }

  /**
   * A copy with {@code updates} applied ({@code null} values unset a field). All updates are checked first; if any is
   * bad, a {@link ValidationException} lists every problem (paths {@code fields.<name>}) and nothing changes.
   *
   * @param allowBuiltIn whether built-in fields may be written (true only for Relay's own aggregates)
   */
  public FieldValues with(Map<String, ?> updates, boolean allowBuiltIn) {
    @Nullable Object[] copy = values.clone();
    List<Problem> problems = new ArrayList<>();
    for (Map.Entry<String, ?> e : updates.entrySet()) {
      String path = "fields." + e.getKey();
      int slot = schema.slotOf(e.getKey());
      if (slot < 0) {
        String hint = schema.suggest(e.getKey());
        problems.add(new Problem(path, "unknown field '" + e.getKey() + "'"
            + (hint == null ? "" : " (did you mean '" + hint + "'?)")));
        continue;
      }
      FieldDefinition def = schema.fieldAt(slot);
      if (def.builtIn() && !allowBuiltIn) {
        problems.add(new Problem(path, "'" + def.name() + "' is maintained by Relay and cannot be written directly"));
        continue;
      }
      try {
        copy[slot] = e.getValue() == null ? null : coerce(def, e.getValue());
      } catch (IllegalArgumentException ex) {
        problems.add(new Problem(path, ex.getMessage()));
      }
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
    return new FieldValues(schema, copy);
  }

  /** Shorthand for {@code with(Map.of(field, value), false)}. */
  public FieldValues with(String field, Object value) {
    return with(Map.of(field, value), false);
  }

  /**
   * The same values laid out for another schema (a newer playbook version): fields that no longer exist are dropped,
   * values that no longer fit their field's type or options are dropped too.
   */
  public FieldValues rebind(FieldSchema target) {
    if (target == schema) {
      return this;
    }
    @Nullable Object[] out = new Object[target.size()];
    for (int i = 0; i < target.size(); i++) {
      FieldDefinition def = target.fieldAt(i);
      Object v = get(def.name());
      if (v != null) {
        try {
          out[i] = coerce(def, v);
        } catch (IllegalArgumentException ignored) {
          // The value does not fit the changed declaration; the field starts unset.
        }
      }
    }
    return new FieldValues(target, out);
  }

  /** The set values by field name, in schema order (for serialisation and display). */
  public Map<String, Object> asMap() {
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < values.length; i++) {
      Object v = values[i];
      if (v != null) {
        out.put(schema.fieldAt(i).name(), v);
      }
    }
    return out;
  }

  /**
   * Converts a raw value (as a host or JSON would pass it) to the canonical Java type of {@code def}: integers accept any
   * integral number or numeric string, decimals any number or numeric string, dates a {@link LocalDate} or ISO string,
   * enums one of the options, enum lists a collection of options (duplicates removed, order kept).
   *
   * @throws IllegalArgumentException with a message naming the expected type if the value does not fit
   */
  public static Object coerce(FieldDefinition def, Object raw) {
    Objects.requireNonNull(raw, "raw");
    return switch (def.type()) {
      case STRING -> {
        if (raw instanceof String s) {
          yield s;
        }
        throw mismatch(def, raw);
      }
      case INTEGER -> {
        BigDecimal d = toDecimal(def, raw);
        try {
          yield d.stripTrailingZeros().longValueExact();
        } catch (ArithmeticException ex) {
          throw new IllegalArgumentException("expected an integer, got " + describe(raw));
        }
      }
      case DECIMAL -> toDecimal(def, raw);
      case BOOLEAN -> {
        if (raw instanceof Boolean b) {
          yield b;
        }
        throw mismatch(def, raw);
      }
      case DATE -> {
        if (raw instanceof LocalDate d) {
          yield d;
        }
        if (raw instanceof String s) {
          try {
            yield LocalDate.parse(s);
          } catch (DateTimeParseException ex) {
            throw new IllegalArgumentException("expected a date like 2026-03-31, got " + describe(raw));
          }
        }
        throw mismatch(def, raw);
      }
      case ENUM -> {
        if (raw instanceof String s) {
          yield checkOption(def, s);
        }
        throw mismatch(def, raw);
      }
      case ENUM_LIST -> {
        Collection<?> items;
        if (raw instanceof Collection<?> c) {
          items = c;
        } else if (raw instanceof Object[] a) {
          items = Arrays.asList(a);
        } else {
          throw mismatch(def, raw);
        }
        List<String> out = new ArrayList<>(items.size());
        for (Object item : items) {
          if (!(item instanceof String s)) {
            throw new IllegalArgumentException("expected a list of options " + def.options() + ", got "
                + describe(raw));
          }
          String option = checkOption(def, s);
          if (!out.contains(option)) {
            out.add(option);
          }
        }
        yield List.copyOf(out);
      }
    };
  }

  private static String checkOption(FieldDefinition def, String s) {
    if (!def.options().contains(s)) {
      throw new IllegalArgumentException("'" + s + "' is not one of " + def.options());
    }
    return s;
  }

  private static BigDecimal toDecimal(FieldDefinition def, Object raw) {
    if (raw instanceof BigDecimal d) {
      return d;
    }
    if (raw instanceof Long || raw instanceof Integer || raw instanceof Short || raw instanceof Byte) {
      return BigDecimal.valueOf(((Number) raw).longValue());
    }
    if (raw instanceof BigInteger i) {
      return new BigDecimal(i);
    }
    if (raw instanceof Double || raw instanceof Float) {
      double v = ((Number) raw).doubleValue();
      if (Double.isNaN(v) || Double.isInfinite(v)) {
        throw new IllegalArgumentException("expected a finite number, got " + raw);
      }
      return new BigDecimal(Double.toString(v));
    }
    if (raw instanceof String s) {
      try {
        return new BigDecimal(s.trim());
      } catch (NumberFormatException ex) {
        throw mismatch(def, raw);
      }
    }
    throw mismatch(def, raw);
  }

  private static IllegalArgumentException mismatch(FieldDefinition def, Object raw) {
    return new IllegalArgumentException("expected " + article(def.type()) + " " + def.type().jsonName()
        + (def.type().hasOptions() ? " of " + def.options() : "") + ", got " + describe(raw));
  }

  private static String article(FieldType t) {
    return t == FieldType.INTEGER || t == FieldType.ENUM || t == FieldType.ENUM_LIST ? "an" : "a";
  }

  static String describe(Object raw) {
    String kind = raw instanceof String ? "string" : raw instanceof Number ? "number"
        : raw instanceof Boolean ? "boolean" : raw instanceof Collection<?> ? "list" : raw.getClass().getSimpleName();
    return kind + " " + (raw instanceof String ? "'" + raw + "'" : String.valueOf(raw));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FieldValues other && asMap().equals(other.asMap());
  }

  @Override
  public int hashCode() {
    return asMap().hashCode();
  }

  @Override
  public String toString() {
    return asMap().toString();
  }
}
