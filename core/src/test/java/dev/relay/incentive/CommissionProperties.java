package dev.relay.incentive;

import static dev.relay.incentive.IncentiveSamples.ACME;
import static dev.relay.incentive.IncentiveSamples.APRIL;
import static dev.relay.incentive.IncentiveSamples.LI;
import static dev.relay.incentive.IncentiveSamples.MARCH;
import static dev.relay.incentive.IncentiveSamples.april;
import static dev.relay.incentive.IncentiveSamples.cny;
import static dev.relay.incentive.IncentiveSamples.deal;
import static dev.relay.incentive.IncentiveSamples.march;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relay.common.Money;
import dev.relay.common.RepId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.AfterFailureMode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;

/** Invariants of credit splits and commission plans. */
class CommissionProperties {

  @Property(afterFailure = AfterFailureMode.PREVIOUS_SEED)
  void splitsNeitherCreateNorLoseMoney(@ForAll @LongRange(min = 0, max = 100_000_000) long cents,
      @ForAll @Size(min = 1, max = 6) List<@IntRange(min = 1, max = 1000) Integer> rawShares,
      @ForAll @IntRange(min = 0, max = 3) int overlays) {
    Money amount = new Money(BigDecimal.valueOf(cents, 2), cny("0").currency());
    int total = rawShares.stream().mapToInt(Integer::intValue).sum();
    // Shares in percent with up to 4 decimals that total exactly 100.
    List<CreditSplit> splits = new ArrayList<>();
    BigDecimal given = BigDecimal.ZERO;
    for (int i = 0; i < rawShares.size(); i++) {
      BigDecimal share = i == rawShares.size() - 1 ? BigDecimal.valueOf(100).subtract(given)
          : BigDecimal.valueOf(rawShares.get(i) * 100L).divide(BigDecimal.valueOf(total), 4, java.math.RoundingMode.DOWN);
      if (share.signum() == 0) {
        return;
      }
      given = given.add(share);
      splits.add(new CreditSplit(RepId.of(ACME, "r" + i), share, CreditKind.REVENUE));
    }
    for (int k = 0; k < overlays; k++) {
      splits.add(CreditSplit.overlay(RepId.of(ACME, "o" + k), "50"));
    }
    Statistics.collect(rawShares.size() == 1 ? "one rep" : "shared");

    List<DealCredit> credits = CreditSplitter.split(deal("D-1"), amount, splits, march(1), null, null);

    Money revenue = credits.stream().filter(c -> c.kind() == CreditKind.REVENUE).map(DealCredit::amount)
        .reduce(Money.zero(amount.currency()), Money::plus);
    assertTrue(revenue.isEqualTo(amount), () -> credits + " of " + amount);
    assertEquals(overlays, credits.stream().filter(c -> c.kind() == CreditKind.OVERLAY).count());
  }

  @Property(afterFailure = AfterFailureMode.PREVIOUS_SEED)
  void graduatedTiersHaveNoJumpAtABoundary(@ForAll("tiers") List<Tier> tiers,
      @ForAll @IntRange(min = 1, max = 3) int boundaryIndex, @ForAll @IntRange(min = 1, max = 1000) int cents) {
    if (boundaryIndex >= tiers.size()) {
      return;
    }
    CommissionPlan plan = CommissionPlan.builder("p", "CNY").component(new Component.GraduatedTiers("g", tiers))
        .build();
    BigDecimal boundary = tiers.get(boundaryIndex).from().multiply(BigDecimal.valueOf(100_000));
    BigDecimal step = BigDecimal.valueOf(cents, 2);
    Money below = earnings(plan, boundary.subtract(step));
    Money above = earnings(plan, boundary.add(step));
    BigDecimal maxRate = tiers.stream().map(Tier::rate).max(BigDecimal::compareTo).orElseThrow();
    // Crossing the boundary pays at most the top rate on the extra revenue, plus a cent of rounding per line.
    BigDecimal bound = step.multiply(BigDecimal.valueOf(2)).multiply(maxRate).add(new BigDecimal("0.02"));
    BigDecimal jump = above.minus(below).amount();
    assertTrue(jump.signum() >= 0 && jump.compareTo(bound) <= 0, () -> "jump " + jump + " bound " + bound);
  }

