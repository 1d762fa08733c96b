package dev.relay.criteria;

import dev.relay.common.Problem;
import dev.relay.common.ValidationException;
import dev.relay.fields.FieldDefinition;
import dev.relay.fields.FieldSchema;
import dev.relay.fields.FieldType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Type-checks criteria against a schema and compiles them into allocation-free predicates.
 *
 * <p>Checking reports every problem, each with its path: {@code .field} for an unknown field, {@code .op} for an
 * operator that does not apply to the field's type, {@code .value} for an operand of the wrong type, shape or arity.
 * Numbers never compare with strings, integer fields only with integral numbers, enum fields only with their options.
 */
public final class CriteriaCompiler {
  private CriteriaCompiler() {}

  /**
   * Every problem of the criteria against the schema, each path prefixed by {@code basePath} (e.g. {@code
   * pipeline.stages[2].gate} gives {@code pipeline.stages[2].gate.all[0].field}; an empty base gives {@code
   * all[0].field}). An empty list means {@link #compile} will succeed.
   */
  public static List<Problem> check(Criteria criteria, FieldSchema schema, String basePath) {
    Compilation compilation = new Compilation(schema, basePath);
    compilation.node(criteria, "");
    return List.copyOf(compilation.problems);
  }

  /**
   * Checks and compiles the criteria. The result reads records of {@code schema} by slot and records of any other
   * schema (an older playbook version) by field name.
   *
   * @throws ValidationException listing every problem {@link #check} finds, with its path
   */
  public static CompiledCriteria compile(Criteria criteria, FieldSchema schema, String basePath) {
    Compilation compilation = new Compilation(schema, basePath);
    Node root = compilation.node(criteria, "");
    if (!compilation.problems.isEmpty()) {
      throw new ValidationException(compilation.problems);
    }
    return new CompiledTree(criteria, schema, root, compilation.leaves, compilation.leafPaths);
  }

  /** One pass over a tree: checks every condition and, while no problem has been found, builds its node. */
  private static final class Compilation {
    private final FieldSchema schema;
    private final String basePath;
    private final List<Problem> problems = new ArrayList<>();
    /** Every condition's leaf in tree order, uncombined, for {@link CompiledTree#explain}. */
    private final List<Leaf> leaves = new ArrayList<>();
    private final List<String> leafPaths = new ArrayList<>();

    Compilation(FieldSchema schema, String basePath) {
      this.schema = Objects.requireNonNull(schema, "schema");
      this.basePath = Objects.requireNonNull(basePath, "basePath");
    }

    /** The node for {@code criteria} at {@code path} (relative to the root), or {@code null} after a problem. */
    @Nullable Node node(Criteria criteria, String path) {
      Objects.requireNonNull(criteria, "criteria");
      if (criteria instanceof Criteria.All all) {
        List<Node> items = items(all.items(), path, "all");
        return items == null ? null : group(items, true);
      }
      if (criteria instanceof Criteria.Any any) {
        List<Node> items = items(any.items(), path, "any");
        return items == null ? null : group(items, false);
      }
      if (criteria instanceof Criteria.Not not) {
        Node item = node(not.item(), CriteriaValues.path(path, "not"));
        return item == null ? null : item.negate();
      }
      Criteria.Condition condition = (Criteria.Condition) criteria;
      Leaf leaf = condition(condition, path);
      if (leaf != null) {
        leaves.add(leaf);
        leafPaths.add(path);
      }
      return leaf;
    }

    private @Nullable List<Node> items(List<Criteria> items, String path, String kind) {
      List<Node> nodes = new ArrayList<>(items.size());
      boolean complete = true;
      for (int i = 0; i < items.size(); i++) {
        Node n = node(items.get(i), CriteriaValues.path(path, kind + "[" + i + "]"));
        complete &= n != null;
        nodes.add(n);
      }
      return complete ? nodes : null;
    }

