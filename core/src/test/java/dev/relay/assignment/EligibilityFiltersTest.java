package dev.relay.assignment;

import static dev.relay.assignment.RoutingFixture.LI;
import static dev.relay.assignment.RoutingFixture.SHANGHAI;
import static dev.relay.assignment.RoutingFixture.SUN;
import static dev.relay.assignment.RoutingFixture.TENANT;
import static dev.relay.assignment.RoutingFixture.ZHANG;
import static dev.relay.assignment.RoutingFixture.eastTeam;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relay.common.Reason;
import dev.relay.common.RepId;
import dev.relay.common.TenantId;
import dev.relay.common.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Who may not receive a lead now, and why: each filter on team east (li, sun, zhang), round robin. */
class EligibilityFiltersTest {
  private final RoutingFixture f = new RoutingFixture();

  private static List<String> rules(RoutingDecision decision, RepId rep) {
    return decision.candidate(rep).orElseThrow().exclusions().stream().map(Reason::rule).toList();
  }

  private static String message(RoutingDecision decision, RepId rep) {
    return decision.candidate(rep).orElseThrow().exclusions().get(0).message();
  }

  @Test
  void outOfOfficeRepIsSkipped() {
    f.use(eastTeam(Strategy.ROUND_ROBIN, r -> r));
    Instant back = Instant.parse("2026-03-06T00:00:00Z");
    f.profile(RepProfile.builder(LI).absent(Instant.parse("2026-03-01T00:00:00Z"), back, "年假 annual leave"));

    RoutingDecision decision = f.route();

    assertEquals(SUN, decision.assignee());
    assertEquals(List.of(AbsenceFilter.RULE), rules(decision, LI));
    assertEquals("Li (li) is out of office until 2026-03-06T00:00:00Z (年假 annual leave)", message(decision, LI));
    f.clock.set(back);
    assertEquals(List.of(ZHANG, LI), f.routeMany(2), "back in the rotation when the absence ends");
  }

  @Test
  void pausedRepIsSkipped() {
    f.use(eastTeam(Strategy.ROUND_ROBIN, r -> r));
    f.profile(RepProfile.builder(LI).paused(true));

    RoutingDecision decision = f.route();

    assertEquals(SUN, decision.assignee());
    assertEquals(List.of(PausedRepFilter.RULE), rules(decision, LI));
  }

  @Test
  void inactiveGroupMemberIsSkippedAndShownInactive() {
    f.use(AssignmentPolicy.builder().accountOwnerFirst(false).group(RepGroup.of("vip", "VIP", "li", "sun", "ghost"))
        .rule(RoutingRule.builder("vip", "VIP").target(Target.group("vip"))));
    f.changeRep(LI, rep -> rep.withActive(false));

    RoutingDecision decision = f.route();

    assertEquals(SUN, decision.assignee());
    assertEquals("Li (li) is inactive", message(decision, LI));
    assertEquals("ghost is not in the org directory", message(decision, RoutingFixture.rep("ghost")));
  }

  @Test
  void repOutsideWorkingHoursInTheirTimeZoneIsSkipped() {
    f.use(eastTeam(Strategy.ROUND_ROBIN, r -> r));
    // Monday 09:00 in Shanghai is Sunday 20:00 in New York.
    f.changeRep(SUN, rep -> rep.withZone(ZoneId.of("America/New_York")));
    for (RepId rep : List.of(LI, SUN, ZHANG)) {
      f.profile(RepProfile.builder(rep).hours(WorkingHours.officeHours()));
    }

    List<RepId> assignees = f.routeMany(2);

    assertEquals(List.of(LI, ZHANG), assignees);
    RoutingDecision decision = f.route();
    assertEquals("Sun (sun) works 09:00–18:00 Mon Tue Wed Thu Fri in America/New_York; it is Sun 20:00 there",
        message(decision, SUN));
    f.clock.set(ZonedDateTime.of(2026, 3, 2, 9, 0, 0, 0, ZoneId.of("America/New_York")).toInstant());
    assertEquals(SUN, f.route().assignee(), "Monday 09:00 in New York");
  }

  @Test
  void repAtHourlyCapIsSkipped() {
    f.use(eastTeam(Strategy.ROUND_ROBIN, r -> r.cap(CapacityCap.assignedWithin(Duration.ofHours(1), 2))));
    assertEquals(Map.of(LI, 2, SUN, 2, ZHANG, 2), RoutingFixture.counts(f.routeMany(6)));

    RoutingDecision full = f.route();

    assertEquals(RoutingOutcome.QUEUED, full.outcome());
    assertEquals(List.of("assignment.rules[0].caps[0]"), rules(full, LI));
    assertEquals("Li (li) received 2 leads in the last 1h (cap 2)", message(full, LI));
    f.advance(Duration.ofMinutes(60));
    assertEquals(RoutingOutcome.QUEUED, f.route().outcome(), "a lead exactly an hour old still counts");
    f.advance(Duration.ofSeconds(1));
    assertEquals(LI, f.route().assignee());
  }

