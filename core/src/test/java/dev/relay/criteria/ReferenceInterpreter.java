package dev.relay.criteria;

import dev.relay.fields.FieldDefinition;
import dev.relay.fields.FieldSchema;
import dev.relay.fields.FieldType;
import dev.relay.fields.FieldValues;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;

/**
 * The test oracle: Operator's documented semantics, written as plainly as possible and sharing no code with the
 * compiler. Looks fields up by name, converts constants on every call and compares numbers as {@link BigDecimal}s.
 * Expects criteria that pass {@link CriteriaCompiler#check}.
 */
final class ReferenceInterpreter {
  private ReferenceInterpreter() {}

  static boolean test(Criteria criteria, FieldSchema schema, FieldValues record) {
    if (criteria instanceof Criteria.All all) {
      return all.items().stream().allMatch(c -> test(c, schema, record));
    }
    if (criteria instanceof Criteria.Any any) {
      return any.items().stream().anyMatch(c -> test(c, schema, record));
    }
    if (criteria instanceof Criteria.Not not) {
      return !test(not.item(), schema, record);
    }
    Criteria.Condition c = (Criteria.Condition) criteria;
    FieldDefinition def = schema.field(c.field()).orElseThrow();
    Object actual = record.get(c.field());
    Object value = c.value();
    switch (c.op()) {
      case IS_SET:
        return actual != null;
      case IS_BLANK:
        return actual == null
            || actual instanceof String s && s.codePoints().allMatch(Character::isWhitespace)
            || actual instanceof List<?> l && l.isEmpty();
      default:
        break;
    }
    if (actual == null) {
      return c.op() == Operator.NE || c.op() == Operator.NOT_IN;
    }
    switch (c.op()) {
      case EQ:
        return equal(def, actual, value);
      case NE:
        return !equal(def, actual, value);
      case IN:
        return in(def, actual, (List<?>) value);
      case NOT_IN:
        return !in(def, actual, (List<?>) value);
      case GT:
        return compare(def, actual, value) > 0;
      case GTE:
        return compare(def, actual, value) >= 0;
      case LT:
        return compare(def, actual, value) < 0;
      case LTE:
        return compare(def, actual, value) <= 0;
      case BETWEEN: {
        List<?> bounds = (List<?>) value;
        return compare(def, actual, bounds.get(0)) >= 0 && compare(def, actual, bounds.get(1)) <= 0;
      }
      case CONTAINS:
        return def.type() == FieldType.STRING
            ? ((String) actual).contains((String) value)
            : ((List<?>) actual).contains(value);
      case STARTS_WITH:
        return ((String) actual).startsWith((String) value);
      default:
        throw new AssertionError(c.op());
    }
  }

  private static boolean in(FieldDefinition def, Object actual, List<?> values) {
    if (def.type() == FieldType.ENUM_LIST) {
      for (Object option : (List<?>) actual) {
        if (values.contains(option)) {
          return true;
        }
      }
      return false;
    }
    for (Object v : values) {
      if (equal(def, actual, v)) {
        return true;
      }
    }
    return false;
  }

  private static boolean equal(FieldDefinition def, Object actual, Object expected) {
    switch (def.type()) {
      case INTEGER:
      case DECIMAL:
      case DATE:
        return compare(def, actual, expected) == 0;
      case ENUM_LIST:
        return new HashSet<>((List<?>) actual).equals(new HashSet<>((List<?>) expected));
      default:
        return actual.equals(expected);
    }
  }

  private static int compare(FieldDefinition def, Object actual, Object constant) {
    if (def.type() == FieldType.DATE) {
      return ((LocalDate) actual).compareTo(LocalDate.parse((String) constant));
    }
    return new BigDecimal(actual.toString()).compareTo(new BigDecimal(constant.toString()));
  }
}
