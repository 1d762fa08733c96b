package dev.relay.incentive;

import dev.relay.common.DealId;
import dev.relay.common.Money;
import dev.relay.common.Period;
import dev.relay.common.RepId;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;

/** Commission statements for the adapter's tests outside this package (the contract's builder is protected). */
public final class JdbcStatementSamples {
  public static final Period MARCH = Period.month(2026, 3, ZoneId.of("Asia/Shanghai"));

  /** A March statement of {@code rep} with one commission line per deal named, each paying {@code amount}. */
  public static CommissionStatement march(RepId rep, String amount, String... deals) {
    List<StatementLine> lines = new java.util.ArrayList<>();
    for (String deal : deals) {
      lines.add(new StatementLine("tiers", LineKind.COMMISSION, DealId.of(rep.tenant(), deal), "revenue credit",
          Money.of("1000.00", "CNY"), new BigDecimal("0.05"), "tier 1 at 5%", Money.of(amount, "CNY"), null));
    }
    return new CommissionStatement(rep, MARCH, "plan", Currency.getInstance("CNY"), lines, Money.of("0.00", "CNY"));
  }

  private JdbcStatementSamples() {}
}
