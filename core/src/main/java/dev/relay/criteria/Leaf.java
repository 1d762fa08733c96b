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

  static final class DecimalEq extends Leaf {
    private final BigDecimal expected;
    private final boolean negated;

    DecimalEq(FieldRef ref, BigDecimal expected, boolean negated) {
      super(ref);
      this.expected = expected;
      this.negated = negated;
    }

    @Override
    boolean test(FieldValues record) {
      Object v = read(record);
      return v == null ? negated : (((BigDecimal) v).compareTo(expected) == 0) != negated;
    }

    @Override
    Node negate() {
      return new DecimalEq(ref(), expected, !negated);
    }
  }

  /** {@code sorted} is sorted by {@code compareTo}, which is also what the binary search uses: 1.0 is found as 1. */
  static final class DecimalIn extends Leaf {
    private final BigDecimal[] sorted;
    private final boolean negated;

    DecimalIn(FieldRef ref, BigDecimal[] sorted, boolean negated) {
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
      return new DecimalIn(ref(), sorted, !negated);
    }
  }

  // ---- date

  static final class DateEq extends Leaf {
    private final LocalDate expected;
    private final boolean negated;

    DateEq(FieldRef ref, LocalDate expected, boolean negated) {
      super(ref);
      this.expected = expected;
      this.negated = negated;
    }

    @Override
    boolean test(FieldValues record) {
      Object v = read(record);
      return v == null ? negated : expected.isEqual((LocalDate) v) != negated;
    }

    @Override
    Node negate() {
      return new DateEq(ref(), expected, !negated);
    }
  }

  static final class DateIn extends Leaf {
    private final LocalDate[] sorted;
    private final boolean negated;

    DateIn(FieldRef ref, LocalDate[] sorted, boolean negated) {
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
      return new DateIn(ref(), sorted, !negated);
    }
  }

  // ---- ordered comparisons (integer, decimal, date); between is inclusive

  static final class LongGt extends Leaf {
    private final long bound;

    LongGt(FieldRef ref, long bound) {
      super(ref);
      this.bound = bound;
    }

    @Override
    boolean test(FieldValues record) {
      Object v = read(record);
      return v != null && ((Long) v).longValue() > bound;
    }
  }

  static final class LongGte extends Leaf {
    private final long bound;

    LongGte(FieldRef ref, long bound) {
      super(ref);
      this.bound = bound;
    }

    @Override
    boolean test(FieldValues record) {
      Object v = read(record);
      return v != null && ((Long) v).longValue() >= bound;
    }
  }

  static final class LongLt extends Leaf {
    private final long bound;

    LongLt(FieldRef ref, long bound) {
      super(ref);
      this.bound = bound;
    }

    @Override
    boolean test(FieldValues record) {
      Object v = read(record);
      return v != null && ((Long) v).longValue() < bound;
    }
  }

  static final class LongLte extends Leaf {
    private final long bound;

    LongLte(FieldRef ref, long bound) {
      super(ref);
      this.bound = bound;
    }

    @Override
    boolean test(FieldValues record) {
      Object v = read(record);
      return v != null && ((Long) v).longValue() <= bound;
    }
  }

  static final class LongBetween extends Leaf {
    private final long low;
    private final long high;

    LongBetween(FieldRef ref, long low, long high) {
      super(ref);
      this.low = low;
      this.high = high;
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

  static final class DecimalGt extends Leaf {
    private final BigDecimal bound;

    DecimalGt(FieldRef ref, BigDecimal bound) {
      super(ref);
      this.bound = bound;
    }

    @Override
    boolean test(FieldValues record) {
      Object v = read(record);
      return v != null && ((BigDecimal) v).compareTo(bound) > 0;
    }
  }

  static final class DecimalGte extends Leaf {
    private final BigDecimal bound;

    DecimalGte(FieldRef ref, BigDecimal bound) {
      super(ref);
      this.bound = bound;
    }

    @Override
    boolean test(FieldValues record) {
      Object v = read(record);
      return v != null && ((BigDecimal) v).compareTo(bound) >= 0;
    }
  }

  static final class DecimalLt extends Leaf {
    private final BigDecimal bound;

    DecimalLt(FieldRef ref, BigDecimal bound) {
      super(ref);
      this.bound = bound;
    }

    @Override
    boolean test(FieldValues record) {
      Object v = read(record);
      return v != null && ((BigDecimal) v).compareTo(bound) < 0;
    }
  }

  static final class DecimalLte extends Leaf {
    private final BigDecimal bound;

    DecimalLte(FieldRef ref, BigDecimal bound) {
      super(ref);
      this.bound = bound;
    }

    @Override
    boolean test(FieldValues record) {
      Object v = read(record);
      return v != null && ((BigDecimal) v).compareTo(bound) <= 0;
    }
  }

  static final class DecimalBetween extends Leaf {
    private final BigDecimal low;
    private final BigDecimal high;

    DecimalBetween(FieldRef ref, BigDecimal low, BigDecimal high) {
      super(ref);
      this.low = low;
      this.high = high;
    }

    @Override
    boolean test(FieldValues record) {
      Object v = read(record);
      if (v == null) {
        return false;
      }
      BigDecimal x = (BigDecimal) v;
      return x.compareTo(low) >= 0 && x.compareTo(high) <= 0;
    }
  }

  static final class DateGt extends Leaf {
    private final LocalDate bound;

    DateGt(FieldRef ref, LocalDate bound) {
      super(ref);
      this.bound = bound;
    }

    @Override
    boolean test(FieldValues record) {
      Object v = read(record);
      return v != null && ((LocalDate) v).compareTo(bound) > 0;
    }
  }

  static final class DateGte extends Leaf {
    private final LocalDate bound;

    DateGte(FieldRef ref, LocalDate bound) {
      super(ref);
      this.bound = bound;
    }

    @Override
    boolean test(FieldValues record) {
      Object v = read(record);
      return v != null && ((LocalDate) v).compareTo(bound) >= 0;
    }
  }

  static final class DateLt extends Leaf {
    private final LocalDate bound;

    DateLt(FieldRef ref, LocalDate bound) {
      super(ref);
      this.bound = bound;
    }

    @Override
    boolean test(FieldValues record) {
      Object v = read(record);
      return v != null && ((LocalDate) v).compareTo(bound) < 0;
    }
  }

  static final class DateLte extends Leaf {
    private final LocalDate bound;

    DateLte(FieldRef ref, LocalDate bound) {
      super(ref);
      this.bound = bound;
    }

    @Override
    boolean test(FieldValues record) {
      Object v = read(record);
      return v != null && ((LocalDate) v).compareTo(bound) <= 0;
    }
  }

  static final class DateBetween extends Leaf {
    private final LocalDate low;
    private final LocalDate high;

    DateBetween(FieldRef ref, LocalDate low, LocalDate high) {
      super(ref);
      this.low = low;
      this.high = high;
    }

    @Override
    boolean test(FieldValues record) {
      Object v = read(record);
      if (v == null) {
        return false;
      }
      LocalDate x = (LocalDate) v;
      return x.compareTo(low) >= 0 && x.compareTo(high) <= 0;
    }
  }}
