package dev.relay.incentive;

import dev.relay.common.DealId;
import dev.relay.common.Money;
import dev.relay.common.Period;
import java.math.BigDecimal;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One line of a commission statement: what was measured, on what base, at which rate or tier, for how much, and which
 * rule of the plan produced it. Immutable; equal when every part is equal.
 *
 * <p>A value class rather than a record for one reason: a statement run can hold a million lines at once, and each
 * keeps its rounded amount as a {@code long} of minor units instead of a {@link Money} with its {@link BigDecimal},
 * half the memory a line would otherwise take. {@link #amount()} gives the {@code Money}.
 */
public final class StatementLine {
  private final String component;
  private final LineKind kind;
  private final @Nullable DealId deal;
  private final String subject;
  private final Money base;
  private final @Nullable BigDecimal rate;
  private final String tier;
  /** The amount in minor units of {@code base}'s currency. */
  private final long minorUnits;
  private final @Nullable Period adjusts;

  /**
   * @param component the key of the plan component that produced it (the rule)
   * @param kind what kind of line it is
   * @param deal the deal it is about, or {@code null} for a line about a measure (a pool, a cap, a draw)
   * @param subject what was measured, in words, e.g. {@code "revenue credit"} or {@code "team north revenue 300000.00
   *     CNY"}
   * @param base the amount the rate applied to (for caps: the amount before the cap)
   * @param rate the rate applied, or {@code null} for fixed amounts (SPIFFs, caps, draws)
   * @param tier the tier or threshold, e.g. {@code "tier 2 (50%–100%) at 5%"}; empty when none; for an adjustment,
   *     the {@link LineKind} of the lines it corrects
   * @param amount what the line pays, already rounded {@link Money#ROUNDING HALF_EVEN} to the currency's minor unit
   * @param adjusts for an {@link LineKind#ADJUSTMENT}, the closed period it corrects; otherwise {@code null}
   * @throws IllegalArgumentException if the amount is not rounded to the minor unit or is in another currency than
   *     the base
   */
  public StatementLine(String component, LineKind kind, @Nullable DealId deal, String subject, Money base,
      @Nullable BigDecimal rate, String tier, Money amount, @Nullable Period adjusts) {
    this(component, kind, deal, subject, base, rate, tier, minorUnits(amount, base), adjusts);
  }

  private StatementLine(String component, LineKind kind, @Nullable DealId deal, String subject, Money base,
      @Nullable BigDecimal rate, String tier, long minorUnits, @Nullable Period adjusts) {
    this.component = Objects.requireNonNull(component, "component");
    this.kind = Objects.requireNonNull(kind, "kind");
    this.deal = deal;
    this.subject = Objects.requireNonNull(subject, "subject");
    this.base = Objects.requireNonNull(base, "base");
    this.rate = rate;
    this.tier = Objects.requireNonNull(tier, "tier");
    this.minorUnits = minorUnits;
    this.adjusts = adjusts;
  }

  private static long minorUnits(Money amount, Money base) {
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(base, "base");
    if (amount.amount().scale() != amount.minorUnit()) {
      throw new IllegalArgumentException("a statement line is rounded to the minor unit: " + amount);
    }
    if (!amount.currency().equals(base.currency())) {
      throw new IllegalArgumentException("a line's amount " + amount + " and base " + base + " differ in currency");
    }
    return amount.amount().scaleByPowerOfTen(amount.minorUnit()).longValueExact();
  }

  /** A line without an adjusted period, its exact amount rounded here. */
  static StatementLine of(String component, LineKind kind, @Nullable DealId deal, String subject, Money base,
      @Nullable BigDecimal rate, String tier, Money exactAmount) {
    return new StatementLine(component, kind, deal, subject, base, rate, tier, exactAmount.rounded(), null);
  }

  /** A line whose amount, already rounded to {@code base}'s minor unit, is given in minor units. */
  static StatementLine ofMinorUnits(String component, LineKind kind, @Nullable DealId deal, String subject, Money base,
      @Nullable BigDecimal rate, String tier, long minorUnits) {
    return new StatementLine(component, kind, deal, subject, base, rate, tier, minorUnits, null);
  }

  public String component() {
    return component;
  }

  public LineKind kind() {
    return kind;
  }

  public @Nullable DealId deal() {
    return deal;
  }

  public String subject() {
    return subject;
  }

  public Money base() {
    return base;
  }

  public @Nullable BigDecimal rate() {
    return rate;
  }

  public String tier() {
    return tier;
  }

  /** What the line pays, rounded to the currency's minor unit. */
  public Money amount() {
    return new Money(BigDecimal.valueOf(minorUnits, base.minorUnit()), base.currency());
  }

  /** The amount in minor units (fen for CNY), for adding up many lines without allocating. */
  long minorUnits() {
    return minorUnits;
  }

  public @Nullable Period adjusts() {
    return adjusts;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StatementLine l && minorUnits == l.minorUnits && component.equals(l.component)
        && kind == l.kind && Objects.equals(deal, l.deal) && subject.equals(l.subject) && base.equals(l.base)
        && Objects.equals(rate, l.rate) && tier.equals(l.tier) && Objects.equals(adjusts, l.adjusts);
  }

  @Override
  public int hashCode() {
    return Objects.hash(component, kind, deal, subject, base, rate, tier, minorUnits, adjusts);
  }

  @Override
  public String toString() {
    return kind + " " + component + " " + (deal == null ? "" : deal.value() + " ") + subject + " base " + base
        + (rate == null ? "" : " × " + rate.toPlainString()) + (tier.isEmpty() ? "" : " [" + tier + "]") + " = "
        + amount() + (adjusts == null ? "" : " (adjusts " + adjusts + ")");
  }
}
