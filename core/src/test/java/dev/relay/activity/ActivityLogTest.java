package dev.relay.activity;

import static dev.relay.activity.ActivityFixture.BEACON;
import static dev.relay.activity.ActivityFixture.HUAXIA;
import static dev.relay.activity.ActivityFixture.LI;
import static dev.relay.activity.ActivityFixture.OTHER_TENANT;
import static dev.relay.activity.ActivityFixture.PUMP_RETROFIT;
import static dev.relay.activity.ActivityFixture.TENANT;
import static dev.relay.activity.ActivityFixture.ZHANG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.relay.activity.ActivityEvent.ActivityLogged;
import dev.relay.activity.RecordingFollowUpListener.FollowUp;
import dev.relay.common.AccountId;
import dev.relay.common.ConcurrencyConflictException;
import dev.relay.common.DealId;
import dev.relay.common.ErrorCode;
import dev.relay.common.Problem;
import dev.relay.common.RepId;
import dev.relay.common.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ActivityLogTest {
  private final ActivityFixture f = new ActivityFixture();

  @Test
  void callOnAnAccountIsLoggedAndUpdatesLastFollowUp() {
    Instant calledAt = f.now().minus(Duration.ofMinutes(30));

    Activity call = f.service.log(TENANT, NewActivity.of(ActivityKind.CALL, Subject.ofAccount(HUAXIA), LI, calledAt,
        "  电话确认预算 50 万，周四演示 / budget of 500k confirmed, demo on Thursday  "));

    assertEquals("ACT-1", call.id().value());
    assertEquals("电话确认预算 50 万，周四演示 / budget of 500k confirmed, demo on Thursday", call.summary());
    assertEquals(calledAt, call.occurredAt());
    assertEquals(f.now(), call.recordedAt());
    assertEquals(List.of(call), f.service.activitiesOf(HUAXIA, 10));
    assertEquals(List.of(new FollowUp(HUAXIA, LI, calledAt)), f.followUps.calls());
    assertEquals(Optional.of(calledAt), f.followUps.lastFollowUp(HUAXIA));
    assertEquals(List.of(new ActivityLogged(call.id(), f.now(), ActivityKind.CALL, Subject.ofAccount(HUAXIA), LI,
        calledAt, call.summary())), f.events.events());
    assertEquals("activity.logged", f.events.events().get(0).type());
    assertEquals(TENANT, f.events.events().get(0).tenant());
  }

  @Test
  void visitLoggedTheNextMorningCountsWhenItHappened() {
    Instant visitedAt = f.now().minus(Duration.ofHours(16));
    f.clock.advance(Duration.ofMinutes(5));

    f.service.log(TENANT, NewActivity.of(ActivityKind.VISIT, Subject.of(HUAXIA, PUMP_RETROFIT), ZHANG, visitedAt,
        "现场查看旧泵 / inspected the old pumps on site"));

    assertEquals(Optional.of(visitedAt), f.followUps.lastFollowUp(HUAXIA));
    assertEquals(Optional.of(visitedAt), f.activities.latestActivityAt(HUAXIA));
    assertEquals(1, f.service.activitiesOf(PUMP_RETROFIT, 10).size());
  }

  @Test
  void noteAboutADealAloneIsNoFollowUpOfAnyAccount() {
    Activity note = f.service.log(TENANT, NewActivity.of(ActivityKind.NOTE, Subject.ofDeal(PUMP_RETROFIT), LI,
        f.now(), "竞品报价低 8% / competitor quoted 8% lower"));

    assertEquals(List.of(), f.followUps.calls());
    assertEquals(List.of(note), f.service.activitiesOf(PUMP_RETROFIT, 10));
    assertEquals(List.of(), f.service.activitiesOf(HUAXIA, 10));
  }

  @Test
  void activityInTheFutureIsRejected() {
    Instant tomorrow = f.now().plus(Duration.ofDays(1));

    ValidationException invalid = assertThrows(ValidationException.class, () -> f.service.log(TENANT,
        NewActivity.of(ActivityKind.MEETING, Subject.ofAccount(HUAXIA), LI, tomorrow, "周二例会 / Tuesday meeting")));

    assertEquals(ErrorCode.VALIDATION_FAILED, invalid.code());
    assertEquals(List.of("occurredAt"), paths(invalid));
    assertEquals(List.of(), f.service.activitiesOf(HUAXIA, 10));
    assertEquals(List.of(), f.followUps.calls());
    assertEquals(List.of(), f.events.events());
  }

  @Test
  void activityAtTheClocksNowIsNotInTheFuture() {
    Activity now = f.service.log(TENANT, NewActivity.of(ActivityKind.EMAIL, Subject.ofAccount(HUAXIA), LI, f.now(),
        "发送报价单 / quote sent"));

    assertEquals(f.now(), now.occurredAt());
  }

  @Test
  void activityNeedsASubjectInTheSameTenant() {
    assertThrows(IllegalArgumentException.class, () -> new Subject(null, null), "no subject at all");
    assertThrows(IllegalArgumentException.class,
        () -> Subject.of(HUAXIA, DealId.of(OTHER_TENANT, "D-1")), "account and deal of different tenants");

    ValidationException invalid = assertThrows(ValidationException.class, () -> f.service.log(TENANT,
        NewActivity.of(ActivityKind.CALL, Subject.ofAccount(AccountId.of(OTHER_TENANT, "C-1")), LI, f.now(),
            "串租户 / wrong tenant")));

    assertEquals(List.of("subject"), paths(invalid));
    assertEquals(List.of(), f.followUps.calls());
    assertEquals(List.of(), f.events.events());
  }

  @Test
  void everyProblemOfAnActivityIsReportedWithItsPath() {
    ValidationException invalid = assertThrows(ValidationException.class, () -> f.service.log(TENANT,
        NewActivity.of(ActivityKind.CALL, Subject.ofAccount(AccountId.of(OTHER_TENANT, "C-1")),
            RepId.of(OTHER_TENANT, "li"), f.now().plusSeconds(1), "   ")));

    assertEquals(List.of("summary", "subject", "author", "occurredAt"), paths(invalid));
  }

  @Test
  void followUpLosingARaceOnTheAccountIsRetriedAndRecordedOnce() {
    f.followUps.loseNextRaces(2);

    Activity call = f.service.log(TENANT, NewActivity.of(ActivityKind.CALL, Subject.ofAccount(BEACON), LI, f.now(),
        "回访 / follow-up call"));

    assertEquals(3, f.followUps.calls().size(), "two lost races, then the follow-up that counted");
    assertEquals(List.of(call), f.service.activitiesOf(BEACON, 10));
    assertEquals(1, f.events.events(ActivityLogged.class).size());
  }

  @Test
  void followUpThatKeepsLosingRecordsNothing() {
    f.followUps.loseNextRaces(ActivityService.MAX_ATTEMPTS);

    assertThrows(ConcurrencyConflictException.class, () -> f.service.log(TENANT,
        NewActivity.of(ActivityKind.CALL, Subject.ofAccount(BEACON), LI, f.now(), "回访 / follow-up call")));

    assertEquals(List.of(), f.service.activitiesOf(BEACON, 10));
    assertEquals(List.of(), f.events.events());
  }

  @Test
  void activityKindsHaveStableJsonNames() {
    assertEquals(List.of("call", "visit", "meeting", "email", "note"),
        List.of(ActivityKind.values()).stream().map(ActivityKind::jsonName).toList());
    assertEquals(ActivityKind.VISIT, ActivityKind.fromJson("visit"));
    assertEquals(null, ActivityKind.fromJson("fax"));
  }

  static List<String> paths(ValidationException e) {
    return e.problems().stream().map(Problem::path).toList();
  }
}