    /**
     * Nested groups of the same kind merge into one array, constants fold away (an item that decides the group alone
     * replaces it), and a single item stands alone.
     */
    private static Node group(List<Node> items, boolean isAll) {
      Node decisive = isAll ? Node.Constant.FALSE : Node.Constant.TRUE;
      Node neutral = decisive.negate();
      List<Node> flat = new ArrayList<>();
      for (Node n : items) {
        if (n == decisive) {
          return decisive;
        }
        if (isAll && n instanceof Node.All nested) {
          flat.addAll(Arrays.asList(nested.items()));
        } else if (!isAll && n instanceof Node.Any nested) {
          flat.addAll(Arrays.asList(nested.items()));
        } else if (n != neutral) {
          flat.add(n);
        }
      }
      if (flat.size() <= 1) {
        return flat.isEmpty() ? neutral : flat.get(0);
      }
      Node[] array = flat.toArray(new Node[0]);
      return isAll ? new Node.All(array) : new Node.Any(array);
    }

    private @Nullable Leaf condition(Criteria.Condition c, String path) {
      int before = problems.size();
      Operator op = c.op();
      int slot = schema.slotOf(c.field());
      FieldDefinition def = null;
      if (slot < 0) {
        String hint = schema.suggest(c.field());
        report(path, "field",
            "unknown field '" + c.field() + "'" + (hint == null ? "" : " (did you mean '" + hint + "'?)"));
      } else {
        def = schema.fieldAt(slot);
        if (!applies(op, def.type())) {
          report(path, "op", "operator '" + op.jsonName() + "' does not apply to " + def.type().jsonName()
              + " field '" + def.name() + "'");
          def = null;
        }
      }
      Object value = c.value();
      if (shapeFits(op, def, value, path) && def != null) {
        Leaf leaf = leaf(new Leaf.FieldRef(schema, slot, def), op, value, path);
        return problems.size() == before ? leaf : null;
      }
      return null;
    }

    /**
     * Whether the operand has the shape the operator needs: none for unary operators, a non-empty list for in and
     * not_in, two values for between, a list for eq/ne on an enum list, otherwise one value. {@code def} is null when
     * the field is unknown or the operator does not apply; then only what holds for every type is checked.
     */
    private boolean shapeFits(Operator op, @Nullable FieldDefinition def, @Nullable Object value, String path) {
      String name = op.jsonName();
      if (op.isUnary()) {
        return value == null || fail(path, name + " takes no value, got " + CriteriaValues.describe(value));
      }
      if (value == null) {
        return fail(path, name + " needs a value");
      }
      if (op == Operator.IN || op == Operator.NOT_IN) {
        return value instanceof List<?> l && !l.isEmpty()
            || fail(path, name + " needs a non-empty list of values, got " + CriteriaValues.describe(value));
      }
      if (op == Operator.BETWEEN) {
        if (!(value instanceof List<?> l)) {
          return fail(path, "between needs a list of 2 values [low, high], got " + CriteriaValues.describe(value));
        }
        return l.size() == 2 || fail(path, "between needs exactly 2 values [low, high], got " + l.size());
      }
      if (def == null) {
        return true;
      }
      boolean listOperand = def.type() == FieldType.ENUM_LIST && (op == Operator.EQ || op == Operator.NE);
      if (listOperand && !(value instanceof List<?>)) {
        return fail(path, "field '" + def.name() + "' is enum_list, " + name + " needs a list of options (or use "
            + "contains), got " + CriteriaValues.describe(value));
      }
      if (!listOperand && value instanceof List<?>) {
        return fail(path, name + " needs a single value, got " + CriteriaValues.describe(value));
      }
      return true;
    }

    private boolean fail(String path, String message) {
      report(path, "value", message);
      return false;
    }

    private static boolean applies(Operator op, FieldType type) {
      return switch (op) {
        case EQ, NE, IN, NOT_IN, IS_SET, IS_BLANK -> true;
        case GT, GTE, LT, LTE, BETWEEN -> type.isOrdered();
        case CONTAINS -> type == FieldType.STRING || type == FieldType.ENUM_LIST;
        case STARTS_WITH -> type == FieldType.STRING || type == FieldType.ENUM;
      };
    }

