package dev.relay.criteria;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A criteria tree as written by a configuration author: the uncompiled, serialisable form. Build with the static
 * factories ({@code all(field("amount").gt(100_000), field("region").in("east", "north"))}) or read from JSON with
 * {@link CriteriaJson}; check and compile with {@link CriteriaCompiler}.
 *
 * <p>Values are kept as written (strings, numbers, booleans, lists); the compiler type-checks them against the field
 * schema and converts them once.
 */
public sealed interface Criteria permits Criteria.All, Criteria.Any, Criteria.Not, Criteria.Condition {

  /** True when every item is; an empty {@code all} is true. */
  record All(List<Criteria> items) implements Criteria {
    public All {
      items = List.copyOf(items);
    }
  }

  /** True when at least one item is; an empty {@code any} is false. */
  record Any(List<Criteria> items) implements Criteria {
    public Any {
      items = List.copyOf(items);
    }
  }

  /** True when the item is false. */
  record Not(Criteria item) implements Criteria {
    public Not {
      Objects.requireNonNull(item, "item");
    }
  }

  /**
   * One comparison of a field with a value.
   *
   * @param field the field name, built-in or custom
   * @param op the operator
   * @param value the operand as written: {@code null} for unary operators, a {@link List} for {@code in}, {@code
   *     not_in} and {@code between} (and for {@code eq}/{@code ne} on an enum list), otherwise a scalar. It is kept in
   *     its JSON form: integral numbers that fit become {@link Long}, other numbers {@link java.math.BigDecimal}, dates
   *     ISO strings, lists immutable — so a condition built in Java equals the same condition read from JSON
   * @throws IllegalArgumentException if the value is not a string, number, boolean, date or list of those
   */
  record Condition(String field, Operator op, @Nullable Object value) implements Criteria {
    public Condition {
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(op, "op");
      if (value != null) {
        value = CriteriaValues.canonical(value);
      }
    }
  }

  /** The names of the fields these criteria read, in first-use order. */
  default java.util.Set<String> fields() {
    java.util.Set<String> out = new java.util.LinkedHashSet<>();
    collectFields(this, out);
    return java.util.Collections.unmodifiableSet(out);
  }

  private static void collectFields(Criteria c, java.util.Set<String> out) {
    if (c instanceof Condition condition) {
      out.add(condition.field());
    } else if (c instanceof Not not) {
      collectFields(not.item(), out);
    } else {
      for (Criteria item : c instanceof All all ? all.items() : ((Any) c).items()) {
        collectFields(item, out);
      }
    }
  }

  /** Criteria that always hold (an empty {@code all}). */
  static Criteria always() {
    return new All(List.of());
  }

  static Criteria all(Criteria... items) {
    return new All(Arrays.asList(items));
  }

  static Criteria any(Criteria... items) {
    return new Any(Arrays.asList(items));
  }

  static Criteria not(Criteria item) {
    return new Not(item);
  }

  /** Starts a condition on a field: {@code field("discount_pct").gt(15)}. */
  static FieldCondition field(String name) {
    return new FieldCondition(name);
  }

  /** Fluent builder for one {@link Condition}. */
  final class FieldCondition {
    private final String field;

    FieldCondition(String field) {
      this.field = Objects.requireNonNull(field, "field");
    }

    public Condition eq(Object value) {
      return new Condition(field, Operator.EQ, value);
    }

    public Condition ne(Object value) {
      return new Condition(field, Operator.NE, value);
    }

    public Condition in(Object... values) {
      return new Condition(field, Operator.IN, List.of(values));
    }

    public Condition notIn(Object... values) {
      return new Condition(field, Operator.NOT_IN, List.of(values));
    }

    public Condition gt(Object value) {
      return new Condition(field, Operator.GT, value);
    }

    public Condition gte(Object value) {
      return new Condition(field, Operator.GTE, value);
    }

    public Condition lt(Object value) {
      return new Condition(field, Operator.LT, value);
    }

    public Condition lte(Object value) {
      return new Condition(field, Operator.LTE, value);
    }

    public Condition between(Object low, Object high) {
      return new Condition(field, Operator.BETWEEN, List.of(low, high));
    }

    public Condition contains(Object value) {
      return new Condition(field, Operator.CONTAINS, value);
    }

    public Condition startsWith(String prefix) {
      return new Condition(field, Operator.STARTS_WITH, prefix);
    }

    public Condition isSet() {
      return new Condition(field, Operator.IS_SET, null);
    }

    public Condition isBlank() {
      return new Condition(field, Operator.IS_BLANK, null);
    }
  }
}
