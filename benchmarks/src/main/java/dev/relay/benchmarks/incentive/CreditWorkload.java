package dev.relay.benchmarks.incentive;

import dev.relay.common.DealId;
import dev.relay.common.Money;
import dev.relay.common.Period;
import dev.relay.common.RepId;
import dev.relay.common.TenantId;
import dev.relay.incentive.CommissionPlan;
import dev.relay.incentive.DealCredit;
import dev.relay.incentive.TargetLevels;
import dev.relay.incentive.Tier;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A quarter's credited deal lines for a sales force, in booking order: amounts from 1,000.00 to 200,000.00 CNY, reps'
 * targets between 60% and 140% of their expected revenue so that every tier, the accelerator and both caps are hit.
 */
final class CreditWorkload {
  static final TenantId TENANT = TenantId.of("bench");
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  static final Period QUARTER = Period.quarter(2026, 1, ZONE);
  static final Currency CNY = Currency.getInstance("CNY");

  /** Graduated tiers 3% / 5% / 8%, 2% more above 120%, at most 15,000 per deal and 6,000,000 per rep. */
  static final CommissionPlan PLAN = CommissionPlan.builder("bench", "CNY")
      .graduated("tiers", Tier.of("0", "0.03"), Tier.of("0.5", "0.05"), Tier.of("1.0", "0.08"))
      .accelerator("accelerator", "1.2", "0.02")
      .dealCap("deal_cap", "15000")
      .periodCap("period_cap", "6000000")
      .build();

  final List<RepId> reps;
  final List<DealCredit> credits;
  final Map<RepId, TargetLevels> targets;

  private CreditWorkload(List<RepId> reps, List<DealCredit> credits, Map<RepId, TargetLevels> targets) {
    this.reps = reps;
    this.credits = credits;
    this.targets = targets;
  }

  static CreditWorkload generate(int repCount, int lineCount, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<RepId> reps = new ArrayList<>(repCount);
    for (int i = 0; i < repCount; i++) {
      reps.add(RepId.of(TENANT, "rep-" + i));
    }
    Instant start = QUARTER.start();
    long span = QUARTER.end().getEpochSecond() - start.getEpochSecond();
    List<DealCredit> credits = new ArrayList<>(lineCount);
    for (int i = 0; i < lineCount; i++) {
      // Booking times rise with i, so the list is in booking order as a ledger export would be.
      Instant at = start.plusSeconds(span * i / lineCount);
      long cents = 100_000 + random.nextLong(19_900_001);
      credits.add(DealCredit.revenue(DealId.of(TENANT, "D-" + i), reps.get(random.nextInt(repCount)),
          new Money(BigDecimal.valueOf(cents, 2), CNY), at));
    }
    // Expected revenue per rep: lines/reps × 100,500 on average; targets spread 60%..140% of it.
    long expected = (long) lineCount / repCount * 100_500L;
    Map<RepId, TargetLevels> targets = new HashMap<>();
    for (RepId rep : reps) {
      long base = expected * (60 + random.nextInt(81)) / 100;
      targets.put(rep, TargetLevels.of(new Money(BigDecimal.valueOf(base), CNY),
          new Money(BigDecimal.valueOf(base * 3 / 2), CNY)));
    }
    return new CreditWorkload(List.copyOf(reps), List.copyOf(credits), Map.copyOf(targets));
  }
}
