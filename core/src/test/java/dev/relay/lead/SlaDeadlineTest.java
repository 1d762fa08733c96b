package dev.relay.lead;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.relay.assignment.WorkingHours;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Business-hours SLAs count only the assignee's working time, in their own zone. */
class SlaDeadlineTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  private static final WorkingHours OFFICE = WorkingHours.officeHours();

  @Test
  void anSlaGivenAfterHoursStartsCountingNextMorning() {
    assertEquals(at("2026-03-05T11:00", SHANGHAI),
        due(at("2026-03-04T20:30", SHANGHAI), Duration.ofHours(2), OFFICE, SHANGHAI));
  }

  @Test
  void anSlaGivenBeforeOpeningStartsAtOpening() {
    assertEquals(at("2026-03-04T09:30", SHANGHAI),
        due(at("2026-03-04T06:00", SHANGHAI), Duration.ofMinutes(30), OFFICE, SHANGHAI));
  }

  @Test
  void anSlaEndingAtClosingFallsDueAtClosing() {
    assertEquals(at("2026-03-04T18:00", SHANGHAI),
        due(at("2026-03-04T14:00", SHANGHAI), Duration.ofHours(4), OFFICE, SHANGHAI));
  }

  @Test
  void aLongSlaSpansSeveralWorkingDaysAndTheWeekend() {
    // Friday 17:00 + 20 working hours: 1 on Friday, 9 on Monday, 9 on Tuesday, 1 on Wednesday.
    assertEquals(at("2026-03-11T10:00", SHANGHAI),
        due(at("2026-03-06T17:00", SHANGHAI), Duration.ofHours(20), OFFICE, SHANGHAI));
  }

  @Test
  void theAssigneesOwnZoneCountsAcrossTheClockChange() {
    // London moves to summer time on Sunday 2026-03-29; Friday 17:00 GMT + 2h lands on Monday 10:00 BST.
    assertEquals(at("2026-03-30T10:00", LONDON),
        due(at("2026-03-27T17:00", LONDON), Duration.ofHours(2), OFFICE, LONDON));
  }

  @Test
  void aShopOpenOnSaturdayMorningCountsIt() {
    WorkingHours shop = new WorkingHours(EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.MONDAY), LocalTime.of(9, 0),
        LocalTime.of(12, 0));
    assertEquals(at("2026-03-09T10:00", SHANGHAI),
        due(at("2026-03-07T10:00", SHANGHAI), Duration.ofHours(3), shop, SHANGHAI));
  }

  @Test
  void aroundTheClockIsWallTime() {
    Instant from = at("2026-03-07T23:15", SHANGHAI);
    assertEquals(from.plus(Duration.ofHours(30)), due(from, Duration.ofHours(30), WorkingHours.always(), SHANGHAI));
  }

  @Test
  void noWorkingDaysCountsWallTimeRatherThanNeverFallingDue() {
    Instant from = at("2026-03-07T10:00", SHANGHAI);
    WorkingHours none = new WorkingHours(Set.of(), LocalTime.of(9, 0), LocalTime.of(18, 0));
    assertEquals(from.plus(Duration.ofHours(4)), due(from, Duration.ofHours(4), none, SHANGHAI));
  }

  private static Instant due(Instant from, Duration sla, WorkingHours hours, ZoneId zone) {
    return SlaDeadline.afterWorkingTime(from, sla, hours, zone);
  }

  private static Instant at(String local, ZoneId zone) {
    return LocalDateTime.parse(local).atZone(zone).toInstant();
  }
}
