package dev.relay.criteria;

import dev.relay.fields.FieldDefinition;
import dev.relay.fields.FieldSchema;
import dev.relay.fields.FieldType;
import dev.relay.fields.FieldValues;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A compiled condition: one class per field type and operator, each holding its operand already converted to the
 * field's canonical type, so that {@link #test} is a slot read, a cast and a comparison.
 *
 * <p>Operands of {@code eq}/{@code ne} and {@code in}/{@code not_in} share a class with a {@code negated} flag: a
 * missing value yields {@code negated}, which is exactly the documented rule (false for eq and in, true for ne and
 * not_in).
 */
abstract class Leaf extends Node {
  /**
   * Where a leaf reads its field.
   *
   * @param schema the schema the criteria were compiled against; records of it are read by slot
   * @param slot the field's slot in {@code schema}
   * @param field the field's declaration, used to read records of other schemas by name
   */
  record FieldRef(FieldSchema schema, int slot, FieldDefinition field) {}

  private final FieldSchema schema;
  private final int slot;
  private final FieldRef ref;
  private final Class<?> valueClass;

  Leaf(FieldRef ref) {
    this.schema = ref.schema();
    this.slot = ref.slot();
    this.ref = ref;
    this.valueClass = canonicalClass(ref.field().type());
  }

  final FieldRef ref() {
    return ref;
  }

  /** The record's value of the field in its canonical type, or {@code null} if unset. */
  final @Nullable Object read(FieldValues record) {
    if (record.schema() == schema) {
      return record.valueAt(slot);
    }
    return readByName(record);
  }

  /**
   * A record laid out by another schema (an older playbook version) is read by name. If the field changed type since,
   * its value is converted as {@link FieldValues#rebind} would, and dropped if it no longer fits; only this rare case
   * allocates.
   */
  private @Nullable Object readByName(FieldValues record) {
    Object v = record.get(ref.field().name());
    if (v == null || valueClass.isInstance(v)) {
      return v;
    }
    try {
      return FieldValues.coerce(ref.field(), v);
    } catch (IllegalArgumentException doesNotFit) {
      return null;
    }
  }

  private static Class<?> canonicalClass(FieldType type) {
    return switch (type) {
      case STRING, ENUM -> String.class;
      case INTEGER -> Long.class;
      case DECIMAL -> BigDecimal.class;
      case BOOLEAN -> Boolean.class;
      case DATE -> LocalDate.class;
      case ENUM_LIST -> List.class;
    };
  }

  // ---- any type

  static final class IsSet extends Leaf {
    IsSet(FieldRef ref) {
      super(ref);
    }

    @Override
    boolean test(FieldValues record) {
      return read(record) != null;
    }
  }

  static final class IsBlank extends Leaf {
    IsBlank(FieldRef ref) {
      super(ref);
    }

    @Override
    boolean test(FieldValues record) {
      Object v = read(record);
      return v == null || v instanceof String s && s.isBlank() || v instanceof List<?> l && l.isEmpty();
    }
  }

  // ---- string and enum

  static final class StringEq extends Leaf {
    private final String expected;
    private final boolean negated;

    StringEq(FieldRef ref, String expected, boolean negated) {
      super(ref);
      this.expected = expected;
      this.negated = negated;
    }

    @Override
    boolean test(FieldValues record) {
      Object v = read(record);
      return v == null ? negated : expected.equals(v) != negated;
    }

    @Override
    Node negate() {
      return new StringEq(ref(), expected, !negated);
    }

    /** The one value the field must have for this leaf to hold, or {@code null} for {@code ne}. */
    @Nullable Set<String> required() {
      return negated ? null : Set.of(expected);
    }
  }

  static final class StringIn extends Leaf {
    private final Set<String> options;
    private final boolean negated;

    StringIn(FieldRef ref, Set<String> options, boolean negated) {
      super(ref);
      this.options = options;
      this.negated = negated;
    }

    @Override
    boolean test(FieldValues record) {
      Object v = read(record);
      return v == null ? negated : options.contains(v) != negated;
    }

    @Override
    Node negate() {
      return new StringIn(ref(), options, !negated);
    }

    /** The values the field must have one of for this leaf to hold, or {@code null} for {@code not_in}. */
    @Nullable Set<String> required() {
      return negated ? null : options;
    }
  }

  static final class StringContains extends Leaf {
    private final String text;

    StringContains(FieldRef ref, String text) {
      super(ref);
      this.text = text;
    }

    @Override
    boolean test(FieldValues record) {
      Object v = read(record);
      return v != null && ((String) v).contains(text);
    }
  }

  static final class StringStartsWith extends Leaf {
    private final String prefix;

    StringStartsWith(FieldRef ref, String prefix) {
      super(ref);
      this.prefix = prefix;
    }

    @Override
    boolean test(FieldValues record) {
      Object v = read(record);
      return v != null && ((String) v).startsWith(prefix);
    }
  }

