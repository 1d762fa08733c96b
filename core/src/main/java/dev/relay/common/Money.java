package dev.relay.common;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * An exact amount of one currency.
 *
 * <p><b>Rounding policy.</b> Arithmetic ({@link #plus}, {@link #minus}, {@link #times}) is exact: the scale grows as
 * needed and nothing is rounded. Rounding happens once, where a figure is shown or paid (a statement line, a report), by
 * {@link #rounded()}: {@link RoundingMode#HALF_EVEN} (banker's rounding) to the currency's minor unit (2 digits for CNY,
 * USD and EUR, 0 for JPY). {@link #allocate} splits an amount into rounded parts that always add up to the rounded
 * whole, so splitting never creates or loses money. Amounts of different currencies never mix: doing so throws {@link
 * IllegalArgumentException}.
 *
 * @param amount the exact amount, any scale; negative amounts are allowed (refunds, clawbacks)
 * @param currency the ISO 4217 currency
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {
  /** The one rounding mode Relay uses for money. */
  public static final RoundingMode ROUNDING = RoundingMode.HALF_EVEN;

  public Money {
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(currency, "currency");
  }

  /** {@code Money.of("1250.50", "CNY")}; the amount is parsed exactly. */
  public static Money of(String amount, String currencyCode) {
    return new Money(new BigDecimal(amount), Currency.getInstance(currencyCode));
  }

  public static Money of(BigDecimal amount, String currencyCode) {
    return new Money(amount, Currency.getInstance(currencyCode));
  }

  public static Money of(long amount, String currencyCode) {
    return new Money(BigDecimal.valueOf(amount), Currency.getInstance(currencyCode));
  }

  public static Money zero(Currency currency) {
    return new Money(BigDecimal.ZERO, currency);
  }

  public static Money zero(String currencyCode) {
    return zero(Currency.getInstance(currencyCode));
  }

  public Money plus(Money other) {
    checkSameCurrency(other);
    return new Money(amount.add(other.amount), currency);
  }

  public Money minus(Money other) {
    checkSameCurrency(other);
    return new Money(amount.subtract(other.amount), currency);
  }

  /** Exact product; round with {@link #rounded()} where the result is shown or paid. */
  public Money times(BigDecimal factor) {
    return new Money(amount.multiply(factor), currency);
  }

  public Money negate() {
    return new Money(amount.negate(), currency);
  }

  /** This amount rounded {@link #ROUNDING HALF_EVEN} to the currency's minor unit. */
  public Money rounded() {
    return new Money(amount.setScale(minorUnit(), ROUNDING), currency);
  }

  public boolean isZero() {
    return amount.signum() == 0;
  }

  public boolean isNegative() {
    return amount.signum() < 0;
  }

  /**
   * Splits the rounded amount into parts proportional to {@code weights}, each rounded to the minor unit, by the
   * largest-remainder method; the parts add up exactly to {@link #rounded()}. Ties on the remainder go to the earlier
   * weight, so the result is deterministic.
   *
   * @throws IllegalArgumentException if {@code weights} is empty, has a negative weight or sums to zero
   */
  public List<Money> allocate(List<BigDecimal> weights) {
    if (weights.isEmpty()) {
      throw new IllegalArgumentException("allocate needs at least one weight");
    }
    BigDecimal total = BigDecimal.ZERO;
    for (BigDecimal w : weights) {
      if (w.signum() < 0) {
        throw new IllegalArgumentException("allocation weights must not be negative: " + weights);
      }
      total = total.add(w);
    }
    if (total.signum() == 0) {
      throw new IllegalArgumentException("allocation weights must not all be zero");
    }
    int scale = minorUnit();
    BigDecimal whole = amount.setScale(scale, ROUNDING);
    BigDecimal unit = BigDecimal.ONE.movePointLeft(scale);
    // Work on the absolute value so that remainders are non-negative, then restore the sign.
    BigDecimal magnitude = whole.abs();
    List<BigDecimal> parts = new ArrayList<>(weights.size());
    List<BigDecimal> remainders = new ArrayList<>(weights.size());
    BigDecimal assigned = BigDecimal.ZERO;
    for (BigDecimal w : weights) {
      BigDecimal exact = magnitude.multiply(w).divide(total, scale + 12, RoundingMode.DOWN);
      BigDecimal floor = exact.setScale(scale, RoundingMode.DOWN);
      parts.add(floor);
      remainders.add(exact.subtract(floor));
      assigned = assigned.add(floor);
    }
    long leftoverUnits = magnitude.subtract(assigned).divide(unit).longValueExact();
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < weights.size(); i++) {
      order.add(i);
    }
    order.sort((a, b) -> {
      int byRemainder = remainders.get(b).compareTo(remainders.get(a));
      return byRemainder != 0 ? byRemainder : Integer.compare(a, b);
    });
    for (int k = 0; k < leftoverUnits; k++) {
      int i = order.get(k % order.size());
      parts.set(i, parts.get(i).add(unit));
    }
    List<Money> result = new ArrayList<>(parts.size());
    for (BigDecimal p : parts) {
      result.add(new Money(whole.signum() < 0 ? p.negate() : p, currency));
    }
    return Collections.unmodifiableList(result);
  }

  /** Digits after the decimal point for this currency; 0 for currencies without a minor unit. */
  public int minorUnit() {
    return Math.max(0, currency.getDefaultFractionDigits());
  }

  @Override
  public int compareTo(Money other) {
    checkSameCurrency(other);
    return amount.compareTo(other.amount);
  }

  /** Numeric equality regardless of scale ({@code 1.0 CNY} equals {@code 1.00 CNY}). */
  public boolean isEqualTo(Money other) {
    return currency.equals(other.currency) && amount.compareTo(other.amount) == 0;
  }

  private void checkSameCurrency(Money other) {
    if (!currency.equals(other.currency)) {
      throw new IllegalArgumentException(
          "currency mismatch: " + currency.getCurrencyCode() + " vs " + other.currency.getCurrencyCode());
    }
  }

  @Override
  public String toString() {
    return amount.toPlainString() + " " + currency.getCurrencyCode();
  }
}