  @Property(afterFailure = AfterFailureMode.PREVIOUS_SEED)
  void earningsNeverFallAsRevenueRisesWithoutDecelerators(@ForAll("plans") CommissionPlan plan,
      @ForAll @Size(min = 1, max = 8) List<@LongRange(min = 0, max = 5_000_000) Long> deals,
      @ForAll @IntRange(min = 0, max = 7) int grown, @ForAll @LongRange(min = 1, max = 3_000_000) long extra) {
    List<DealCredit> before = credits(deals);
    List<Long> more = new ArrayList<>(deals);
    int i = grown % deals.size();
    more.set(i, more.get(i) + extra);
    Statistics.collect(plan.components().size() + " components");

    Money earnedBefore = earnings(plan, before);
    Money earnedAfter = earnings(plan, credits(more));
    Money withExtraDeal = earnings(plan, appended(before, extra));

    assertTrue(earnedAfter.compareTo(earnedBefore) >= 0, () -> earnedBefore + " -> " + earnedAfter);
    assertTrue(withExtraDeal.compareTo(earnedBefore) >= 0, () -> earnedBefore + " -> " + withExtraDeal);
  }

  @Property(afterFailure = AfterFailureMode.PREVIOUS_SEED)
  void capsAreNeverExceeded(@ForAll("plans") CommissionPlan uncapped,
      @ForAll @Size(min = 1, max = 10) List<@LongRange(min = 0, max = 5_000_000) Long> deals,
      @ForAll @LongRange(min = 0, max = 200_000) long dealCap, @ForAll @LongRange(min = 0, max = 500_000) long periodCap) {
    List<Component> components = new ArrayList<>(uncapped.components());
    components.add(new Component.DealCap("deal_cap", new Money(BigDecimal.valueOf(dealCap, 2), uncapped.currency())));
    components.add(new Component.PeriodCap("period_cap",
        new Money(BigDecimal.valueOf(periodCap, 2), uncapped.currency())));
    CommissionPlan plan = uncapped.withComponents(components);

    CommissionStatement s = CommissionEngine.calculate(plan, inputs(credits(deals)), LI);

    Statistics.collect(s.lines(LineKind.PERIOD_CAP).isEmpty() ? "under period cap" : "period cap hit");
    assertTrue(s.total().amount().compareTo(BigDecimal.valueOf(periodCap, 2)) <= 0, s::render);
    java.util.Map<dev.relay.common.DealId, BigDecimal> perDeal = new java.util.HashMap<>();
    for (StatementLine l : s.lines()) {
      if (l.deal() != null && l.kind() != LineKind.OVERRIDE) {
        perDeal.merge(l.deal(), l.amount().amount(), BigDecimal::add);
      }
    }
    perDeal.values().forEach(v -> assertTrue(v.compareTo(BigDecimal.valueOf(dealCap, 2)) <= 0, s::render));
  }

