package dev.relay.incentive;

import dev.relay.common.DealId;
import dev.relay.common.Money;
import dev.relay.common.Period;
import java.math.BigDecimal;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One line of a commission statement: what was measured, on what base, at which rate or tier, for how much, and which
 * rule of the plan produced it.
 *
 * @param component the key of the plan component that produced it (the rule)
 * @param kind what kind of line it is
 * @param deal the deal it is about, or {@code null} for a line about a measure (a pool, a cap, a draw)
 * @param subject what was measured, in words, e.g. {@code "deal D-7"} or {@code "team north revenue 300000.00 CNY"}
 * @param base the amount the rate applied to (for caps: the amount before the cap)
 * @param rate the rate applied, or {@code null} for fixed amounts (SPIFFs, caps, draws)
 * @param tier the tier or threshold, e.g. {@code "tier 2 (50%–100%) at 5%"}; empty when none; for an adjustment, the
 *     {@link LineKind} of the lines it corrects
 * @param amount what the line pays, rounded once {@link Money#ROUNDING HALF_EVEN} to the currency's minor unit
 * @param adjusts for an {@link LineKind#ADJUSTMENT}, the closed period it corrects; otherwise {@code null}
 */
public record StatementLine(String component, LineKind kind, @Nullable DealId deal, String subject, Money base,
    @Nullable BigDecimal rate, String tier, Money amount, @Nullable Period adjusts) {
  public StatementLine {
    Objects.requireNonNull(component, "component");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(tier, "tier");
    Objects.requireNonNull(amount, "amount");
    if (amount.amount().scale() != amount.minorUnit()) {
      throw new IllegalArgumentException("a statement line is rounded to the minor unit: " + amount);
    }
  }

  /** A line without an adjusted period, its amount rounded here. */
  static StatementLine of(String component, LineKind kind, @Nullable DealId deal, String subject, Money base,
      @Nullable BigDecimal rate, String tier, Money exactAmount) {
    return new StatementLine(component, kind, deal, subject, base, rate, tier, exactAmount.rounded(), null);
  }

  @Override
  public String toString() {
    return kind + " " + component + " " + subject + " base " + base + (rate == null ? "" : " × " + rate.toPlainString())
        + (tier.isEmpty() ? "" : " [" + tier + "]") + " = " + amount + (adjusts == null ? "" : " (adjusts " + adjusts
        + ")");
  }
}
