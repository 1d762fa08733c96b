package dev.relay.activity;

import static dev.relay.activity.ActivitySamples.account;
import static dev.relay.activity.ActivitySamples.deal;
import static dev.relay.activity.ActivitySamples.hoursAfterT0;
import static dev.relay.activity.ActivitySamples.openTask;
import static dev.relay.activity.ActivitySamples.rep;
import static dev.relay.activity.ActivitySamples.retitled;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relay.common.ConcurrencyConflictException;
import dev.relay.common.NotFoundException;
import dev.relay.common.TaskId;
import dev.relay.common.TenantId;
import dev.relay.testing.WriteRace;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link TaskRepository}, split by concern. Each implementation certifies itself with an empty
 * subclass that returns a fresh, empty repository: {@code class JdbcTaskRepositoryTest extends TaskRepositoryContract}.
 * Depends only on the port and on {@link ActivitySamples}.
 */
public abstract class TaskRepositoryContract {
  protected static final TenantId ACME = TenantId.of("acme");
  protected static final TenantId GLOBEX = TenantId.of("globex");

  private TaskRepository repository;

  /** A new repository holding no tasks. */
  protected abstract TaskRepository createRepository();

  // Lifecycle method and nested classes are visible to subclasses in other packages (the adapters' tests).
  @BeforeEach
  protected void freshRepository() {
    repository = createRepository();
  }

  protected TaskRepository repository() {
    return repository;
  }

  @Nested
  public class Crud {
    @Test
    void insertedTasksAreFoundWithEveryPart() {
      FollowUpTask open = openTask(ACME, "T-1", hoursAfterT0(24));
      FollowUpTask done = ActivitySamples.doneTask(ACME, "T-2");
      FollowUpTask cancelled = ActivitySamples.cancelledTask(ACME, "T-3");

      repository.insert(open);
      // Inserts take version 1 only; the closed samples (version 2) arrive through one save.
      insertAtItsVersion(done);
      insertAtItsVersion(cancelled);

      assertEquals(Optional.of(open), repository.find(open.id()));
      assertEquals(Optional.of(done), repository.find(done.id()));
      assertEquals(Optional.of(cancelled), repository.find(cancelled.id()));
    }

    @Test
    void unknownTaskIsNotFound() {
      assertEquals(Optional.empty(), repository.find(TaskId.of(ACME, "T-404")));
    }

    @Test
    void insertingAnExistingIdConflicts() {
      FollowUpTask task = openTask(ACME, "T-1", hoursAfterT0(24));
      repository.insert(task);

      assertThrows(ConcurrencyConflictException.class, () -> repository.insert(task));
    }

    @Test
    void newTasksStartAtVersionOne() {
      FollowUpTask task = openTask(ACME, "T-1", hoursAfterT0(24));

      assertThrows(IllegalArgumentException.class, () -> repository.insert(retitled(task, "x")));
      assertEquals(Optional.empty(), repository.find(task.id()));
    }

    @Test
    void saveReplacesTheTaskWithItsNextVersion() {
      FollowUpTask task = openTask(ACME, "T-1", hoursAfterT0(24));
      repository.insert(task);
      FollowUpTask reported = ActivitySamples.withOverdueReportedAt(task, hoursAfterT0(25));

      repository.save(reported, 1);

      assertEquals(Optional.of(reported), repository.find(task.id()));
    }

    @Test
    void aClearedOverdueMarkStaysCleared() {
      FollowUpTask task = openTask(ACME, "T-1", hoursAfterT0(24));
      repository.insert(task);
      repository.save(ActivitySamples.withOverdueReportedAt(task, hoursAfterT0(25)), 1);
      FollowUpTask cleared = ActivitySamples.withoutOverdueReport(repository.find(task.id()).orElseThrow());

      repository.save(cleared, 2);

      assertEquals(Optional.of(cleared), repository.find(task.id()));
    }

    @Test
    void savingAnUnknownTaskIsNotFound() {
      FollowUpTask task = retitled(openTask(ACME, "T-1", hoursAfterT0(24)), "x");

      assertThrows(NotFoundException.class, () -> repository.save(task, 1));
    }

    @Test
    void versionsGrowByOne() {
      FollowUpTask task = openTask(ACME, "T-1", hoursAfterT0(24));
      repository.insert(task);
      FollowUpTask skipping = retitled(retitled(task, "a"), "b");

      assertThrows(IllegalArgumentException.class, () -> repository.save(skipping, 1));
      assertEquals(Optional.of(task), repository.find(task.id()));
    }
  }

  @Nested
  public class Queries {
    @Test
    void openTasksOfATenantAreListedEarliestDueFirst() {
      repository.insert(openTask(ACME, "T-1", hoursAfterT0(48)));
      repository.insert(openTask(ACME, "T-2", hoursAfterT0(24)));
      repository.insert(openTask(ACME, "T-3", hoursAfterT0(24)));
      insertAtItsVersion(ActivitySamples.doneTask(ACME, "T-4"));
      insertAtItsVersion(ActivitySamples.cancelledTask(ACME, "T-5"));

      assertEquals(List.of("T-2", "T-3", "T-1"), ids(repository.findOpen(ACME)));
    }