  @Property(afterFailure = AfterFailureMode.PREVIOUS_SEED)
  void aFullyRefundedDealNetsToZeroAfterItsClawback(@ForAll("plans") CommissionPlan uncapped,
      @ForAll @Size(min = 1, max = 6) List<@LongRange(min = 1, max = 5_000_000) Long> deals,
      @ForAll @IntRange(min = 0, max = 5) int refunded) {
    List<Component> components = new ArrayList<>(uncapped.components());
    components.add(new Component.Clawback("clawback", 90));
    CommissionPlan plan = uncapped.withComponents(components);
    StatementLedger ledger = new StatementLedger(new InMemoryStatementRepository());
    List<DealCredit> credits = credits(deals);
    ledger.recalculate(ACME, plan, inputs(credits));
    ledger.close(ACME, MARCH);
    DealCredit target = credits.get(refunded % credits.size());

    CommissionInputs april = CommissionInputs.builder(APRIL).target(LI, IncentiveSamples.target("100000", "150000"))
        .reversal(new Reversal(target.deal(), target.bookedAt(), april(10), target.amount(), target.amount(),
            "cancelled"))
        .build();
    ledger.recalculate(ACME, plan, april);

    BigDecimal net = BigDecimal.ZERO;
    for (Period p : List.of(new Period(MARCH), new Period(APRIL))) {
      for (StatementLine l : ledger.statement(LI, p.value).orElseThrow().lines()) {
        if (target.deal().equals(l.deal())) {
          net = net.add(l.amount().amount());
        }
      }
    }
    Statistics.collect(target.amount().isZero() ? "zero deal" : "paid deal");
    assertEquals(0, net.signum(), "net " + net);
  }

  @Property(afterFailure = AfterFailureMode.PREVIOUS_SEED)
  void statementsDoNotDependOnTheOrderCreditsAreGivenIn(@ForAll("plans") CommissionPlan plan,
      @ForAll @Size(min = 1, max = 12) List<@LongRange(min = 0, max = 5_000_000) Long> deals,
      @ForAll java.util.Random random) {
    List<DealCredit> credits = new ArrayList<>();
    RepId[] reps = {LI, IncentiveSamples.WANG, IncentiveSamples.ZHAO};
    for (int i = 0; i < deals.size(); i++) {
      // Some deals share a booking instant, so ties are broken by deal id.
      credits.add(DealCredit.revenue(deal("D-" + i), reps[i % reps.length], new Money(BigDecimal.valueOf(deals.get(i),
          2), cny("0").currency()), march(1 + i / 2)));
    }
    List<DealCredit> shuffled = new ArrayList<>(credits);
    java.util.Collections.shuffle(shuffled, random);
    Statistics.collect(shuffled.equals(credits) ? "same order" : "shuffled");

    assertEquals(CommissionEngine.calculate(plan, inputsFor(credits)), CommissionEngine.calculate(plan,
        inputsFor(shuffled)));
  }

  @Property(afterFailure = AfterFailureMode.PREVIOUS_SEED)
  void aTeamPoolSharesExactlyItsPot(@ForAll @Size(min = 1, max = 4) List<@LongRange(min = 0, max = 9_000_000) Long>
      revenue, @ForAll @Size(min = 4, max = 4) List<@IntRange(min = 0, max = 50) Integer> collaboration,
      @ForAll @IntRange(min = 0, max = 10) int collaborationTenths) {
    BigDecimal collaborationWeight = BigDecimal.valueOf(collaborationTenths, 1);
    CommissionPlan plan = CommissionPlan.builder("pool", "CNY").component(new Component.TeamPool("team_pool",
        new BigDecimal("0.03"), BigDecimal.ONE.subtract(collaborationWeight), collaborationWeight)).build();
    RepId[] team = {IncentiveSamples.MEI, LI, IncentiveSamples.WANG, IncentiveSamples.ZHAO};
    CommissionInputs.Builder inputs = CommissionInputs.builder(MARCH).chart(IncentiveSamples.chart());
    BigDecimal total = BigDecimal.ZERO;
    for (int i = 0; i < revenue.size(); i++) {
      BigDecimal amount = BigDecimal.valueOf(revenue.get(i), 2);
      total = total.add(amount);
      inputs.credit(DealCredit.revenue(deal("D-" + i), team[i], new Money(amount, cny("0").currency()), march(1 + i)))
          .target(team[i], IncentiveSamples.target("100000", "100000"));
    }
    for (int i = 0; i < team.length; i++) {
      inputs.collaboration(team[i], BigDecimal.valueOf(collaboration.get(i)));
    }
    Money pot = new Money(total.multiply(new BigDecimal("0.03")), cny("0").currency()).rounded();

    Money shared = CommissionEngine.calculate(plan, inputs.build()).stream()
        .flatMap(s -> s.lines(LineKind.TEAM_POOL).stream()).map(StatementLine::amount)
        .reduce(Money.zero(pot.currency()), Money::plus);

    Statistics.collect(pot.isZero() ? "empty pot" : "pot shared");
    assertTrue(shared.isEqualTo(pot), () -> shared + " of " + pot);
  }

