package dev.relay.common;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;

/**
 * A calendar period (week, month, quarter or year) in a time zone: the half-open interval {@code [start, end)} from
 * local midnight of its first day to local midnight of the day after its last. A deal won at 23:30 on 31 March in
 * Shanghai belongs to Q1 in {@code Asia/Shanghai} even though it is already April in UTC+14.
 *
 * @param kind the granularity
 * @param firstDay the first local day; must be the first day of a {@code kind} period
 * @param zone the zone whose midnights bound the period
 * @throws IllegalArgumentException if {@code firstDay} does not start a period of that kind
 */
public record Period(PeriodKind kind, LocalDate firstDay, ZoneId zone) {
  public Period {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(firstDay, "firstDay");
    Objects.requireNonNull(zone, "zone");
    if (!startOf(kind, firstDay).equals(firstDay)) {
      throw new IllegalArgumentException(firstDay + " does not start a " + kind + " period");
    }
  }

  /** The period of {@code kind} containing {@code instant} in {@code zone}. */
  public static Period containing(PeriodKind kind, Instant instant, ZoneId zone) {
    return containing(kind, LocalDate.ofInstant(instant, zone), zone);
  }

  /** The period of {@code kind} containing the local {@code day}. */
  public static Period containing(PeriodKind kind, LocalDate day, ZoneId zone) {
    return new Period(kind, startOf(kind, day), zone);
  }

  public static Period month(int year, int month, ZoneId zone) {
    return new Period(PeriodKind.MONTH, LocalDate.of(year, month, 1), zone);
  }

  public static Period quarter(int year, int quarter, ZoneId zone) {
    if (quarter < 1 || quarter > 4) {
      throw new IllegalArgumentException("quarter must be 1..4: " + quarter);
    }
    return new Period(PeriodKind.QUARTER, LocalDate.of(year, (quarter - 1) * 3 + 1, 1), zone);
  }

  public static Period year(int year, ZoneId zone) {
    return new Period(PeriodKind.YEAR, LocalDate.of(year, 1, 1), zone);
  }

  private static LocalDate startOf(PeriodKind kind, LocalDate day) {
    return switch (kind) {
      case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      case MONTH -> day.withDayOfMonth(1);
      case QUARTER -> day.with(IsoFields.DAY_OF_QUARTER, 1);
      case YEAR -> day.withDayOfYear(1);
    };
  }

  /** The day after the last day of this period. */
  public LocalDate endDayExclusive() {
    return switch (kind) {
      case WEEK -> firstDay.plusWeeks(1);
      case MONTH -> firstDay.plusMonths(1);
      case QUARTER -> firstDay.plusMonths(3);
      case YEAR -> firstDay.plusYears(1);
    };
  }

  public LocalDate lastDay() {
    return endDayExclusive().minusDays(1);
  }

  public Instant start() {
    return firstDay.atStartOfDay(zone).toInstant();
  }

  /** Exclusive end. */
  public Instant end() {
    return endDayExclusive().atStartOfDay(zone).toInstant();
  }

  public boolean contains(Instant instant) {
    return !instant.isBefore(start()) && instant.isBefore(end());
  }

  public Period next() {
    return new Period(kind, endDayExclusive(), zone);
  }

  public Period previous() {
    return containing(kind, firstDay.minusDays(1), zone);
  }

  @Override
  public String toString() {
    return switch (kind) {
      case WEEK -> firstDay.get(IsoFields.WEEK_BASED_YEAR) + "-W"
          + String.format("%02d", firstDay.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
      case MONTH -> String.format("%d-%02d", firstDay.getYear(), firstDay.getMonthValue());
      case QUARTER -> firstDay.getYear() + "-Q" + firstDay.get(IsoFields.QUARTER_OF_YEAR);
      case YEAR -> Integer.toString(firstDay.getYear());
    } + " " + zone;
  }
}
