package dev.relay.criteria;

import java.util.List;

/**
 * Criteria in words, for people: {@code amount > 100000 and (region in [east] or not (tier = C))}. Used in traces,
 * gate reasons and anywhere a host shows a rule. The text is for reading, not parsing; {@link CriteriaJson} is the
 * exchange format.
 */
public final class CriteriaText {
  private CriteriaText() {}

  /**
   * The whole tree in words. Conditions read {@code field op value}; {@code all} joins with {@code and}, {@code any}
   * with {@code or}, nested groups are parenthesised; an empty {@code all} reads {@code always}, an empty {@code any}
   * {@code never}.
   */
  public static String render(Criteria criteria) {
    StringBuilder sb = new StringBuilder();
    append(criteria, sb, false);
    return sb.toString();
  }

  private static void append(Criteria c, StringBuilder sb, boolean nested) {
    if (c instanceof Criteria.Condition condition) {
      appendCondition(condition, sb);
    } else if (c instanceof Criteria.Not not) {
      sb.append("not (");
      append(not.item(), sb, false);
      sb.append(')');
    } else if (c instanceof Criteria.All all) {
      appendGroup(all.items(), " and ", "always", sb, nested);
    } else {
      appendGroup(((Criteria.Any) c).items(), " or ", "never", sb, nested);
    }
  }

  private static void appendGroup(List<Criteria> items, String joiner, String empty, StringBuilder sb, boolean nested) {
    if (items.isEmpty()) {
      sb.append(empty);
      return;
    }
    if (items.size() == 1) {
      append(items.get(0), sb, nested);
      return;
    }
    if (nested) {
      sb.append('(');
    }
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) {
        sb.append(joiner);
      }
      append(items.get(i), sb, true);
    }
    if (nested) {
      sb.append(')');
    }
  }

  private static void appendCondition(Criteria.Condition c, StringBuilder sb) {
    sb.append(c.field()).append(' ').append(symbol(c.op()));
    Object value = c.value();
    if (value == null) {
      return;
    }
    sb.append(' ');
    if (c.op() == Operator.BETWEEN && value instanceof List<?> l && l.size() == 2) {
      sb.append(CriteriaValues.text(l.get(0))).append(" and ").append(CriteriaValues.text(l.get(1)));
    } else {
      sb.append(CriteriaValues.text(value));
    }
  }

  private static String symbol(Operator op) {
    return switch (op) {
      case EQ -> "=";
      case NE -> "!=";
      case IN -> "in";
      case NOT_IN -> "not in";
      case GT -> ">";
      case GTE -> ">=";
      case LT -> "<";
      case LTE -> "<=";
      case BETWEEN -> "between";
      case CONTAINS -> "contains";
      case STARTS_WITH -> "starts with";
      case IS_SET -> "is set";
      case IS_BLANK -> "is blank";
    };
  }
}
