package dev.relay.incentive;

import dev.relay.common.Money;
import dev.relay.common.Period;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;

/**
 * How far an owner got towards a target in a period (达成率).
 *
 * @param owner whose
 * @param period when
 * @param achieved credited revenue counted under the plan's measure (booked or collected)
 * @param levels the target's base and stretch
 */
public record Attainment(TargetOwner owner, Period period, Money achieved, TargetLevels levels) {
  public Attainment {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(achieved, "achieved");
    Objects.requireNonNull(levels, "levels");
  }

  /** Achieved over base, e.g. {@code 1.25} for 125%; 0 when the base is zero. */
  public BigDecimal ratio() {
    return levels.base().isZero() ? BigDecimal.ZERO
        : achieved.amount().divide(levels.base().amount(), MathContext.DECIMAL64);
  }

  /** Achieved over stretch. */
  public BigDecimal stretchRatio() {
    return levels.stretch().isZero() ? BigDecimal.ZERO
        : achieved.amount().divide(levels.stretch().amount(), MathContext.DECIMAL64);
  }

  public boolean reachedBase() {
    return achieved.compareTo(levels.base()) >= 0;
  }

  public boolean reachedStretch() {
    return achieved.compareTo(levels.stretch()) >= 0;
  }
}
