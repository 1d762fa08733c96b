package dev.relay.scoring;

import java.time.Duration;
import java.util.Objects;

/**
 * How an engagement rule weighs engagements by age: counted in full within a time frame and not at all after it, or
 * decaying continuously, halving every half-life. Engagements dated after "now" are never counted.
 */
public sealed interface EngagementWindow {

  /** The weight of an engagement {@code ageMillis} old, in [0, 1]; never larger for an older engagement. */
  double weight(long ageMillis);

  /**
   * Counted in full while younger than {@code frame} ({@code within: P30D}).
   *
   * @throws IllegalArgumentException if the frame is not positive
   */
  record Within(Duration frame) implements EngagementWindow {
    public Within {
      Objects.requireNonNull(frame, "frame");
      if (frame.isNegative() || frame.isZero()) {
        throw new IllegalArgumentException("a time frame must be positive, got " + frame);
      }
    }

    @Override
    public double weight(long ageMillis) {
      return ageMillis < frame.toMillis() ? 1.0 : 0.0;
    }
  }

  /**
   * Worth {@code 0.5^(age / halfLife)} of its points ({@code half_life: P14D}).
   *
   * @throws IllegalArgumentException if the half-life is not positive
   */
  record HalfLife(Duration halfLife) implements EngagementWindow {
    public HalfLife {
      Objects.requireNonNull(halfLife, "halfLife");
      if (halfLife.isNegative() || halfLife.isZero()) {
        throw new IllegalArgumentException("a half-life must be positive, got " + halfLife);
      }
    }

    @Override
    public double weight(long ageMillis) {
      return Math.exp(-rate(halfLife) * ageMillis);
    }

    /** The decay rate per millisecond, {@code ln 2 / half-life}: {@code 0.5^(age / h) = e^(-rate · age)}. */
    static double rate(Duration halfLife) {
      return Math.log(2) / halfLife.toMillis();
    }
  }

  static EngagementWindow within(Duration frame) {
    return new Within(frame);
  }

  static EngagementWindow halfLife(Duration halfLife) {
    return new HalfLife(halfLife);
  }
}
