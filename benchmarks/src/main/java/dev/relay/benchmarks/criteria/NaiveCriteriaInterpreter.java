package dev.relay.benchmarks.criteria;

import dev.relay.criteria.Criteria;
import dev.relay.criteria.Operator;
import dev.relay.fields.FieldDefinition;
import dev.relay.fields.FieldSchema;
import dev.relay.fields.FieldType;
import dev.relay.fields.FieldValues;
import java.util.HashSet;
import java.util.List;

/**
 * The baseline a straightforward implementation would be: walk the raw {@link Criteria} tree on every call, look each
 * field up by name, and convert each constant to the field's type on every comparison (with {@link
 * FieldValues#coerce}, which also re-validates enum options and parses dates).
 */
final class NaiveCriteriaInterpreter {
  private NaiveCriteriaInterpreter() {}

  static boolean test(Criteria criteria, FieldSchema schema, FieldValues record) {
    if (criteria instanceof Criteria.All all) {
      for (Criteria item : all.items()) {
        if (!test(item, schema, record)) {
          return false;
        }
      }
      return true;
    }
    if (criteria instanceof Criteria.Any any) {
      for (Criteria item : any.items()) {
        if (test(item, schema, record)) {
          return true;
        }
      }
      return false;
    }
    if (criteria instanceof Criteria.Not not) {
      return !test(not.item(), schema, record);
    }
    return condition((Criteria.Condition) criteria, schema, record);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static boolean condition(Criteria.Condition c, FieldSchema schema, FieldValues record) {
    FieldDefinition def = schema.field(c.field()).orElseThrow();
    Object actual = record.get(c.field());
    Object value = c.value();
    switch (c.op()) {
      case IS_SET:
        return actual != null;
      case IS_BLANK:
        return actual == null || actual instanceof String s && s.isBlank()
            || actual instanceof List<?> l && l.isEmpty();
      default:
        if (actual == null) {
          return c.op() == Operator.NE || c.op() == Operator.NOT_IN;
        }
    }
    switch (c.op()) {
      case EQ:
        return equal(def, actual, value);
      case NE:
        return !equal(def, actual, value);
      case IN:
      case NOT_IN: {
        boolean found = false;
        for (Object v : (List<?>) value) {
          found |= def.type() == FieldType.ENUM_LIST ? ((List<?>) actual).contains(v) : equal(def, actual, v);
        }
        return found == (c.op() == Operator.IN);
      }
      case GT:
        return ((Comparable) actual).compareTo(FieldValues.coerce(def, value)) > 0;
      case GTE:
        return ((Comparable) actual).compareTo(FieldValues.coerce(def, value)) >= 0;
      case LT:
        return ((Comparable) actual).compareTo(FieldValues.coerce(def, value)) < 0;
      case LTE:
        return ((Comparable) actual).compareTo(FieldValues.coerce(def, value)) <= 0;
      case BETWEEN: {
        List<?> bounds = (List<?>) value;
        return ((Comparable) actual).compareTo(FieldValues.coerce(def, bounds.get(0))) >= 0
            && ((Comparable) actual).compareTo(FieldValues.coerce(def, bounds.get(1))) <= 0;
      }
      case CONTAINS:
        return actual instanceof String s ? s.contains((String) value) : ((List<?>) actual).contains(value);
      case STARTS_WITH:
        return ((String) actual).startsWith((String) value);
      default:
        throw new IllegalArgumentException("unsupported operator " + c.op());
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static boolean equal(FieldDefinition def, Object actual, Object expected) {
    Object converted = FieldValues.coerce(def, expected);
    return switch (def.type()) {
      case INTEGER, DECIMAL, DATE -> ((Comparable) actual).compareTo(converted) == 0;
      case ENUM_LIST -> new HashSet<>((List<?>) actual).equals(new HashSet<>((List<?>) converted));
      default -> actual.equals(converted);
    };
  }
}
