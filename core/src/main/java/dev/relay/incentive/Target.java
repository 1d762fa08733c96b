package dev.relay.incentive;

import dev.relay.common.Money;
import dev.relay.common.Period;
import java.util.Objects;

/**
 * A target (目标) of one owner for one period, with base and stretch levels.
 *
 * @param owner company, team or rep
 * @param period the period it covers (year, quarter, month or week)
 * @param levels base and stretch
 */
public record Target(TargetOwner owner, Period period, TargetLevels levels) {
  public Target {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(levels, "levels");
  }

  public static Target of(TargetOwner owner, Period period, Money base, Money stretch) {
    return new Target(owner, period, TargetLevels.of(base, stretch));
  }

  public Money base() {
    return levels.base();
  }

  public Money stretch() {
    return levels.stretch();
  }
}
