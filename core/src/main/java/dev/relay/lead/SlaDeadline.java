package dev.relay.lead;

import dev.relay.assignment.RepProfiles;
import dev.relay.assignment.SlaClock;
import dev.relay.assignment.WorkingHours;
import dev.relay.common.RepId;
import dev.relay.org.OrgDirectory;
import dev.relay.org.Rep;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * When a first-contact SLA falls due. In {@link SlaClock#WALL} time it is the assignment time plus the SLA. In {@link
 * SlaClock#BUSINESS_HOURS} only the assignee's working hours count — their {@link
 * dev.relay.assignment.RepProfile#hours()} in their own time zone ({@link Rep#zone()}, or the tenant's when the
 * directory does not know the rep): a 4-hour SLA given on Friday at 16:00 to a rep working 09:00–18:00 on weekdays
 * falls due on Monday at 11:00. Absences do not stop the clock: routing does not pick absent reps, and a rep who goes
 * away holding leads should hand them over. A rep without working days counts wall time, since their SLA would
 * otherwise never fall due.
 */
final class SlaDeadline {
  private final RepProfiles profiles;
  private final OrgDirectory org;

  SlaDeadline(RepProfiles profiles, OrgDirectory org) {
    this.profiles = profiles;
    this.org = org;
  }

  /** When the assignee's SLA of {@code sla}, starting at {@code from}, falls due. */
  Instant due(RepId assignee, Instant from, Duration sla, SlaClock clock, ZoneId tenantZone) {
    if (clock == SlaClock.WALL) {
      return from.plus(sla);
    }
    ZoneId zone = org.rep(assignee).map(Rep::zone).orElse(tenantZone);
    return afterWorkingTime(from, sla, profiles.profileOf(assignee).hours(), zone);
  }

  /** The instant at which {@code amount} of working time has passed since {@code from}. */
  static Instant afterWorkingTime(Instant from, Duration amount, WorkingHours hours, ZoneId zone) {
    if (hours.days().isEmpty() || amount.isZero() || amount.isNegative()) {
      return from.plus(amount);
    }
    Duration left = amount;
    // Each week holds at least one working span, so the walk ends; it takes about a step per calendar day.
    for (LocalDate day = LocalDate.ofInstant(from, zone); ; day = day.plusDays(1)) {
      if (!hours.days().contains(day.getDayOfWeek())) {
        continue;
      }
      Instant open = day.atTime(hours.start()).atZone(zone).toInstant();
      // LocalTime.MAX stands for the end of the day (WorkingHours.always()), which is the next midnight.
      Instant close = hours.end().equals(LocalTime.MAX)
          ? day.plusDays(1).atStartOfDay(zone).toInstant()
          : day.atTime(hours.end()).atZone(zone).toInstant();
      Instant start = open.isBefore(from) ? from : open;
      if (start.isBefore(close)) {
        Duration available = Duration.between(start, close);
        if (available.compareTo(left) >= 0) {
          return start.plus(left);
        }
        left = left.minus(available);
      }
    }
  }
}
