package dev.relay.criteria;

import org.jspecify.annotations.Nullable;

/**
 * The comparison operators of a condition, with their JSON names.
 *
 * <p>Semantics (shared by the compiler and the reference interpreter):
 * <ul>
 *   <li>{@code eq}, {@code ne}: equality; numbers compare by value ({@code 1.0 eq 1}); an enum list equals a list with
 *       the same options in any order.
 *   <li>{@code in}, {@code not_in}: the value is one of a list; for an enum list, it shares at least one option.
 *   <li>{@code gt}, {@code gte}, {@code lt}, {@code lte}, {@code between} (inclusive {@code [low, high]}): integer,
 *       decimal and date fields only.
 *   <li>{@code contains}: a string contains the text (case-sensitive); an enum list contains the option.
 *   <li>{@code starts_with}: a string or enum value starts with the text.
 *   <li>{@code is_set}: the field has a value; {@code is_blank}: it has none, or it is an empty or white-space-only
 *       string, or an empty list. Neither takes a value.
 * </ul>
 * A missing value makes every operator false except {@code ne}, {@code not_in} and {@code is_blank}, which are true.
 */
public enum Operator {
  EQ("eq"),
  NE("ne"),
  IN("in"),
  NOT_IN("not_in"),
  GT("gt"),
  GTE("gte"),
  LT("lt"),
  LTE("lte"),
  BETWEEN("between"),
  CONTAINS("contains"),
  STARTS_WITH("starts_with"),
  IS_SET("is_set"),
  IS_BLANK("is_blank");

  private final String jsonName;

  Operator(String jsonName) {
    this.jsonName = jsonName;
  }

  public String jsonName() {
    return jsonName;
  }

  public static @Nullable Operator fromJson(String name) {
    for (Operator op : values()) {
      if (op.jsonName.equals(name)) {
        return op;
      }
    }
    return null;
  }

  /** Whether the operator takes no value ({@code is_set}, {@code is_blank}). */
  public boolean isUnary() {
    return this == IS_SET || this == IS_BLANK;
  }

  /** Whether the value is a list ({@code in}, {@code not_in}, {@code between} with exactly two). */
  public boolean takesList() {
    return this == IN || this == NOT_IN || this == BETWEEN;
  }
}
