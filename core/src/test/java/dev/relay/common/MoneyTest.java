package dev.relay.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class MoneyTest {
  @Test
  void arithmeticIsExactAndRoundingHappensOnlyWhenAsked() {
    Money price = Money.of("0.10", "CNY");
    Money sum = Money.zero("CNY");
    for (int i = 0; i < 10; i++) {
      sum = sum.plus(price);
    }
    assertTrue(sum.isEqualTo(Money.of("1.00", "CNY")));
    Money commission = Money.of("1234.5678", "CNY").times(new BigDecimal("0.035"));
    assertEquals(new BigDecimal("43.2098730"), commission.amount());
    assertEquals(new BigDecimal("43.21"), commission.rounded().amount());
  }

  @Test
  void roundingIsHalfEvenToTheCurrencyMinorUnit() {
    assertEquals(new BigDecimal("0.12"), Money.of("0.125", "CNY").rounded().amount());
    assertEquals(new BigDecimal("0.14"), Money.of("0.135", "CNY").rounded().amount());
    assertEquals(new BigDecimal("2"), Money.of("2.5", "JPY").rounded().amount());
    assertEquals(new BigDecimal("4"), Money.of("3.5", "JPY").rounded().amount());
  }

  @Test
  void currenciesNeverMix() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Money.of("1", "CNY").plus(Money.of("1", "USD")));
    assertTrue(e.getMessage().contains("CNY vs USD"));
  }

  @Test
  void allocationGivesTheLeftoverCentsToTheLargestRemainders() {
    List<Money> parts = Money.of("100.00", "CNY").allocate(List.of(BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE));
    assertEquals(List.of(Money.of("33.34", "CNY"), Money.of("33.33", "CNY"), Money.of("33.33", "CNY")), parts);
  }

  @Test
  void allocationOfANegativeAmountMirrorsThePositiveOne() {
    List<Money> parts = Money.of("-10.00", "CNY").allocate(List.of(new BigDecimal("2"), BigDecimal.ONE));
    assertEquals(List.of(Money.of("-6.67", "CNY"), Money.of("-3.33", "CNY")), parts);
  }

  @Test
  void allocationRejectsMeaninglessWeights() {
    Money m = Money.of("1", "CNY");
    assertThrows(IllegalArgumentException.class, () -> m.allocate(List.of()));
    assertThrows(IllegalArgumentException.class, () -> m.allocate(List.of(BigDecimal.ZERO)));
    assertThrows(IllegalArgumentException.class, () -> m.allocate(List.of(BigDecimal.ONE, new BigDecimal("-1"))));
  }
}
