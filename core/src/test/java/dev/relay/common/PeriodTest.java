package dev.relay.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class PeriodTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @Test
  void aDealWonLateOnTheLastDayOfAQuarterBelongsToThatQuarterInTheTenantZone() {
    Instant lateMarch31 = Instant.parse("2026-03-31T15:30:00Z"); // 23:30 in Shanghai
    Period q = Period.containing(PeriodKind.QUARTER, lateMarch31, SHANGHAI);
    assertEquals(Period.quarter(2026, 1, SHANGHAI), q);
    assertTrue(q.contains(lateMarch31));
    assertFalse(Period.quarter(2026, 1, ZoneId.of("Pacific/Kiritimati")).contains(lateMarch31));
  }

  @Test
  void periodsAreHalfOpenAtLocalMidnight() {
    Period march = Period.month(2026, 3, SHANGHAI);
    assertEquals(Instant.parse("2026-02-28T16:00:00Z"), march.start());
    assertEquals(Instant.parse("2026-03-31T16:00:00Z"), march.end());
    assertTrue(march.contains(march.start()));
    assertFalse(march.contains(march.end()));
    assertEquals(Period.month(2026, 4, SHANGHAI), march.next());
    assertEquals(Period.month(2026, 2, SHANGHAI), march.previous());
  }

  @Test
  void weeksAreIsoWeeksStartingMonday() {
    Period w = Period.containing(PeriodKind.WEEK, LocalDate.of(2026, 11, 23), SHANGHAI);
    assertEquals(LocalDate.of(2026, 11, 23), w.firstDay());
    assertEquals(LocalDate.of(2026, 11, 29), w.lastDay());
    assertEquals("2026-W48 Asia/Shanghai", w.toString());
    assertEquals(LocalDate.of(2020, 12, 28),
        Period.containing(PeriodKind.WEEK, LocalDate.of(2021, 1, 1), SHANGHAI).firstDay());
  }

  @Test
  void quartersAndYearsHaveTheirCalendarBounds() {
    Period q4 = Period.quarter(2026, 4, SHANGHAI);
    assertEquals(LocalDate.of(2026, 12, 31), q4.lastDay());
    assertEquals("2026-Q4 Asia/Shanghai", q4.toString());
    assertEquals(Period.quarter(2027, 1, SHANGHAI), q4.next());
    assertEquals(LocalDate.of(2026, 12, 31), Period.year(2026, SHANGHAI).lastDay());
  }

  @Test
  void aPeriodMustStartOnItsFirstDay() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Period(PeriodKind.MONTH, LocalDate.of(2026, 3, 2), SHANGHAI));
    assertTrue(e.getMessage().contains("does not start a MONTH period"));
    assertThrows(IllegalArgumentException.class, () -> Period.quarter(2026, 5, SHANGHAI));
  }
}
