package dev.relay.activity;

import static dev.relay.activity.ActivityFixture.BEACON;
import static dev.relay.activity.ActivityFixture.HUAXIA;
import static dev.relay.activity.ActivityFixture.LI;
import static dev.relay.activity.ActivityFixture.OTHER_TENANT;
import static dev.relay.activity.ActivityFixture.TENANT;
import static dev.relay.activity.ActivityFixture.WANG;
import static dev.relay.activity.ActivityFixture.ZHANG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relay.activity.ActivityEvent.TaskOverdue;
import dev.relay.common.AccountId;
import dev.relay.common.RepId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OverdueTaskMonitorTest {
  private final ActivityFixture f = new ActivityFixture();

  @Test
  void overdueTaskReportedExactlyOnceAndEventEmitted() {
    FollowUpTask task = f.task(HUAXIA, LI, "回电 / call back", 4);
    Instant due = task.due();
    f.clock.advance(Duration.ofHours(5));

    List<OverdueTask> first = f.monitor.checkOverdue(TENANT);
    f.clock.advance(Duration.ofHours(1));
    List<OverdueTask> second = f.monitor.checkOverdue(TENANT);

    assertEquals(List.of(new OverdueTask(task.id(), task.subject(), LI, "回电 / call back", due,
        Duration.ofHours(1))), first);
    assertEquals(List.of(), second);
    FollowUpTask stored = f.service.task(task.id());
    assertEquals(due.plus(Duration.ofHours(1)), stored.overdueReportedAt());
    assertEquals(TaskStatus.OPEN, stored.status(), "overdue is a report, not a status");
    List<TaskOverdue> events = f.events.events(TaskOverdue.class);
    assertEquals(List.of(new TaskOverdue(task.id(), due.plus(Duration.ofHours(1)), task.subject(), LI,
        "回电 / call back", due, Duration.ofHours(1))), events);
    assertEquals("activity.task_overdue", events.get(0).type());
  }

  @Test
  void taskIsNotOverdueAtItsDueTimeExactly() {
    FollowUpTask task = f.task(HUAXIA, LI, "回电 / call back", 4);
    f.clock.set(task.due());

    assertEquals(List.of(), f.monitor.checkOverdue(TENANT));

    f.clock.advance(Duration.ofSeconds(1));
    assertEquals(1, f.monitor.checkOverdue(TENANT).size());
  }

  @Test
  void rescheduledTaskCanBeOverdueAgain() {
    FollowUpTask task = f.task(HUAXIA, LI, "回电 / call back", 4);
    f.clock.advance(Duration.ofHours(6));
    assertEquals(1, f.monitor.checkOverdue(TENANT).size());

    FollowUpTask rescheduled = f.service.reschedule(task.id(), f.inHours(24), LI);
    assertEquals(null, rescheduled.overdueReportedAt(), "the report belonged to the old due time");
    f.clock.advance(Duration.ofHours(23));
    assertEquals(List.of(), f.monitor.checkOverdue(TENANT), "not yet due again");
    f.clock.advance(Duration.ofHours(2));
    List<OverdueTask> again = f.monitor.checkOverdue(TENANT);

    assertEquals(1, again.size());
    assertEquals(rescheduled.due(), again.get(0).due());
    assertEquals(Duration.ofHours(1), again.get(0).overdue());
    assertEquals(List.of(task.due(), rescheduled.due()),
        f.events.events(TaskOverdue.class).stream().map(TaskOverdue::due).toList());
    assertEquals(List.of(), f.monitor.checkOverdue(TENANT));
  }

  @Test
  void completedTaskIsNeverOverdue() {
    FollowUpTask done = f.task(HUAXIA, LI, "回电 / call back", 4);
    FollowUpTask cancelled = f.task(BEACON, ZHANG, "安排演示 / book a demo", 4);
    f.service.complete(done.id(), LI);
    f.service.cancel(cancelled.id(), WANG, "客户取消 / the customer called it off");
    f.clock.advance(Duration.ofDays(30));

    assertEquals(List.of(), f.monitor.checkOverdue(TENANT));
    assertEquals(List.of(), f.events.events(TaskOverdue.class));
  }

  @Test
  void taskCompletedAfterItsOverdueReportKeepsTheReportAndIsNotReportedAgain() {
    FollowUpTask task = f.task(HUAXIA, LI, "回电 / call back", 4);
    f.clock.advance(Duration.ofHours(5));
    f.monitor.checkOverdue(TENANT);

    FollowUpTask done = f.service.complete(task.id(), LI);
    f.clock.advance(Duration.ofDays(1));

    assertEquals(f.inHours(-24), done.overdueReportedAt(), "the history of lateness is kept");
    assertEquals(List.of(), f.monitor.checkOverdue(TENANT));
  }

  @Test
  void overdueTasksAreReportedEarliestDueFirstAndOnlyForTheTenantChecked() {
    FollowUpTask later = f.task(HUAXIA, LI, "寄样品 / send samples", 3);
    FollowUpTask sooner = f.task(BEACON, ZHANG, "回电 / call back", 1);
    f.task(HUAXIA, LI, "not due yet", 48);
    f.service.createTask(OTHER_TENANT, NewTask.of(Subject.ofAccount(AccountId.of(OTHER_TENANT, "C-1")),
        RepId.of(OTHER_TENANT, "li"), "其他租户 / another tenant's", f.inHours(1)));
    f.clock.advance(Duration.ofHours(4));

    List<OverdueTask> reported = f.monitor.checkOverdue(TENANT);

    assertEquals(List.of(sooner.id(), later.id()), reported.stream().map(OverdueTask::task).toList());
    assertTrue(f.events.events(TaskOverdue.class).stream().allMatch(e -> e.tenant().equals(TENANT)));
    assertEquals(1, f.monitor.checkOverdue(OTHER_TENANT).size());
  }

  @Test
  void taskThatKeepsChangingIsLeftForTheNextCheck() {
    FollowUpTask busy = f.task(HUAXIA, LI, "回电 / call back", 1);
    f.clock.advance(Duration.ofHours(2));
    OverdueTaskMonitor racing = f.monitorOver(new InterferingTaskRepository(f.tasks, 3));

    assertEquals(List.of(), racing.checkOverdue(TENANT));
    assertEquals(List.of(busy.id()), f.monitor.checkOverdue(TENANT).stream().map(OverdueTask::task).toList());
  }
}
