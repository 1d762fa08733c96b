package dev.relay.assignment;

import dev.relay.common.Reason;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A rep at any of the rule's capacity caps gets no more leads: open leads at the maximum, or as many leads received in
 * the cap's window. A rolling window reaches back from now; a calendar window of one hour, one day or seven days is the
 * current clock hour, local day or ISO week (from Monday 00:00) in the rep's own zone, so a daily cap resets at the
 * rep's midnight. A calendar cap of any other length counts as rolling.
 */
final class CapacityFilter implements EligibilityFilter {
  private static final Duration HOUR = Duration.ofHours(1);
  private static final Duration DAY = Duration.ofDays(1);
  private static final Duration WEEK = Duration.ofDays(7);

  @Override
  public List<Reason> exclusions(Member member, RoutingContext context, RoutingLedger ledger) {
    List<CapacityCap> caps = context.routingRule().caps();
    if (caps.isEmpty()) {
      return List.of();
    }
    List<Reason> out = List.of();
    for (int i = 0; i < caps.size(); i++) {
      CapacityCap cap = caps.get(i);
      @Nullable Reason reason;
      if (cap.metric() == CapacityCap.Metric.OPEN_LEADS) {
        int open = ledger.openLeads(member.rep());
        reason = open < cap.max() ? null : new Reason(path(context, i), member.display() + " holds " + open
            + " open leads (cap " + cap.max() + ")");
      } else {
        Instant since = windowStart(cap, context.now(), context.now(member.zone()).dateTime());
        int received = ledger.assignedSince(member.rep(), since);
        reason = received < cap.max() ? null : new Reason(path(context, i), member.display() + " received "
            + received + " leads " + describe(cap, since, member.zone()) + " (cap " + cap.max() + ")");
      }
      if (reason != null) {
        if (out.isEmpty()) {
          out = new ArrayList<>(caps.size());
        }
        out.add(reason);
      }
    }
    return out;
  }

  private static String path(RoutingContext context, int cap) {
    return context.rule().path() + ".caps[" + cap + "]";
  }

  /** Where the cap's window starts, for a rep in {@code zone}. */
  static Instant windowStart(CapacityCap cap, Instant now, ZoneId zone) {
    return windowStart(cap, now, now.atZone(zone));
  }

  /** Where the cap's window starts, {@code local} being {@code now} in the rep's zone. */
  private static Instant windowStart(CapacityCap cap, Instant now, ZonedDateTime local) {
    Duration window = window(cap);
    ChronoUnit unit = cap.rolling() ? null : calendarUnit(window);
    if (unit == null) {
      return now.minus(window);
    }
    ZoneId zone = local.getZone();
    ZonedDateTime start = switch (unit) {
      case HOURS -> local.truncatedTo(ChronoUnit.HOURS);
      case DAYS -> local.toLocalDate().atStartOfDay(zone);
      default -> local.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay(zone);
    };
    return start.toInstant();
  }

  private static Duration window(CapacityCap cap) {
    // Only open-lead caps lack a window, and they never get here; a day is the harmless reading of a missing one.
    Duration window = cap.window();
    return window == null ? DAY : window;
  }

  private static @Nullable ChronoUnit calendarUnit(Duration window) {
    if (window.equals(HOUR)) {
      return ChronoUnit.HOURS;
    }
    if (window.equals(DAY)) {
      return ChronoUnit.DAYS;
    }
    return window.equals(WEEK) ? ChronoUnit.WEEKS : null;
  }

  private static String describe(CapacityCap cap, Instant since, ZoneId zone) {
    Duration window = window(cap);
    ChronoUnit calendar = cap.rolling() ? null : calendarUnit(window);
    if (calendar == null) {
      return "in the last " + window.toString().substring(2).toLowerCase(java.util.Locale.ROOT);
    }
    String unit = switch (calendar) {
      case HOURS -> "hour";
      case DAYS -> "day";
      default -> "week";
    };
    return "this calendar " + unit + " (since " + since.atZone(zone).toLocalDateTime() + " " + zone + ")";
  }
}
