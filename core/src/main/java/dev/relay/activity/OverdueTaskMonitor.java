package dev.relay.activity;

import dev.relay.activity.ActivityEvent.TaskOverdue;
import dev.relay.common.ConcurrencyConflictException;
import dev.relay.common.ConflictRetry;
import dev.relay.common.EventPublisher;
import dev.relay.common.TaskId;
import dev.relay.common.TenantId;
import dev.relay.common.TransactionRunner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds open follow-up tasks past their due time and reports each exactly once per due time: the task is marked
 * ({@link FollowUpTask#overdueReportedAt()}), saved with an optimistic version check and a {@link TaskOverdue} event is
 * published in the same unit of work. A later check reports nothing new; rescheduling clears the mark, so passing the
 * new due time is reported again. Done and cancelled tasks are never overdue.
 *
 * <p>A task is overdue when the clock's now is strictly after its due time. The host schedules {@link #checkOverdue}
 * (core starts no threads); running it on several hosts at once is safe, since the version check lets only one of them
 * mark a task.
 */
public final class OverdueTaskMonitor {
  private static final int MAX_ATTEMPTS = 3;

  private final TaskRepository tasks;
  private final EventPublisher events;
  private final TransactionRunner transactions;
  private final Clock clock;
  private final ConflictRetry retry = new ConflictRetry(MAX_ATTEMPTS);

  public OverdueTaskMonitor(TaskRepository tasks, EventPublisher events, TransactionRunner transactions,
      Clock clock) {
    this.tasks = Objects.requireNonNull(tasks, "tasks");
    this.events = Objects.requireNonNull(events, "events");
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Reports the tenant's overdue tasks not reported before, earliest due first.
   *
   * <p>A task that keeps changing under the check (it loses {@value #MAX_ATTEMPTS} version races in a row) is left for
   * the next check rather than failing the whole run.
   */
  public List<OverdueTask> checkOverdue(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    Instant now = clock.instant();
    List<OverdueTask> reported = new ArrayList<>();
    for (FollowUpTask candidate : tasks.findOpen(tenant)) {
      if (overdueOf(candidate, now).isEmpty()) {
        continue;
      }
      try {
        retry.run(() -> transactions.inTransaction(() -> mark(candidate.id(), now))).ifPresent(reported::add);
      } catch (ConcurrencyConflictException busy) {
        // Someone keeps changing this task; if it is still overdue and unreported, the next check reports it.
      }
    }
    return reported;
  }

  /** Re-reads the task and, if it is still overdue and unreported, marks and reports it. */
  private Optional<OverdueTask> mark(TaskId id, Instant now) {
    Optional<FollowUpTask> fresh = tasks.find(id);
    if (fresh.isEmpty()) {
      return Optional.empty();
    }
    FollowUpTask task = fresh.get();
    Optional<OverdueTask> overdue = overdueOf(task, now);
    if (overdue.isPresent()) {
      OverdueTask o = overdue.get();
      tasks.save(task.reportedOverdue(now), task.version());
      events.publish(List.of(new TaskOverdue(task.id(), now, task.subject(), task.assignee(), task.title(),
          task.due(), o.overdue())));
    }
    return overdue;
  }

  /** The task's unreported overdue state at {@code now}, if it has one. */
  static Optional<OverdueTask> overdueOf(FollowUpTask task, Instant now) {
    if (!task.isOverdueAt(now) || task.isOverdueReported()) {
      return Optional.empty();
    }
    return Optional.of(new OverdueTask(task.id(), task.subject(), task.assignee(), task.title(), task.due(),
        Duration.between(task.due(), now)));
  }
}
