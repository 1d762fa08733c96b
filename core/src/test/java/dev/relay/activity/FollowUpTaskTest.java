package dev.relay.activity;

import static dev.relay.activity.ActivityFixture.BEACON;
import static dev.relay.activity.ActivityFixture.HUAXIA;
import static dev.relay.activity.ActivityFixture.LI;
import static dev.relay.activity.ActivityFixture.OTHER_TENANT;
import static dev.relay.activity.ActivityFixture.PUMP_RETROFIT;
import static dev.relay.activity.ActivityFixture.TENANT;
import static dev.relay.activity.ActivityFixture.WANG;
import static dev.relay.activity.ActivityFixture.ZHANG;
import static dev.relay.activity.ActivityLogTest.paths;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.relay.activity.ActivityEvent.TaskCancelled;
import dev.relay.activity.ActivityEvent.TaskCompleted;
import dev.relay.activity.ActivityEvent.TaskCreated;
import dev.relay.activity.ActivityEvent.TaskReassigned;
import dev.relay.activity.ActivityEvent.TaskRescheduled;
import dev.relay.common.ErrorCode;
import dev.relay.common.NotFoundException;
import dev.relay.common.RepId;
import dev.relay.common.RuleViolationException;
import dev.relay.common.TaskId;
import dev.relay.common.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FollowUpTaskTest {
  private final ActivityFixture f = new ActivityFixture();

  @Test
  void taskAssignedWithDueTimeIsListedAsOpen() {
    Instant fridayNoon = f.now().plus(Duration.ofDays(4)).plus(Duration.ofHours(3));

    FollowUpTask task = f.service.createTask(TENANT, NewTask.of(Subject.of(HUAXIA, PUMP_RETROFIT), LI,
        "回访报价 / chase the quote", fridayNoon).createdBy(WANG));

    assertEquals("T-1", task.id().value());
    assertEquals(TaskStatus.OPEN, task.status());
    assertEquals(fridayNoon, task.due());
    assertEquals(WANG, task.createdBy());
    assertEquals(f.now(), task.createdAt());
    assertEquals(1, task.version());
    assertEquals(List.of(task), f.service.openTasksOf(LI));
    assertEquals(List.of(task), f.service.openTasksOf(HUAXIA));
    assertEquals(List.of(task), f.tasks.findOpen(TENANT));
    assertEquals(List.of(new TaskCreated(task.id(), f.now(), task.subject(), LI, "回访报价 / chase the quote",
        fridayNoon, WANG)), f.events.events());
  }

  @Test
  void aRepsOpenTasksComeEarliestDueFirst() {
    FollowUpTask later = f.task(HUAXIA, LI, "寄样品 / send samples", 48);
    FollowUpTask sooner = f.task(BEACON, LI, "确认参会 / confirm attendance", 2);
    f.task(HUAXIA, ZHANG, "not li's", 1);

    assertEquals(List.of(sooner, later), f.service.openTasksOf(LI));
  }

  @Test
  void everyProblemOfATaskIsReportedWithItsPath() {
    ValidationException invalid = assertThrows(ValidationException.class, () -> f.service.createTask(TENANT,
        new NewTask(Subject.ofAccount(HUAXIA), RepId.of(OTHER_TENANT, "li"), " ", f.now(),
            RepId.of(OTHER_TENANT, "wang"))));

    assertEquals(List.of("title", "assignee", "createdBy", "due"), paths(invalid));
    assertEquals(List.of(), f.tasks.findOpen(TENANT));
  }

  @Test
  void completingATaskIsNotAFollowUp() {
    FollowUpTask task = f.task(HUAXIA, LI, "回电 / call back", 4);
    f.clock.advance(Duration.ofHours(1));

    FollowUpTask done = f.service.complete(task.id(), LI);

    assertEquals(TaskStatus.DONE, done.status());
    assertEquals(f.now(), done.completedAt());
    assertEquals(2, done.version());
    assertEquals(List.of(), f.followUps.calls(), "only a logged activity is a follow-up");
    assertEquals(List.of(), f.service.openTasksOf(HUAXIA));
    assertEquals(List.of(new TaskCompleted(task.id(), f.now(), task.subject(), LI, LI)),
        f.events.events(TaskCompleted.class));
  }

  @Test
  void completingADoneTaskAgainChangesNothing() {
    FollowUpTask task = f.task(HUAXIA, LI, "回电 / call back", 4);
    FollowUpTask done = f.service.complete(task.id(), LI);
    f.clock.advance(Duration.ofMinutes(1));

    assertEquals(done, f.service.complete(task.id(), ZHANG));
    assertEquals(1, f.events.events(TaskCompleted.class).size());
  }

  @Test
  void cancelledTaskCannotBeCompletedNorDoneTaskCancelled() {
    FollowUpTask cancelled = f.service.cancel(f.task(HUAXIA, LI, "安排演示 / book a demo", 24).id(), WANG,
        "客户暂停采购 / purchase on hold");
    FollowUpTask done = f.service.complete(f.task(HUAXIA, LI, "回电 / call back", 4).id(), LI);

    RuleViolationException notDone = assertThrows(RuleViolationException.class,
        () -> f.service.complete(cancelled.id(), LI));
    RuleViolationException notCancelled = assertThrows(RuleViolationException.class,
        () -> f.service.cancel(done.id(), WANG, "too late"));

    assertEquals(ErrorCode.INVALID_TRANSITION, notDone.code());
    assertEquals(ErrorCode.INVALID_TRANSITION, notCancelled.code());
    assertEquals(cancelled, f.service.task(cancelled.id()));
    assertEquals(done, f.service.task(done.id()));
  }

  @Test
  void cancellingNeedsAReasonAndKeepsIt() {
    FollowUpTask task = f.task(HUAXIA, LI, "安排演示 / book a demo", 24);

    ValidationException noReason = assertThrows(ValidationException.class,
        () -> f.service.cancel(task.id(), WANG, " "));
    FollowUpTask cancelled = f.service.cancel(task.id(), WANG, " 客户暂停采购 / purchase on hold ");

    assertEquals(List.of("reason"), paths(noReason));
    assertEquals(TaskStatus.CANCELLED, cancelled.status());
    assertEquals("客户暂停采购 / purchase on hold", cancelled.cancelReason());
    assertEquals(f.now(), cancelled.cancelledAt());
    assertNull(cancelled.completedAt());
    assertEquals(List.of(new TaskCancelled(task.id(), f.now(), task.subject(), LI, WANG,
        "客户暂停采购 / purchase on hold")), f.events.events(TaskCancelled.class));
  }

  @Test
  void reschedulingMovesTheDueTimeForwardOnly() {
    FollowUpTask task = f.task(HUAXIA, LI, "回电 / call back", 4);

    ValidationException past = assertThrows(ValidationException.class,
        () -> f.service.reschedule(task.id(), f.inHours(-1), LI));
    FollowUpTask moved = f.service.reschedule(task.id(), f.inHours(28), LI);

    assertEquals(List.of("newDue"), paths(past));
    assertEquals(f.inHours(28), moved.due());
    assertEquals(moved, f.service.reschedule(task.id(), f.inHours(28), LI), "the same due time changes nothing");
    assertEquals(List.of(new TaskRescheduled(task.id(), f.now(), task.subject(), LI, f.inHours(4), f.inHours(28),
        LI)), f.events.events(TaskRescheduled.class));
  }

  @Test
  void reassigningHandsTheTaskToAnotherRepOfTheTenant() {
    FollowUpTask task = f.task(HUAXIA, LI, "回电 / call back", 4);

    ValidationException foreign = assertThrows(ValidationException.class,
        () -> f.service.reassign(task.id(), RepId.of(OTHER_TENANT, "zhang"), WANG));
    FollowUpTask moved = f.service.reassign(task.id(), ZHANG, WANG);

    assertEquals(List.of("newAssignee"), paths(foreign));
    assertEquals(ZHANG, moved.assignee());
    assertEquals(List.of(), f.service.openTasksOf(LI));
    assertEquals(List.of(moved), f.service.openTasksOf(ZHANG));
    assertEquals(List.of(new TaskReassigned(task.id(), f.now(), task.subject(), LI, ZHANG, WANG)),
        f.events.events(TaskReassigned.class));
  }

  @Test
  void openTasksOfAnAccountFollowTheNewOwner() {
    FollowUpTask callBack = f.task(HUAXIA, LI, "回电 / call back", 4);
    FollowUpTask samples = f.service.createTask(TENANT, NewTask.of(Subject.of(HUAXIA, PUMP_RETROFIT), LI,
        "寄样品 / send samples", f.inHours(48)));
    FollowUpTask alreadyZhangs = f.task(HUAXIA, ZHANG, "准备方案 / draft the proposal", 24);
    FollowUpTask done = f.service.complete(f.task(HUAXIA, LI, "首次拜访 / first visit", 1).id(), LI);
    FollowUpTask otherAccount = f.task(BEACON, LI, "确认参会 / confirm attendance", 2);
    f.events.clear();

    int moved = f.service.reassignOpenTasks(HUAXIA, ZHANG, WANG);

    assertEquals(2, moved);
    assertEquals(List.of(callBack.id(), alreadyZhangs.id(), samples.id()),
        f.service.openTasksOf(ZHANG).stream().map(FollowUpTask::id).toList());
    assertEquals(List.of(otherAccount), f.service.openTasksOf(LI), "tasks about other accounts stay");
    assertEquals(LI, f.service.task(done.id()).assignee(), "closed tasks keep who did them");
    assertEquals(List.of(
        new TaskReassigned(callBack.id(), f.now(), callBack.subject(), LI, ZHANG, WANG),
        new TaskReassigned(samples.id(), f.now(), samples.subject(), LI, ZHANG, WANG)), f.events.events());
    assertEquals(0, f.service.reassignOpenTasks(HUAXIA, ZHANG, WANG), "moving again moves nothing");
  }

  @Test
  void movingTasksToAnotherTenantsRepIsRejected() {
    f.task(HUAXIA, LI, "回电 / call back", 4);

    ValidationException invalid = assertThrows(ValidationException.class,
        () -> f.service.reassignOpenTasks(HUAXIA, RepId.of(OTHER_TENANT, "zhang"), RepId.of(OTHER_TENANT, "wang")));

    assertEquals(List.of("newAssignee", "actor"), paths(invalid));
    assertEquals(1, f.service.openTasksOf(LI).size());
  }

  @Test
  void unknownTaskIsNotFound() {
    TaskId missing = TaskId.of(TENANT, "T-404");

    assertThrows(NotFoundException.class, () -> f.service.complete(missing, LI));
    assertThrows(NotFoundException.class, () -> f.service.task(missing));
  }

  @Test
  void anActorOfAnotherTenantIsRejected() {
    FollowUpTask task = f.task(HUAXIA, LI, "回电 / call back", 4);

    ValidationException invalid = assertThrows(ValidationException.class,
        () -> f.service.complete(task.id(), RepId.of(OTHER_TENANT, "li")));

    assertEquals(List.of("actor"), paths(invalid));
  }
}
