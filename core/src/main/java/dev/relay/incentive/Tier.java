package dev.relay.incentive;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One band of a tiered rate: from an attainment of {@code from} (a fraction of the base target, {@code 0.5} = 50%) up
 * to the next tier's {@code from}, revenue earns {@code rate}.
 *
 * @param from where the band starts, as a fraction of the base target; the first tier starts at 0
 * @param rate the rate in the band, a fraction ({@code 0.05} = 5%)
 * @throws IllegalArgumentException if either is negative
 */
public record Tier(BigDecimal from, BigDecimal rate) {
  public Tier {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(rate, "rate");
    if (from.signum() < 0 || rate.signum() < 0) {
      throw new IllegalArgumentException("a tier's start and rate must not be negative: " + from + ", " + rate);
    }
  }

  /** {@code Tier.of("0.5", "0.05")}: from 50% of target, 5%. */
  public static Tier of(String from, String rate) {
    return new Tier(new BigDecimal(from), new BigDecimal(rate));
  }

  /** How a statement line names this band, e.g. {@code "50%–100% at 5%"}. */
  static String label(java.util.List<Tier> tiers, int index) {
    Tier t = tiers.get(index);
    String to = index + 1 < tiers.size() ? percent(tiers.get(index + 1).from()) : "";
    return "tier " + (index + 1) + " (" + percent(t.from()) + "–" + to + ") at " + percent(t.rate());
  }

  static String percent(BigDecimal fraction) {
    return fraction.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
  }
}