  // ---- boolean

  static final class BooleanEq extends Leaf {
    private final boolean expected;
    private final boolean negated;

    BooleanEq(FieldRef ref, boolean expected, boolean negated) {
      super(ref);
      this.expected = expected;
      this.negated = negated;
    }

    @Override
    boolean test(FieldValues record) {
      Object v = read(record);
      return v == null ? negated : (((Boolean) v).booleanValue() == expected) != negated;
    }

    @Override
    Node negate() {
      return new BooleanEq(ref(), expected, !negated);
    }
  }

  static final class BooleanIn extends Leaf {
    private final boolean acceptsTrue;
    private final boolean acceptsFalse;
    private final boolean negated;

    BooleanIn(FieldRef ref, boolean acceptsTrue, boolean acceptsFalse, boolean negated) {
      super(ref);
      this.acceptsTrue = acceptsTrue;
      this.acceptsFalse = acceptsFalse;
      this.negated = negated;
    }

    @Override
    boolean test(FieldValues record) {
      Object v = read(record);
      if (v == null) {
        return negated;
      }
      return (((Boolean) v).booleanValue() ? acceptsTrue : acceptsFalse) != negated;
    }

    @Override
    Node negate() {
      return new BooleanIn(ref(), acceptsTrue, acceptsFalse, !negated);
    }
  }

  // ---- enum list

  /** Same options in any order; stored lists hold no duplicates, but the check does not rely on it. */
  static final class EnumListEq extends Leaf {
    private final Set<String> expected;
    private final String[] expectedArray;
    private final boolean negated;

    EnumListEq(FieldRef ref, Set<String> expected, boolean negated) {
      super(ref);
      this.expected = expected;
      this.expectedArray = expected.toArray(new String[0]);
      this.negated = negated;
    }

    @Override
    boolean test(FieldValues record) {
      Object v = read(record);
      return v == null ? negated : sameOptions((List<?>) v) != negated;
    }

    private boolean sameOptions(List<?> actual) {
      for (int i = 0; i < actual.size(); i++) {
        if (!expected.contains(actual.get(i))) {
          return false;
        }
      }
      for (String option : expectedArray) {
        if (!contains(actual, option)) {
          return false;
        }
      }
      return true;
    }

    @Override
    Node negate() {
      return new EnumListEq(ref(), expected, !negated);
    }
  }

  /** Shares at least one option with the list. */
  static final class EnumListIn extends Leaf {
    private final Set<String> options;
    private final boolean negated;

    EnumListIn(FieldRef ref, Set<String> options, boolean negated) {
      super(ref);
      this.options = options;
      this.negated = negated;
    }

    @Override
    boolean test(FieldValues record) {
      Object v = read(record);
      return v == null ? negated : sharesOption((List<?>) v) != negated;
    }

    private boolean sharesOption(List<?> actual) {
      for (int i = 0; i < actual.size(); i++) {
        if (options.contains(actual.get(i))) {
          return true;
        }
      }
      return false;
    }

    @Override
    Node negate() {
      return new EnumListIn(ref(), options, !negated);
    }
  }

  static final class EnumListContains extends Leaf {
    private final String option;

    EnumListContains(FieldRef ref, String option) {
      super(ref);
      this.option = option;
    }

    @Override
    boolean test(FieldValues record) {
      Object v = read(record);
      return v != null && contains((List<?>) v, option);
    }
  }

  /** Index loop rather than {@link List#contains}, which may use an iterator depending on the list class. */
  private static boolean contains(List<?> list, String option) {
    for (int i = 0; i < list.size(); i++) {
      if (option.equals(list.get(i))) {
        return true;
      }
    }
    return false;
  }

  // ---- integer

  static final class LongEq extends Leaf {
    private final long expected;
    private final boolean negated;

    LongEq(FieldRef ref, long expected, boolean negated) {
      super(ref);
      this.expected = expected;
      this.negated = negated;
    }

    @Override
    boolean test(FieldValues record) {
      Object v = read(record);
      return v == null ? negated : (((Long) v).longValue() == expected) != negated;
    }

    @Override
    Node negate() {
      return new LongEq(ref(), expected, !negated);
    }
  }

  /** {@code sorted} is sorted ascending, so membership is a binary search. */
  static final class LongIn extends Leaf {
    private final long[] sorted;
    private final boolean negated;

    LongIn(FieldRef ref, long[] sorted, boolean negated) {
      super(ref);
      this.sorted = sorted;
      this.negated = negated;
    }

    @Override
    boolean test(FieldValues record) {
      Object v = read(record);
      return v == null ? negated : (Arrays.binarySearch(sorted, ((Long) v).longValue()) >= 0) != negated;
    }

    @Override
    Node negate() {
      return new LongIn(ref(), sorted, !negated);
    }
  }

  // ---- decimal: compareTo throughout, so 1.0 equals 1

