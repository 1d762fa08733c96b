package dev.relay.incentive;

import dev.relay.common.Money;
import java.util.Objects;

/**
 * The base and stretch levels of one target (基础目标 / 挑战目标).
 *
 * @param base the level attainment is measured against (100%)
 * @param stretch the higher level, at least the base
 * @throws IllegalArgumentException if a level is negative, the stretch is below the base or the currencies differ
 */
public record TargetLevels(Money base, Money stretch) {
  public TargetLevels {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(stretch, "stretch");
    if (base.isNegative() || stretch.compareTo(base) < 0) {
      throw new IllegalArgumentException("need 0 <= base <= stretch: " + base + ", " + stretch);
    }
  }

  /** A target whose stretch equals its base. */
  public static TargetLevels of(Money base) {
    return new TargetLevels(base, base);
  }

  public static TargetLevels of(Money base, Money stretch) {
    return new TargetLevels(base, stretch);
  }

  TargetLevels plus(TargetLevels other) {
    return new TargetLevels(base.plus(other.base), stretch.plus(other.stretch));
  }
}