    /** Converts the well-shaped operand and builds the leaf; after a conversion problem the leaf is discarded. */
    private Leaf leaf(Leaf.FieldRef ref, Operator op, @Nullable Object value, String path) {
      FieldDefinition def = ref.field();
      boolean negated = op == Operator.NE || op == Operator.NOT_IN;
      if (op == Operator.IS_SET) {
        return new Leaf.IsSet(ref);
      }
      if (op == Operator.IS_BLANK) {
        return new Leaf.IsBlank(ref);
      }
      List<?> list = value instanceof List<?> l ? l : List.of();
      Object scalar = value instanceof List<?> ? "" : Objects.requireNonNull(value);
      return switch (def.type()) {
        case STRING, ENUM -> switch (op) {
          case EQ, NE -> new Leaf.StringEq(ref, option(def, scalar, path), negated);
          case IN, NOT_IN -> new Leaf.StringIn(ref, options(def, list, path), negated);
          case CONTAINS -> new Leaf.StringContains(ref, text(def, scalar, path));
          case STARTS_WITH -> new Leaf.StringStartsWith(ref, text(def, scalar, path));
          default -> throw unreachable(op, def);
        };
        case ENUM_LIST -> switch (op) {
          case EQ, NE -> new Leaf.EnumListEq(ref, options(def, list, path), negated);
          case IN, NOT_IN -> new Leaf.EnumListIn(ref, options(def, list, path), negated);
          case CONTAINS -> new Leaf.EnumListContains(ref, option(def, scalar, path));
          default -> throw unreachable(op, def);
        };
        case BOOLEAN -> switch (op) {
          case EQ, NE -> new Leaf.BooleanEq(ref, bool(def, scalar, path), negated);
          case IN, NOT_IN -> {
            boolean acceptsTrue = false;
            boolean acceptsFalse = false;
            for (Object item : list) {
              boolean b = bool(def, item, path);
              acceptsTrue |= b;
              acceptsFalse |= !b;
            }
            yield new Leaf.BooleanIn(ref, acceptsTrue, acceptsFalse, negated);
          }
          default -> throw unreachable(op, def);
        };
        case INTEGER -> integerLeaf(ref, op, scalar, list, negated, path);
        case DECIMAL -> orderedLeaf(ref, BigDecimal.class, this::decimal, op, scalar, list, negated, path);
        case DATE -> orderedLeaf(ref, LocalDate.class, this::date, op, scalar, list, negated, path);
      };
    }

    private Leaf integerLeaf(
        Leaf.FieldRef ref, Operator op, Object scalar, List<?> list, boolean negated, String path) {
      FieldDefinition def = ref.field();
      return switch (op) {
        case EQ, NE -> new Leaf.LongEq(ref, integer(def, scalar, path), negated);
        case IN, NOT_IN -> {
          long[] values = new long[list.size()];
          for (int i = 0; i < values.length; i++) {
            values[i] = integer(def, list.get(i), path);
          }
          Arrays.sort(values);
          yield new Leaf.LongIn(ref, values, negated);
        }
        case GT, GTE, LT, LTE -> Leaf.LongRange.of(ref, op, integer(def, scalar, path));
        case BETWEEN -> {
          long low = integer(def, list.get(0), path);
          long high = integer(def, list.get(1), path);
          checkOrder(Long.compare(low, high), list, path);
          yield new Leaf.LongRange(ref, low, high);
        }
        default -> throw unreachable(op, def);
      };
    }

    /** Reads one operand of a decimal or date condition, reporting a problem and returning a placeholder if bad. */
    private interface Operand<T> {
      T read(FieldDefinition def, Object raw, String path);
    }