  /**
   * Equality for decimal and date fields by {@code compareTo}, so that 1.0 equals 1. A missing value yields {@code
   * negated} (false for eq, true for ne).
   */
  static final class OrderedEq<T extends Comparable<? super T>> extends Leaf {
    private final T expected;
    private final Class<T> type;
    private final boolean negated;

    OrderedEq(FieldRef ref, Class<T> type, T expected, boolean negated) {
      super(ref);
      this.type = type;
      this.expected = expected;
      this.negated = negated;
    }

    @Override
    boolean test(FieldValues record) {
      Object v = read(record);
      return v == null ? negated : (type.cast(v).compareTo(expected) == 0) != negated;
    }

    @Override
    Node negate() {
      return new OrderedEq<>(ref(), type, expected, !negated);
    }
  }

  /**
   * Membership for decimal and date fields. {@code sorted} is sorted by {@code compareTo}, which is also what the
   * binary search uses: 1.0 is found as 1.
   */
  static final class OrderedIn extends Leaf {
    private final Object[] sorted;
    private final boolean negated;

    OrderedIn(FieldRef ref, Object[] sorted, boolean negated) {
      super(ref);
      this.sorted = sorted;
      this.negated = negated;
    }

    @Override
    boolean test(FieldValues record) {
      Object v = read(record);
      return v == null ? negated : (Arrays.binarySearch(sorted, v) >= 0) != negated;
    }

    @Override
    Node negate() {
      return new OrderedIn(ref(), sorted, !negated);
    }
  }

  // ---- ordered comparisons (integer, decimal, date): gt, gte, lt, lte and the inclusive between are all ranges

  /**
   * An inclusive range of integers: {@code gt 5} is {@code [6, MAX]}, {@code lt 5} is {@code [MIN, 4]}, {@code between
   * 1 and 5} is {@code [1, 5]}. A range with {@code low > high} matches nothing.
   */
  static final class LongRange extends Leaf {
    private final long low;
    private final long high;

    LongRange(FieldRef ref, long low, long high) {
      super(ref);
      this.low = low;
      this.high = high;
    }

    /** The range an operator and bound describe; {@code gt MAX} and {@code lt MIN} give an empty range. */
    static LongRange of(FieldRef ref, Operator op, long bound) {
      return switch (op) {
        case GT -> bound == Long.MAX_VALUE ? new LongRange(ref, 1, 0) : new LongRange(ref, bound + 1, Long.MAX_VALUE);
        case GTE -> new LongRange(ref, bound, Long.MAX_VALUE);
        case LT -> bound == Long.MIN_VALUE ? new LongRange(ref, 1, 0) : new LongRange(ref, Long.MIN_VALUE, bound - 1);
        case LTE -> new LongRange(ref, Long.MIN_VALUE, bound);
        default -> throw new IllegalArgumentException("not a one-sided comparison: " + op);
      };
    }

    @Override
    boolean test(FieldValues record) {
      Object v = read(record);
      if (v == null) {
        return false;
      }
      long x = ((Long) v).longValue();
      return x >= low && x <= high;
    }
  }

  /**
   * A range of decimals or dates, each end optional and inclusive or exclusive: {@code gt x} is {@code (x, ∞)}, {@code
   * lte x} is {@code (-∞, x]}, {@code between a and b} is {@code [a, b]}.
   */
  static final class OrderedRange<T extends Comparable<? super T>> extends Leaf {
    private final Class<T> type;
    private final @Nullable T low;
    private final boolean lowInclusive;
    private final @Nullable T high;
    private final boolean highInclusive;

    OrderedRange(FieldRef ref, Class<T> type, @Nullable T low, boolean lowInclusive, @Nullable T high,
        boolean highInclusive) {
      super(ref);
      this.type = type;
      this.low = low;
      this.lowInclusive = lowInclusive;
      this.high = high;
      this.highInclusive = highInclusive;
    }

    /** The range an operator and bound describe. */
    static <T extends Comparable<? super T>> OrderedRange<T> of(FieldRef ref, Class<T> type, Operator op, T bound) {
      return switch (op) {
        case GT -> new OrderedRange<>(ref, type, bound, false, null, false);
        case GTE -> new OrderedRange<>(ref, type, bound, true, null, false);
        case LT -> new OrderedRange<>(ref, type, null, false, bound, false);
        case LTE -> new OrderedRange<>(ref, type, null, false, bound, true);
        default -> throw new IllegalArgumentException("not a one-sided comparison: " + op);
      };
    }

    @Override
    boolean test(FieldValues record) {
      Object v = read(record);
      if (v == null) {
        return false;
      }
      T x = type.cast(v);
      if (low != null) {
        int c = x.compareTo(low);
        if (c < 0 || c == 0 && !lowInclusive) {
          return false;
        }
      }
      if (high != null) {
        int c = x.compareTo(high);
        return c < 0 || c == 0 && highInclusive;
      }
      return true;
    }
  }
}