  private static CommissionInputs inputsFor(List<DealCredit> credits) {
    return CommissionInputs.builder(MARCH).target(LI, IncentiveSamples.target("100000", "150000"))
        .target(IncentiveSamples.WANG, IncentiveSamples.target("50000", "60000")).credits(credits).build();
  }

  private record Period(dev.relay.common.Period value) {}

  /**
   * A non-guaranteed draw pays exactly what the guaranteed one would once the minimum attainment is reached; below it,
   * it pays nothing (a zero line), never more, and its balance never grows.
   */
  @Property(afterFailure = AfterFailureMode.PREVIOUS_SEED)
  void aNonGuaranteedDrawPaysAsTheGuaranteedOneOnlyFromTheMinimumAttainment(@ForAll("plans") CommissionPlan plan,
      @ForAll @Size(min = 0, max = 5) List<@LongRange(min = 0, max = 5_000_000) Long> deals,
      @ForAll @IntRange(min = 0, max = 150) int minPercent, @ForAll @LongRange(min = 0, max = 1_000_000) long drawCents,
      @ForAll boolean recoverable, @ForAll @LongRange(min = 0, max = 500_000) long carriedCents) {
    Money amount = new Money(BigDecimal.valueOf(drawCents, 2), cny("0").currency());
    BigDecimal min = BigDecimal.valueOf(minPercent, 2);
    List<Component> guaranteedParts = new ArrayList<>(plan.components());
    guaranteedParts.add(new Component.Draw("draw", amount, recoverable));
    List<Component> conditionalParts = new ArrayList<>(plan.components());
    conditionalParts.add(Component.Draw.conditional("draw", amount, recoverable, min));
    Money carried = new Money(BigDecimal.valueOf(carriedCents, 2), amount.currency());
    CommissionInputs inputs = inputs(credits(deals)).toBuilder().drawBalance(LI, carried).build();
    long revenueCents = deals.stream().mapToLong(Long::longValue).sum();
    // Target base 100,000.00 = 10,000,000 cents: attainment ≥ min exactly when revenue × 100 ≥ min% × 10,000,000.
    boolean met = BigDecimal.valueOf(revenueCents).compareTo(min.multiply(BigDecimal.valueOf(10_000_000))) >= 0;
    Statistics.collect(met ? "minimum reached" : "minimum missed");

    CommissionStatement guaranteed = CommissionEngine.calculate(plan.withComponents(guaranteedParts), inputs, LI);
    CommissionStatement conditional = CommissionEngine.calculate(plan.withComponents(conditionalParts), inputs, LI);

    Money guaranteedDraw = guaranteed.lines(LineKind.DRAW).stream().map(StatementLine::amount)
        .reduce(Money.zero(amount.currency()), Money::plus);
    if (met) {
      assertEquals(guaranteed.total(), conditional.total());
      assertEquals(guaranteed.drawBalance(), conditional.drawBalance());
    } else {
      assertEquals(guaranteed.total().minus(guaranteedDraw), conditional.total(), conditional::render);
      assertTrue(conditional.lines(LineKind.DRAW).stream().allMatch(l -> l.amount().isZero()), conditional::render);
      assertTrue(conditional.drawBalance().compareTo(carried) <= 0, conditional::render);
    }
    assertTrue(conditional.total().compareTo(guaranteed.total()) <= 0);
  }

