package dev.relay.assignment;

import dev.relay.common.Reason;
import java.time.DayOfWeek;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Leads go to reps inside their working hours, in the rep's own time zone. */
final class WorkingHoursFilter implements EligibilityFilter {
  static final String RULE = "eligibility.working_hours";

  @Override
  public List<Reason> exclusions(Member member, RoutingContext context, RoutingLedger ledger) {
    if (member.alwaysWorking()) {
      return List.of(); // no need to work out the local time
    }
    WorkingHours hours = member.profile().hours();
    RoutingContext.LocalNow now = context.now(member.zone());
    if (hours.isWorkingAt(now.day(), now.time())) {
      return List.of();
    }
    ZonedDateTime local = now.dateTime();
    return List.of(new Reason(RULE, member.display() + " works " + hours.start() + "–" + hours.end() + " "
        + days(hours) + " in " + member.zone() + "; it is " + day(local.getDayOfWeek()) + " "
        + local.toLocalTime().withNano(0) + " there"));
  }

  private static String days(WorkingHours hours) {
    if (hours.days().size() == DayOfWeek.values().length) {
      return "every day";
    }
    return hours.days().stream().sorted().map(WorkingHoursFilter::day).collect(Collectors.joining(" "));
  }

  private static String day(DayOfWeek d) {
    return d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
  }
}
