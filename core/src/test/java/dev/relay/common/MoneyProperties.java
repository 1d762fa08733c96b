package dev.relay.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import net.jqwik.api.AfterFailureMode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;

/** Invariants of money arithmetic: nothing is created or lost, rounding is bounded. */
class MoneyProperties {

  @Property(afterFailure = AfterFailureMode.PREVIOUS_SEED)
  void allocationNeitherCreatesNorLosesMoney(@ForAll("money") Money money,
      @ForAll @Size(min = 1, max = 12) List<@net.jqwik.api.constraints.IntRange(min = 0, max = 1000) Integer> raw) {
    List<BigDecimal> weights = raw.stream().map(BigDecimal::valueOf).toList();
    if (weights.stream().allMatch(w -> w.signum() == 0)) {
      return;
    }
    Statistics.collect(money.isNegative() ? "negative" : "non-negative");
    List<Money> parts = money.allocate(weights);
    Money total = parts.stream().reduce(Money.zero(money.currency()), Money::plus);
    assertTrue(total.isEqualTo(money.rounded()), () -> "parts " + parts + " of " + money);
    for (Money p : parts) {
      assertEquals(money.minorUnit(), p.amount().scale());
    }
  }

  @Property
  void eachAllocatedPartIsWithinOneMinorUnitOfItsExactShare(@ForAll("money") Money money,
      @ForAll @Size(min = 1, max = 8) List<@net.jqwik.api.constraints.IntRange(min = 1, max = 100) Integer> raw) {
    List<BigDecimal> weights = raw.stream().map(BigDecimal::valueOf).toList();
    BigDecimal total = weights.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    List<Money> parts = money.allocate(weights);
    BigDecimal unit = BigDecimal.ONE.movePointLeft(money.minorUnit());
    for (int i = 0; i < parts.size(); i++) {
      BigDecimal exact = money.rounded().amount().multiply(weights.get(i))
          .divide(total, 20, java.math.RoundingMode.HALF_EVEN);
      assertTrue(parts.get(i).amount().subtract(exact).abs().compareTo(unit) < 0);
    }
  }

  @Property
  void plusAndMinusAreInverse(@ForAll("money") Money a, @ForAll("money") Money b) {
    Money b2 = new Money(b.amount(), a.currency());
    assertTrue(a.plus(b2).minus(b2).isEqualTo(a));
  }

  @Property
  void roundingMovesByAtMostHalfAMinorUnit(@ForAll("money") Money m) {
    BigDecimal half = BigDecimal.ONE.movePointLeft(m.minorUnit()).divide(BigDecimal.valueOf(2));
    assertTrue(m.rounded().amount().subtract(m.amount()).abs().compareTo(half) <= 0);
  }

  @Provide
  Arbitrary<Money> money() {
    Arbitrary<BigDecimal> amounts = Arbitraries.bigDecimals()
        .between(new BigDecimal("-10000000"), new BigDecimal("10000000")).ofScale(4);
    Arbitrary<String> currencies = Arbitraries.of("CNY", "USD", "EUR", "JPY");
    return Combinators.combine(amounts, currencies).as(Money::of);
  }
}