    private <T extends Comparable<? super T>> Leaf orderedLeaf(Leaf.FieldRef ref, Class<T> type, Operand<T> operand,
        Operator op, Object scalar, List<?> list, boolean negated, String path) {
      FieldDefinition def = ref.field();
      return switch (op) {
        case EQ, NE -> new Leaf.OrderedEq<>(ref, type, operand.read(def, scalar, path), negated);
        case IN, NOT_IN -> {
          Object[] values = new Object[list.size()];
          for (int i = 0; i < values.length; i++) {
            values[i] = operand.read(def, list.get(i), path);
          }
          Arrays.sort(values);
          yield new Leaf.OrderedIn(ref, values, negated);
        }
        case GT, GTE, LT, LTE -> Leaf.OrderedRange.of(ref, type, op, operand.read(def, scalar, path));
        case BETWEEN -> {
          T low = operand.read(def, list.get(0), path);
          T high = operand.read(def, list.get(1), path);
          checkOrder(low.compareTo(high), list, path);
          yield new Leaf.OrderedRange<>(ref, type, low, true, high, true);
        }
        default -> throw unreachable(op, def);
      };
    }

    // The converters below report a problem and return a placeholder when the operand does not fit; the leaf built
    // from a placeholder is discarded because the problem count has grown.

    private String text(FieldDefinition def, Object value, String path) {
      if (value instanceof String s) {
        return s;
      }
      mismatch(def, value, path);
      return "";
    }

    private String option(FieldDefinition def, Object value, String path) {
      String s = text(def, value, path);
      if (value instanceof String && def.type().hasOptions() && !def.options().contains(s)) {
        report(path, "value", "'" + s + "' is not an option of " + def.type().jsonName() + " field '" + def.name()
            + "' " + def.options());
      }
      return s;
    }

    private Set<String> options(FieldDefinition def, List<?> values, String path) {
      Set<String> out = new LinkedHashSet<>();
      for (Object v : values) {
        out.add(option(def, v, path));
      }
      return Set.copyOf(out);
    }

    private boolean bool(FieldDefinition def, Object value, String path) {
      if (value instanceof Boolean b) {
        return b;
      }
      mismatch(def, value, path);
      return false;
    }

    private long integer(FieldDefinition def, Object value, String path) {
      if (value instanceof Long l) {
        return l;
      }
      if (value instanceof BigDecimal d) {
        try {
          return d.stripTrailingZeros().longValueExact();
        } catch (ArithmeticException notIntegral) {
          // reported below
        }
      }
      mismatch(def, value, path);
      return 0;
    }

    private BigDecimal decimal(FieldDefinition def, Object value, String path) {
      if (value instanceof Long l) {
        return BigDecimal.valueOf(l);
      }
      if (value instanceof BigDecimal d) {
        return d;
      }
      mismatch(def, value, path);
      return BigDecimal.ZERO;
    }

    private LocalDate date(FieldDefinition def, Object value, String path) {
      if (value instanceof String s) {
        try {
          return LocalDate.parse(s);
        } catch (DateTimeParseException notIso) {
          report(path, "value", "field '" + def.name() + "' is date, got string '" + s + "' (expected a date like "
              + "2026-03-31)");
          return LocalDate.EPOCH;
        }
      }
      mismatch(def, value, path);
      return LocalDate.EPOCH;
    }

    private void checkOrder(int lowVersusHigh, List<?> list, String path) {
      if (lowVersusHigh > 0) {
        report(path, "value", "between needs low <= high, got " + CriteriaValues.text(list));
      }
    }

    private void mismatch(FieldDefinition def, Object value, String path) {
      report(path, "value", "field '" + def.name() + "' is " + def.type().jsonName() + ", got "
          + CriteriaValues.describe(value));
    }

    private void report(String path, String segment, String message) {
      problems.add(new Problem(CriteriaValues.path(CriteriaValues.path(basePath, path), segment), message));
    }

    private static IllegalStateException unreachable(Operator op, FieldDefinition def) {
      return new IllegalStateException("operator " + op + " on " + def.type() + " passed the applicability check");
    }
  }
}