  @Test
  void calendarDayCapResetsAtLocalMidnight() {
    f.use(eastTeam(Strategy.ROUND_ROBIN, r -> r.cap(CapacityCap.assignedPerCalendar(Duration.ofDays(1), 1))));
    f.routeMany(3);
    f.clock.set(ZonedDateTime.of(2026, 3, 2, 23, 59, 0, 0, SHANGHAI).toInstant());

    RoutingDecision late = f.route();

    assertEquals(RoutingOutcome.QUEUED, late.outcome());
    assertTrue(message(late, LI).contains("this calendar day (since 2026-03-02T00:00 Asia/Shanghai)"),
        message(late, LI));
    f.clock.set(ZonedDateTime.of(2026, 3, 3, 0, 0, 0, 0, SHANGHAI).toInstant());
    assertEquals(LI, f.route().assignee(), "midnight in Shanghai, still 16:00 on the 2nd in UTC");
  }

  @Test
  void calendarWeekCapResetsOnMonday() {
    f.use(eastTeam(Strategy.ROUND_ROBIN, r -> r.cap(CapacityCap.assignedPerCalendar(Duration.ofDays(7), 1))));
    f.routeMany(3);
    f.clock.set(ZonedDateTime.of(2026, 3, 8, 23, 0, 0, 0, SHANGHAI).toInstant());
    assertEquals(RoutingOutcome.QUEUED, f.route().outcome(), "Sunday night, same ISO week");

    f.clock.set(ZonedDateTime.of(2026, 3, 9, 0, 0, 0, 0, SHANGHAI).toInstant());

    assertEquals(LI, f.route().assignee());
  }

  @Test
  void calendarHourInAHalfHourZoneStartsAtTheLocalHour() {
    CapacityCap hourly = CapacityCap.assignedPerCalendar(Duration.ofHours(1), 5);
    Instant now = Instant.parse("2026-03-02T04:10:00Z");

    assertEquals(Instant.parse("2026-03-02T03:30:00Z"), CapacityFilter.windowStart(hourly, now,
        ZoneId.of("Asia/Kolkata")), "09:40 in India: the hour began at 09:00 local, 03:30 UTC");
  }

  @Test
  void openLeadCapFreesUpWhenALeadIsReleased() {
    f.use(AssignmentPolicy.builder().accountOwnerFirst(false).rule(RoutingRule.builder("li", "Li only")
        .target(Target.rep("li")).cap(CapacityCap.openLeads(1))));
    RoutingDecision first = f.route();
    assertEquals(LI, first.assignee());
    RoutingDecision second = f.route();
    assertEquals(RoutingOutcome.QUEUED, second.outcome());
    assertEquals("Li (li) holds 1 open leads (cap 1)", message(second, LI));

    f.router.released(TENANT, LI, first.lead());
    f.router.released(TENANT, LI, first.lead());

    assertEquals(LI, f.route().assignee());
    assertEquals(RoutingOutcome.QUEUED, f.route().outcome(), "releasing one lead twice frees one place");
  }

  @Test
  void reRouteSkipsRecentAssignees() {
    f.use(eastTeam(Strategy.ROUND_ROBIN, r -> r));
    RoutingDecision first = f.route();

    RoutingDecision again = f.router.route(new RoutingRequest(TENANT, first.lead(), f.fields(Map.of()), null,
        List.of(LI, SUN)));

    assertEquals(ZHANG, again.assignee());
    assertEquals(List.of(RecentAssigneeFilter.RULE), rules(again, SUN));
  }

  @Test
  void everyObstacleIsListedNotOnlyTheFirst() {
    f.use(eastTeam(Strategy.ROUND_ROBIN, r -> r.cap(CapacityCap.openLeads(1))));
    f.route();
    f.profile(RepProfile.builder(LI).paused(true).absent(f.clock.instant(), f.clock.instant().plusSeconds(60),
        "看病 doctor"));

    RoutingDecision decision = f.route();

    assertEquals(List.of(PausedRepFilter.RULE, AbsenceFilter.RULE, "assignment.rules[0].caps[0]"),
        rules(decision, LI));
    assertFalse(decision.candidate(LI).orElseThrow().eligible());
    assertNull(decision.candidate(SUN).orElseThrow().score());
  }

  @Test
  void anotherTenantsRepCannotBeAvoidedOrReleased() {
    RepId stranger = RepId.of(TenantId.of("globex"), "li");

    ValidationException bad = assertThrows(ValidationException.class, () -> new RoutingRequest(TENANT,
        f.nextLead(), f.fields(Map.of()), stranger, List.of(stranger)));

    assertEquals(List.of("account_owner", "avoid[0]"), bad.problems().stream().map(p -> p.path()).toList());
    assertThrows(ValidationException.class, () -> f.router.released(TENANT, stranger, f.nextLead()));
  }
}
