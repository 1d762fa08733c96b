package dev.relay.benchmarks.incentive;

import dev.relay.common.RepId;
import dev.relay.incentive.DealCredit;
import dev.relay.incentive.TargetLevels;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark plan ({@link CreditWorkload#PLAN}) written by hand as one pass over credits in booking order: per rep a
 * running revenue and a running total; per credit the tiered commission (rounded HALF_EVEN to the cent once, as the
 * deal's tier lines add up to) and the accelerator (rounded), the deal cap; at the end the period cap. No lines, no
 * explanations: the floor for what computing the same totals costs.
 */
final class HandWrittenCommissions {
  private static final BigDecimal[] FROM = {BigDecimal.ZERO, new BigDecimal("0.5"), new BigDecimal("1.0")};
  private static final BigDecimal[] RATE = {new BigDecimal("0.03"), new BigDecimal("0.05"), new BigDecimal("0.08")};
  private static final BigDecimal ACCELERATE_ABOVE = new BigDecimal("1.2");
  private static final BigDecimal EXTRA = new BigDecimal("0.02");
  private static final BigDecimal DEAL_CAP = new BigDecimal("15000.00");
  private static final BigDecimal PERIOD_CAP = new BigDecimal("6000000.00");

  private static final class Running {
    final BigDecimal[] bounds = new BigDecimal[FROM.length];
    final BigDecimal threshold;
    BigDecimal revenue = BigDecimal.ZERO;
    BigDecimal earned = BigDecimal.ZERO;

    Running(BigDecimal base) {
      for (int i = 0; i < FROM.length; i++) {
        bounds[i] = FROM[i].multiply(base);
      }
      threshold = ACCELERATE_ABOVE.multiply(base);
    }
  }

  private HandWrittenCommissions() {}

  /** Each rep's total for the period. */
  static Map<RepId, BigDecimal> totals(List<DealCredit> credits, Map<RepId, TargetLevels> targets) {
    Map<RepId, Running> running = new HashMap<>();
    for (DealCredit credit : credits) {
      Running r = running.computeIfAbsent(credit.rep(), rep -> new Running(targets.get(rep).base().amount()));
      BigDecimal amount = credit.amount().amount();
      BigDecimal exact = BigDecimal.ZERO;
      BigDecimal cumulative = r.revenue;
      BigDecimal remaining = amount;
      int band = 0;
      while (remaining.signum() > 0) {
        while (band + 1 < r.bounds.length && cumulative.compareTo(r.bounds[band + 1]) >= 0) {
          band++;
        }
        BigDecimal portion = remaining;
        if (band + 1 < r.bounds.length) {
          BigDecimal room = r.bounds[band + 1].subtract(cumulative);
          if (room.compareTo(portion) < 0) {
            portion = room;
          }
        }
        exact = exact.add(portion.multiply(RATE[band]));
        cumulative = cumulative.add(portion);
        remaining = remaining.subtract(portion);
      }
      // The tier lines of one deal pay its exact tiered commission rounded once.
      BigDecimal onDeal = exact.setScale(2, RoundingMode.HALF_EVEN);
      if (cumulative.compareTo(r.threshold) > 0) {
        BigDecimal above = cumulative.subtract(r.revenue.max(r.threshold));
        onDeal = onDeal.add(above.multiply(EXTRA).setScale(2, RoundingMode.HALF_EVEN));
      }
      r.earned = r.earned.add(onDeal.min(DEAL_CAP));
      r.revenue = cumulative;
    }
    Map<RepId, BigDecimal> totals = new HashMap<>();
    running.forEach((rep, r) -> totals.put(rep, r.earned.min(PERIOD_CAP)));
    return totals;
  }
}