  @Provide
  Arbitrary<List<Tier>> tiers() {
    return Arbitraries.integers().between(1, 4).flatMap(n -> Arbitraries.integers().between(1, 150).list().ofSize(n)
        .uniqueElements().flatMap(starts -> Arbitraries.integers().between(0, 2000).list().ofSize(n).map(rates -> {
          List<Integer> sorted = new ArrayList<>(starts);
          java.util.Collections.sort(sorted);
          List<Tier> tiers = new ArrayList<>();
          for (int i = 0; i < n; i++) {
            BigDecimal from = i == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(sorted.get(i), 2);
            if (i > 0 && from.compareTo(tiers.get(i - 1).from()) <= 0) {
              continue;
            }
            tiers.add(new Tier(from, BigDecimal.valueOf(rates.get(i), 4)));
          }
          return tiers;
        })));
  }

  /** Plans without decelerators: rates and tiers rising with attainment, accelerators, SPIFF-free. */
  @Provide
  Arbitrary<CommissionPlan> plans() {
    Arbitrary<Component> flat = Arbitraries.integers().between(0, 1000)
        .map(r -> new Component.FlatRate("flat", BigDecimal.valueOf(r, 4), CreditKind.REVENUE));
    Arbitrary<Component> graduated = risingTiers().map(t -> new Component.GraduatedTiers("graduated", t));
    Arbitrary<Component> retroactive = risingTiers().map(t -> new Component.RetroactiveTiers("retroactive", t));
    Arbitrary<Component> accelerator = Arbitraries.integers().between(50, 200).flatMap(above -> Arbitraries.integers()
        .between(0, 500).map(r -> new Component.Accelerator("accelerator", BigDecimal.valueOf(above, 2),
            BigDecimal.valueOf(r, 4))));
    return Arbitraries.subsetOf(List.of(flat, graduated, retroactive, accelerator)).ofMinSize(1)
        .flatMap(parts -> net.jqwik.api.Combinators.combine(new ArrayList<>(parts)).as(cs -> {
          CommissionPlan.Builder b = CommissionPlan.builder("p", "CNY");
          cs.forEach(b::component);
          return b.build();
        }));
  }

  private Arbitrary<List<Tier>> risingTiers() {
    return tiers().map(ts -> {
      List<Tier> rising = new ArrayList<>();
      BigDecimal rate = BigDecimal.ZERO;
      for (Tier t : ts) {
        rate = rate.max(t.rate());
        rising.add(new Tier(t.from(), rate));
      }
      return rising;
    });
  }

  private static List<DealCredit> credits(List<Long> cents) {
    List<DealCredit> credits = new ArrayList<>();
    for (int i = 0; i < cents.size(); i++) {
      credits.add(DealCredit.revenue(deal("D-" + i), LI, new Money(BigDecimal.valueOf(cents.get(i), 2),
          cny("0").currency()), march(1 + i)));
    }
    return credits;
  }

  private static List<DealCredit> appended(List<DealCredit> credits, long cents) {
    List<DealCredit> more = new ArrayList<>(credits);
    more.add(DealCredit.revenue(deal("D-extra"), LI, new Money(BigDecimal.valueOf(cents, 2), cny("0").currency()),
        march(28)));
    return more;
  }

  private static CommissionInputs inputs(List<DealCredit> credits) {
    return CommissionInputs.builder(MARCH).target(LI, IncentiveSamples.target("100000", "150000")).credits(credits)
        .build();
  }

  private static Money earnings(CommissionPlan plan, List<DealCredit> credits) {
    return CommissionEngine.calculate(plan, inputs(credits), LI).total();
  }

  private static Money earnings(CommissionPlan plan, BigDecimal revenue) {
    return earnings(plan, List.of(DealCredit.revenue(deal("D-1"), LI, new Money(revenue, cny("0").currency()),
        march(2))));
  }
}
