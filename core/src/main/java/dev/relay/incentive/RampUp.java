package dev.relay.incentive;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Reduced targets for new reps over their first months (新人爬坡), e.g. 25%, 50%, 75%, then 100%. Month 1 is the month
 * the rep starts in.
 *
 * @param percents the share of the full target in each of the first months, each in [0, 100]
 * @throws IllegalArgumentException if a share is outside [0, 100]
 */
public record RampUp(List<BigDecimal> percents) {
  public RampUp {
    percents = List.copyOf(percents);
    for (BigDecimal p : percents) {
      if (p.signum() < 0 || p.compareTo(BigDecimal.valueOf(100)) > 0) {
        throw new IllegalArgumentException("a ramp-up share must be in [0, 100]: " + p);
      }
    }
  }

  public static RampUp of(int... percents) {
    return new RampUp(java.util.Arrays.stream(percents).mapToObj(BigDecimal::valueOf).toList());
  }

  /** The share of the full target, as a fraction, for a rep who started on {@code start}, in the month of {@code day}. */
  public BigDecimal factor(LocalDate start, LocalDate day) {
    long month = ChronoUnit.MONTHS.between(start.withDayOfMonth(1), day.withDayOfMonth(1));
    if (month < 0) {
      return BigDecimal.ZERO;
    }
    return month < percents.size() ? percents.get((int) month).movePointLeft(2) : BigDecimal.ONE;
  }
}
