package dev.relay.assignment;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * When a rep works, in their own time zone: the working days and one daily span {@code [start, end)}.
 *
 * @param days the working days
 * @param start the local start of the working day
 * @param end the local end of the working day, after {@code start}; {@link LocalTime#MAX} means midnight
 */
public record WorkingHours(Set<DayOfWeek> days, LocalTime start, LocalTime end) {
  public WorkingHours {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    // An enum set: routing asks every member's hours whether they hold the day, so the lookup is one bit.
    days = Collections.unmodifiableSet(days.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(days));
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException("working hours must end after they start: " + start + "–" + end);
    }
  }

  /** Monday to Friday, 09:00–18:00. */
  public static WorkingHours officeHours() {
    return new WorkingHours(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0),
        LocalTime.of(18, 0));
  }

  /** Every day, all day (for reps who take leads around the clock). */
  public static WorkingHours always() {
    return new WorkingHours(EnumSet.allOf(DayOfWeek.class), LocalTime.MIN, LocalTime.MAX);
  }

  /** Whether {@code instant} falls in these hours in {@code zone}. */
  public boolean isWorking(Instant instant, ZoneId zone) {
    ZonedDateTime local = instant.atZone(zone);
    return isWorkingAt(local.getDayOfWeek(), local.toLocalTime());
  }

  /** Whether this day of the week and time of day fall in these hours. */
  boolean isWorkingAt(DayOfWeek day, LocalTime time) {
    // Hours that end at LocalTime.MAX run to midnight, its last nanosecond included.
    return days.contains(day) && !time.isBefore(start) && (time.isBefore(end) || end.equals(LocalTime.MAX));
  }

  /** Whether these hours hold at every instant: every day, from midnight to midnight. */
  boolean coversEveryInstant() {
    return days.size() == DayOfWeek.values().length && start.equals(LocalTime.MIN) && end.equals(LocalTime.MAX);
  }
}
