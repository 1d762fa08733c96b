package dev.relay.criteria;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The JSON-shaped values a {@link Criteria.Condition} holds, and how they read in messages and texts.
 *
 * <p>Conditions keep their values in one canonical form — {@link String}, {@link Boolean}, {@link Long} for
 * integral numbers that fit, {@link BigDecimal} for the others, and immutable lists of those — so that a condition
 * built in Java equals the same condition read back from JSON.
 */
final class CriteriaValues {
  private CriteriaValues() {}

  /**
   * The canonical form of a value as written.
   *
   * @throws IllegalArgumentException if the value is not a string, number, boolean, date or list of those
   */
  static Object canonical(Object raw) {
    Objects.requireNonNull(raw, "value");
    if (raw instanceof String || raw instanceof Boolean || raw instanceof Long) {
      return raw;
    }
    if (raw instanceof Integer || raw instanceof Short || raw instanceof Byte) {
      return ((Number) raw).longValue();
    }
    if (raw instanceof BigDecimal d) {
      return number(d);
    }
    if (raw instanceof BigInteger i) {
      return number(new BigDecimal(i));
    }
    if (raw instanceof Double || raw instanceof Float) {
      double v = ((Number) raw).doubleValue();
      if (Double.isNaN(v) || Double.isInfinite(v)) {
        throw new IllegalArgumentException("a criteria value must be a finite number, got " + raw);
      }
      return number(new BigDecimal(Double.toString(v)));
    }
    if (raw instanceof LocalDate d) {
      // Dates are written as ISO strings in JSON; keeping the same form here lets both compare equal.
      return d.toString();
    }
    if (raw instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      for (Object item : list) {
        if (item == null) {
          throw new IllegalArgumentException("a criteria value list cannot contain null: " + list);
        }
        out.add(canonical(item));
      }
      return List.copyOf(out);
    }
    throw new IllegalArgumentException("a criteria value must be a string, number, boolean, date or list, got "
        + raw.getClass().getName());
  }

  /** Integral numbers that fit a long become a {@link Long}; everything else stays a {@link BigDecimal}. */
  static Object number(BigDecimal d) {
    if (d.scale() <= 0 && d.precision() - d.scale() <= 19) {
      try {
        return d.longValueExact();
      } catch (ArithmeticException tooBig) {
        return d;
      }
    }
    return d;
  }

  /** A value with its kind, for messages: {@code string 'abc'}, {@code number 1.5}, {@code list [a, b]}. */
  static String describe(Object value) {
    if (value instanceof String s) {
      return "string '" + s + "'";
    }
    if (value instanceof Number) {
      return "number " + text(value);
    }
    if (value instanceof Boolean) {
      return "boolean " + value;
    }
    if (value instanceof List<?>) {
      return "list " + text(value);
    }
    return value.getClass().getSimpleName() + " " + value;
  }

  /** A value as people read it: strings bare, decimals in plain notation, lists in brackets. */
  static String text(Object value) {
    if (value instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (value instanceof List<?> list) {
      StringBuilder sb = new StringBuilder("[");
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          sb.append(", ");
        }
        sb.append(text(list.get(i)));
      }
      return sb.append(']').toString();
    }
    return String.valueOf(value);
  }

  /** Joins a path and a segment: {@code ("", "all[0]")} gives {@code all[0]}, {@code ("gate", "not")} gate.not. */
  static String path(String base, String segment) {
    if (base.isEmpty()) {
      return segment;
    }
    return segment.isEmpty() ? base : base + "." + segment;
  }
}
