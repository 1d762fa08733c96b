package dev.relay.incentive;

import dev.relay.common.Money;
import dev.relay.common.Period;
import dev.relay.common.RepId;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One rep's commission statement for one period (提成明细): every line with its rule, and totals. The totals are exact
 * sums of the already rounded lines, so what a rep adds up by hand is what they are paid.
 *
 * @param rep whose statement
 * @param period which period
 * @param plan the key of the plan it was calculated under
 * @param currency the plan's currency
 * @param lines every line, in the order {@link LineKind} gives, then by deal and component
 * @param drawBalance recoverable draw still to recover after this statement (zero if none)
 * @throws IllegalArgumentException if the balance is in another currency; a line in another currency makes the totals
 *     throw it (lines are not each checked here: a statement may hold a million of them)
 */
public record CommissionStatement(RepId rep, Period period, String plan, Currency currency, List<StatementLine> lines,
    Money drawBalance) {
  public CommissionStatement {
    Objects.requireNonNull(rep, "rep");
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(drawBalance, "drawBalance");
    lines = List.copyOf(lines);
    if (!drawBalance.currency().equals(currency)) {
      throw new IllegalArgumentException("draw balance " + drawBalance + " is not in " + currency);
    }
  }

  /** The sum of every line. */
  public Money total() {
    Money sum = Money.zero(currency);
    for (StatementLine l : lines) {
      sum = sum.plus(l.amount());
    }
    return sum.rounded();
  }

  /** Totals per component key, in the order components first appear on the statement. */
  public Map<String, Money> totalsByComponent() {
    Map<String, Money> totals = new LinkedHashMap<>();
    for (StatementLine l : lines) {
      totals.merge(l.component(), l.amount(), Money::plus);
    }
    totals.replaceAll((k, v) -> v.rounded());
    return java.util.Collections.unmodifiableMap(totals);
  }

  /** Totals per kind of line. */
  public Map<LineKind, Money> totalsByKind() {
    Map<LineKind, Money> totals = new java.util.EnumMap<>(LineKind.class);
    for (StatementLine l : lines) {
      totals.merge(l.kind(), l.amount(), Money::plus);
    }
    totals.replaceAll((k, v) -> v.rounded());
    return java.util.Collections.unmodifiableMap(totals);
  }

  /** The lines of one kind. */
  public List<StatementLine> lines(LineKind kind) {
    return lines.stream().filter(l -> l.kind() == kind).toList();
  }

  /** A readable rendering, one line per statement line, for logs and the demo. */
  public String render() {
    StringBuilder out = new StringBuilder();
    out.append("Statement ").append(rep.value()).append(' ').append(period).append(" plan ").append(plan).append('\n');
    for (StatementLine l : lines) {
      out.append("  ").append(l).append('\n');
    }
    out.append("  total ").append(total()).append('\n');
    return out.toString();
  }
}