    @Test
    void openTasksOfAnAccountAreThoseNamingIt() {
      repository.insert(openTask(ACME, "T-1", Subject.ofAccount(account(ACME, "C-1")), "li", hoursAfterT0(48)));
      repository.insert(openTask(ACME, "T-2", Subject.of(account(ACME, "C-1"), deal(ACME, "D-1")), "zhang",
          hoursAfterT0(24)));
      repository.insert(openTask(ACME, "T-3", Subject.ofDeal(deal(ACME, "D-1")), "li", hoursAfterT0(24)));
      repository.insert(openTask(ACME, "T-4", Subject.ofAccount(account(ACME, "C-2")), "li", hoursAfterT0(24)));
      insertAtItsVersion(ActivitySamples.doneTask(ACME, "T-5"));

      assertEquals(List.of("T-2", "T-1"), ids(repository.findOpenByAccount(account(ACME, "C-1"))));
    }

    @Test
    void tasksOfAnAssigneeAreFilteredByStatus() {
      repository.insert(openTask(ACME, "T-1", hoursAfterT0(48)));
      repository.insert(openTask(ACME, "T-2", Subject.ofAccount(account(ACME, "C-1")), "zhang", hoursAfterT0(24)));
      insertAtItsVersion(ActivitySamples.doneTask(ACME, "T-3"));

      assertEquals(List.of("T-1"), ids(repository.findOpenByAssignee(rep(ACME, "li"))));
      assertEquals(List.of("T-3", "T-1"), ids(repository.findByAssignee(rep(ACME, "li"),
          EnumSet.allOf(TaskStatus.class))));
      assertEquals(List.of(), repository.findByAssignee(rep(ACME, "li"), EnumSet.of(TaskStatus.CANCELLED)));
    }
  }

  @Nested
  public class TenantIsolation {
    @Test
    void theSameLocalIdInTwoTenantsNamesTwoTasks() {
      FollowUpTask acme = openTask(ACME, "T-1", hoursAfterT0(24));
      FollowUpTask globex = openTask(GLOBEX, "T-1", hoursAfterT0(48));

      repository.insert(acme);
      repository.insert(globex);

      assertEquals(Optional.of(acme), repository.find(acme.id()));
      assertEquals(Optional.of(globex), repository.find(globex.id()));
    }

    @Test
    void listsNeverCrossTenants() {
      repository.insert(openTask(ACME, "T-1", hoursAfterT0(24)));
      repository.insert(openTask(GLOBEX, "T-2", hoursAfterT0(24)));

      assertEquals(List.of("T-1"), ids(repository.findOpen(ACME)));
      assertEquals(List.of("T-2"), ids(repository.findOpenByAccount(account(GLOBEX, "C-1"))));
      assertEquals(List.of("T-1"), ids(repository.findOpenByAssignee(rep(ACME, "li"))));
      assertEquals(List.of(), repository.findOpen(TenantId.of("initech")));
    }

    @Test
    void aSaveChangesOnlyItsTenantsTask() {
      FollowUpTask acme = openTask(ACME, "T-1", hoursAfterT0(24));
      FollowUpTask globex = openTask(GLOBEX, "T-1", hoursAfterT0(24));
      repository.insert(acme);
      repository.insert(globex);

      repository.save(retitled(acme, "改 / changed"), 1);

      assertEquals(Optional.of(globex), repository.find(globex.id()));
    }
  }

  @Nested
  public class OptimisticLocking {
    @Test
    void aStaleSaveConflictsAndWritesNothing() {
      FollowUpTask task = openTask(ACME, "T-1", hoursAfterT0(24));
      repository.insert(task);
      FollowUpTask first = retitled(task, "first");
      repository.save(first, 1);

      ConcurrencyConflictException conflict = assertThrows(ConcurrencyConflictException.class,
          () -> repository.save(retitled(task, "stale"), 1));

      assertTrue(conflict.getMessage().contains("expected version 1"), conflict.getMessage());
      assertEquals(Optional.of(first), repository.find(task.id()));
    }

    @Test
    void ofWritersRacingFromOneReadExactlyOneWins() throws Exception {
      FollowUpTask task = openTask(ACME, "T-1", hoursAfterT0(24));
      repository.insert(task);
      int writers = 8;
      List<Callable<FollowUpTask>> attempts = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        FollowUpTask mine = retitled(task, "w" + w);
        attempts.add(() -> {
          repository.save(mine, 1);
          return mine;
        });
      }

      WriteRace.Outcome<FollowUpTask> race = WriteRace.run(attempts);
      List<FollowUpTask> winners = race.winners();
      int conflicts = race.conflicts();

      assertEquals(1, winners.size());
      assertEquals(writers - 1, conflicts);
      assertEquals(Optional.of(winners.get(0)), repository.find(task.id()));
    }
  }

  private static List<String> ids(List<FollowUpTask> tasks) {
    return tasks.stream().map(t -> t.id().value()).toList();
  }

  /** Stores a sample at version 2: inserted as its first version, then saved once as the sample itself. */
  private void insertAtItsVersion(FollowUpTask task) {
    repository.insert(versionOne(task));
    repository.save(task, 1);
  }

  /** The sample as its own first version, so that one save turns it into the sample. */
  private static FollowUpTask versionOne(FollowUpTask task) {
    return new FollowUpTask(task.id(), task.subject(), task.assignee(), task.title(), task.due(), task.status(),
        task.createdBy(), task.createdAt(), task.completedAt(), task.cancelledAt(), task.cancelReason(),
        task.overdueReportedAt(), 1);
  }
}
