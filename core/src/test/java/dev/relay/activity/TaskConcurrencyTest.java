package dev.relay.activity;

import static dev.relay.activity.ActivityFixture.HUAXIA;
import static dev.relay.activity.ActivityFixture.LI;
import static dev.relay.activity.ActivityFixture.TENANT;
import static dev.relay.activity.ActivityFixture.WANG;
import static dev.relay.activity.ActivityFixture.ZHANG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relay.activity.ActivityEvent.TaskCancelled;
import dev.relay.activity.ActivityEvent.TaskCompleted;
import dev.relay.common.ConcurrencyConflictException;
import dev.relay.common.ErrorCode;
import dev.relay.common.RepId;
import dev.relay.common.RuleViolationException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TaskConcurrencyTest {
  private static final int REPS = 8;
  private static final int ROUNDS = 25;

  private final ActivityFixture f = new ActivityFixture();

  @Test
  void concurrentCompletionsOfOneTaskLeaveOneWinner() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(REPS);
    try {
      for (int round = 0; round < ROUNDS; round++) {
        FollowUpTask task = f.task(HUAXIA, LI, "回电 / call back " + round, 4);
        List<Callable<FollowUpTask>> completions = new ArrayList<>();
        for (int r = 0; r < REPS; r++) {
          RepId rep = RepId.of(TENANT, "rep-" + r);
          completions.add(() -> f.service.complete(task.id(), rep));
        }

        List<FollowUpTask> results = race(pool, completions);

        FollowUpTask stored = f.service.task(task.id());
        assertEquals(TaskStatus.DONE, stored.status());
        assertEquals(2, stored.version(), "one completion was written");
        assertTrue(results.stream().allMatch(stored::equals), "every caller sees the one completion");
        List<TaskCompleted> completed = f.events.events(TaskCompleted.class).stream()
            .filter(e -> e.task().equals(task.id())).toList();
        assertEquals(1, completed.size(), "one completion was published");
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void completionRacingACancellationEndsInExactlyOneOfThem() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < ROUNDS; round++) {
        FollowUpTask task = f.task(HUAXIA, LI, "安排演示 / book a demo " + round, 4);
        CountDownLatch start = new CountDownLatch(1);
        Future<FollowUpTask> complete = pool.submit(() -> {
          start.await();
          return f.service.complete(task.id(), LI);
        });
        Future<FollowUpTask> cancel = pool.submit(() -> {
          start.await();
          return f.service.cancel(task.id(), WANG, "客户取消 / called off");
        });
        start.countDown();

        int refused = refusals(complete) + refusals(cancel);

        FollowUpTask stored = f.service.task(task.id());
        assertEquals(1, refused, "the loser is told the task is closed");
        assertEquals(2, stored.version());
        long completions = f.events.events(TaskCompleted.class).stream().filter(e -> e.task().equals(task.id()))
            .count();
        long cancellations = f.events.events(TaskCancelled.class).stream().filter(e -> e.task().equals(task.id()))
            .count();
        assertEquals(1, completions + cancellations);
        assertEquals(stored.status() == TaskStatus.DONE ? 1 : 0, completions);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void completionLosingARaceIsRetriedOnFreshState() {
    FollowUpTask task = f.task(HUAXIA, LI, "回电 / call back", 4);
    ActivityService racing = f.serviceOver(new InterferingTaskRepository(f.tasks, 2));

    FollowUpTask done = racing.complete(task.id(), LI);

    assertEquals(4, done.version(), "two interfering writes, then ours");
    assertEquals(TaskStatus.DONE, done.status());
    assertEquals("interfered 2", done.title(), "the retry kept the other writes");
  }

  @Test
  void commandThatKeepsLosingGivesUpAndWritesNothingOfItsOwn() {
    FollowUpTask task = f.task(HUAXIA, LI, "回电 / call back", 4);
    ActivityService racing = f.serviceOver(new InterferingTaskRepository(f.tasks, ActivityService.MAX_ATTEMPTS));

    assertThrows(ConcurrencyConflictException.class, () -> racing.reassign(task.id(), ZHANG, WANG));

    FollowUpTask stored = f.service.task(task.id());
    assertEquals(LI, stored.assignee());
    assertEquals(1 + ActivityService.MAX_ATTEMPTS, stored.version(), "only the interfering writes landed");
  }

  @Test
  void movingAnAccountsTasksRetriesATaskThatChangedMeanwhile() {
    f.task(HUAXIA, LI, "回电 / call back", 4);
    f.task(HUAXIA, LI, "寄样品 / send samples", 8);
    ActivityService racing = f.serviceOver(new InterferingTaskRepository(f.tasks, 1));

    assertEquals(2, racing.reassignOpenTasks(HUAXIA, ZHANG, WANG));

    assertEquals(2, f.service.openTasksOf(ZHANG).size());
    assertEquals(List.of(), f.service.openTasksOf(LI));
  }

  private static <T> List<T> race(ExecutorService pool, List<Callable<T>> work) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<T>> futures = new ArrayList<>();
    for (Callable<T> w : work) {
      futures.add(pool.submit(() -> {
        start.await();
        return w.call();
      }));
    }
    start.countDown();
    List<T> results = new ArrayList<>();
    for (Future<T> f : futures) {
      results.add(f.get(30, TimeUnit.SECONDS));
    }
    return results;
  }

  /** 1 if the command was refused because the task was closed by the other, 0 if it went through. */
  private static int refusals(Future<FollowUpTask> command) throws Exception {
    try {
      command.get(30, TimeUnit.SECONDS);
      return 0;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuleViolationException refused
          && refused.code() == ErrorCode.INVALID_TRANSITION) {
        return 1;
      }
      throw e;
    }
  }
}
