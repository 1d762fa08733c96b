package dev.relay.activity;

import dev.relay.activity.ActivityEvent.ActivityLogged;
import dev.relay.activity.ActivityEvent.TaskCancelled;
import dev.relay.activity.ActivityEvent.TaskCompleted;
import dev.relay.activity.ActivityEvent.TaskCreated;
import dev.relay.activity.ActivityEvent.TaskReassigned;
import dev.relay.activity.ActivityEvent.TaskRescheduled;
import dev.relay.common.AccountId;
import dev.relay.common.ActivityId;
import dev.relay.common.ConcurrencyConflictException;
import dev.relay.common.ConflictRetry;
import dev.relay.common.DealId;
import dev.relay.common.ErrorCode;
import dev.relay.common.EventPublisher;
import dev.relay.common.IdGenerator;
import dev.relay.common.NotFoundException;
import dev.relay.common.Problem;
import dev.relay.common.RepId;
import dev.relay.common.RuleViolationException;
import dev.relay.common.TaskId;
import dev.relay.common.TenantId;
import dev.relay.common.TransactionRunner;
import dev.relay.common.ValidationException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The collaboration use cases: log activities (跟进记录) against accounts and deals, and create, complete, cancel,
 * reschedule and reassign follow-up tasks.
 *
 * <p><b>Follow-ups.</b> Logging an activity whose {@link Subject} names an account tells the {@link FollowUpListener}
 * (the customer pool) in the same unit of work, so the account's last follow-up — which recycle rules measure — moves
 * with it. Completing a task does not: see {@link #complete}.
 *
 * <p><b>Results and exceptions.</b> Bad input throws {@link ValidationException} listing every problem with its path
 * ({@code summary}, {@code occurredAt}, {@code subject}, {@code due}, …); an unknown task {@link NotFoundException};
 * changing a task that is done or cancelled {@link RuleViolationException} with {@link ErrorCode#INVALID_TRANSITION}.
 * Repeating a command that already holds (completing a done task, assigning a task to its assignee) changes nothing
 * and publishes nothing. A failed command writes nothing.
 *
 * <p><b>Consistency.</b> Each command runs in one {@link TransactionRunner} unit: read the task, decide, write it with
 * an optimistic version check, publish its event. Every task command means the same on fresh state, so one that loses
 * a race is re-run up to {@value #MAX_ATTEMPTS} times before its {@link ConcurrencyConflictException} propagates; two
 * reps completing one task at once leave one completion and one {@link TaskCompleted} event. Every time comes from the
 * injected {@link Clock}. Thread-safe.
 */
public final class ActivityService {
  /** Attempts of a command that keeps losing optimistic-locking races. */
  public static final int MAX_ATTEMPTS = 3;

  private final ActivityRepository activities;
  private final TaskRepository tasks;
  private final EventPublisher events;
  private final IdGenerator ids;
  private final TransactionRunner transactions;
  private final Clock clock;
  private final FollowUpListener followUps;
  private final ConflictRetry retry = new ConflictRetry(MAX_ATTEMPTS);

  public ActivityService(ActivityRepository activities, TaskRepository tasks, EventPublisher events, IdGenerator ids,
      TransactionRunner transactions, Clock clock, FollowUpListener followUps) {
    this.activities = Objects.requireNonNull(activities, "activities");
    this.tasks = Objects.requireNonNull(tasks, "tasks");
    this.events = Objects.requireNonNull(events, "events");
    this.ids = Objects.requireNonNull(ids, "ids");
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.followUps = Objects.requireNonNull(followUps, "followUps");
  }

  // ---- activities ----

  /**
   * Records an activity, tells the {@link FollowUpListener} when its subject names an account, and publishes {@link
   * ActivityLogged}. The activity may have happened in the past (a visit logged the next morning) but not in the
   * future: what has not happened is a task, not an activity.
   *
   * @throws ValidationException listing every problem: blank {@code summary}, {@code subject} or {@code author} of
   *     another tenant, {@code occurredAt} after the clock's now
   */
  public Activity log(TenantId tenant, NewActivity command) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(command, "command");
    Instant now = clock.instant();
    List<Problem> problems = new ArrayList<>();
    if (command.summary().isBlank()) {
      problems.add(new Problem("summary", "an activity needs a summary"));
    }
    checkTenant(tenant, command.subject().tenant(), command.subject(), "subject", problems);
    checkTenant(tenant, command.author().tenant(), command.author(), "author", problems);
    if (command.occurredAt().isAfter(now)) {
      problems.add(new Problem("occurredAt", command.occurredAt() + " is in the future (now is " + now
          + "); plan it as a task instead"));
    }
    throwIfAny(problems);
    // The id is minted once, outside the retried unit, so that a retry can never record the activity twice.
    Activity activity = new Activity(ActivityId.of(tenant, ids.next("ACT")), command.kind(), command.subject(),
        command.author(), command.occurredAt(), command.summary().strip(), now);
    return retry.run(() -> transactions.inTransaction(() -> {
      // The listener goes first: if it loses a race on the account, nothing of ours is written yet, even in a store
      // that cannot roll back, and the retry starts clean.
      AccountId account = activity.subject().account();
      if (account != null) {
        followUps.followedUp(account, activity.author(), activity.occurredAt());
      }
      activities.insert(activity);
      events.publish(List.of(new ActivityLogged(activity.id(), now, activity.kind(), activity.subject(),
          activity.author(), activity.occurredAt(), activity.summary())));
      return activity;
    }));
  }

  /**
   * The account's activities, newest first, at most {@code limit}.
   *
   * @throws IllegalArgumentException if {@code limit < 1}
   */
  public List<Activity> activitiesOf(AccountId account, int limit) {
    return activities.findByAccount(Objects.requireNonNull(account, "account"), limit);
  }

  /**
   * The deal's activities, newest first, at most {@code limit}.
   *
   * @throws IllegalArgumentException if {@code limit < 1}
   */
  public List<Activity> activitiesOf(DealId deal, int limit) {
    return activities.findByDeal(Objects.requireNonNull(deal, "deal"), limit);
  }

  // ---- tasks ----

  /**
   * Creates an open follow-up task and publishes {@link TaskCreated}.
   *
   * @throws ValidationException listing every problem: blank {@code title}, {@code subject}, {@code assignee} or
   *     {@code createdBy} of another tenant, {@code due} not after the clock's now
   */
  public FollowUpTask createTask(TenantId tenant, NewTask command) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(command, "command");
    Instant now = clock.instant();
    List<Problem> problems = new ArrayList<>();
    if (command.title().isBlank()) {
      problems.add(new Problem("title", "a task needs a title"));
    }
    checkTenant(tenant, command.subject().tenant(), command.subject(), "subject", problems);
    checkTenant(tenant, command.assignee().tenant(), command.assignee(), "assignee", problems);
    checkTenant(tenant, command.createdBy().tenant(), command.createdBy(), "createdBy", problems);
    checkFuture(command.due(), now, "due", problems);
    throwIfAny(problems);
    FollowUpTask task = FollowUpTask.open(TaskId.of(tenant, ids.next("T")), command.subject(), command.assignee(),
        command.title().strip(), command.due(), command.createdBy(), now);
    return transactions.inTransaction(() -> {
      tasks.insert(task);
      events.publish(List.of(new TaskCreated(task.id(), now, task.subject(), task.assignee(), task.title(),
          task.due(), task.createdBy())));
      return task;
    });
  }

  /**
   * The stored task.
   *
   * @throws NotFoundException if the tenant has no such task
   */
  public FollowUpTask task(TaskId id) {
    return tasks.find(Objects.requireNonNull(id, "id")).orElseThrow(() -> new NotFoundException("task", id));
  }

  /** The open tasks about the account, earliest due first. */
  public List<FollowUpTask> openTasksOf(AccountId account) {
    return tasks.findOpenByAccount(Objects.requireNonNull(account, "account"));
  }

  /** The rep's open tasks, earliest due first: their to-do list. */
  public List<FollowUpTask> openTasksOf(RepId assignee) {
    return tasks.findOpenByAssignee(Objects.requireNonNull(assignee, "assignee"));
  }

  /**
   * Marks an open task done and publishes {@link TaskCompleted}; completing a done task changes nothing.
   *
   * <p>Completing a task is <em>not</em> a follow-up of its account and does not reach the {@link FollowUpListener}:
   * a task is a plan, a follow-up is a contact that happened, and only an {@link Activity} records one. Otherwise
   * ticking off tasks would keep a neglected account from returning to the pool without anyone calling the customer.
   * Log the call that did the task with {@link #log}.
   *
   * @throws RuleViolationException {@link ErrorCode#INVALID_TRANSITION} if the task was cancelled
   */
  public FollowUpTask complete(TaskId id, RepId actor) {
    return change(id, actor, (task, now) -> {
      if (task.status() == TaskStatus.DONE) {
        return null;
      }
      requireOpen(task, "completed");
      return new Change(task.completed(now), new TaskCompleted(task.id(), now, task.subject(), task.assignee(),
          actor));
    }).task();
  }

  /**
   * Calls off an open task and publishes {@link TaskCancelled}; cancelling a cancelled task changes nothing.
   *
   * @throws ValidationException if the reason is blank
   * @throws RuleViolationException {@link ErrorCode#INVALID_TRANSITION} if the task is done
   */
  public FollowUpTask cancel(TaskId id, RepId actor, String reason) {
    Objects.requireNonNull(reason, "reason");
    if (reason.isBlank()) {
      throw ValidationException.of("reason", "say why the task is cancelled");
    }
    String why = reason.strip();
    return change(id, actor, (task, now) -> {
      if (task.status() == TaskStatus.CANCELLED) {
        return null;
      }
      requireOpen(task, "cancelled");
      return new Change(task.cancelled(now, why), new TaskCancelled(task.id(), now, task.subject(), task.assignee(),
          actor, why));
    }).task();
  }

  /**
   * Gives an open task a new due time and publishes {@link TaskRescheduled}. The overdue report of the old due time
   * is cleared, so the task is reported again if it passes the new one.
   *
   * @throws ValidationException if {@code newDue} is not after the clock's now
   * @throws RuleViolationException {@link ErrorCode#INVALID_TRANSITION} if the task is done or cancelled
   */
  public FollowUpTask reschedule(TaskId id, Instant newDue, RepId actor) {
    Objects.requireNonNull(newDue, "newDue");
    return change(id, actor, (task, now) -> {
      requireOpen(task, "rescheduled");
      if (task.due().equals(newDue)) {
        return null;
      }
      List<Problem> problems = new ArrayList<>();
      checkFuture(newDue, now, "newDue", problems);
      throwIfAny(problems);
      return new Change(task.rescheduled(newDue), new TaskRescheduled(task.id(), now, task.subject(),
          task.assignee(), task.due(), newDue, actor));
    }).task();
  }

  /**
   * Hands an open task to another rep and publishes {@link TaskReassigned}.
   *
   * @throws ValidationException if the new assignee belongs to another tenant
   * @throws RuleViolationException {@link ErrorCode#INVALID_TRANSITION} if the task is done or cancelled
   */
  public FollowUpTask reassign(TaskId id, RepId newAssignee, RepId actor) {
    Objects.requireNonNull(newAssignee, "newAssignee");
    List<Problem> problems = new ArrayList<>();
    checkTenant(id.tenant(), newAssignee.tenant(), newAssignee, "newAssignee", problems);
    throwIfAny(problems);
    return change(id, actor, (task, now) -> {
      requireOpen(task, "reassigned");
      return task.assignee().equals(newAssignee) ? null : reassignment(task, newAssignee, actor, now);
    }).task();
  }

  /**
   * Moves every open task about the account to {@code newAssignee} — what the customer pool calls when the account is
   * transferred or claimed, so that the follow-ups go with the customer. Each task moves in its own unit of work with
   * its own retries, and tasks already with the new assignee are left alone, so calling again after a failure finishes
   * the job without moving anything twice. Tasks about the account's deals that do not name the account stay put.
   *
   * @return how many tasks moved
   * @throws ValidationException if the new assignee or the actor belongs to another tenant than the account
   * @throws ConcurrencyConflictException if a task kept changing under the move ({@value #MAX_ATTEMPTS} lost races)
   */
  public int reassignOpenTasks(AccountId account, RepId newAssignee, RepId actor) {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(newAssignee, "newAssignee");
    Objects.requireNonNull(actor, "actor");
    List<Problem> problems = new ArrayList<>();
    checkTenant(account.tenant(), newAssignee.tenant(), newAssignee, "newAssignee", problems);
    checkTenant(account.tenant(), actor.tenant(), actor, "actor", problems);
    throwIfAny(problems);
    int moved = 0;
    for (FollowUpTask listed : tasks.findOpenByAccount(account)) {
      if (listed.assignee().equals(newAssignee)) {
        continue;
      }
      // Re-decided on the task as read in the unit: one closed meanwhile is skipped, not an error.
      boolean changed = change(listed.id(), actor, (task, now) -> task.isOpen() && !task.assignee().equals(newAssignee)
          ? reassignment(task, newAssignee, actor, now) : null).changed();
      if (changed) {
        moved++;
      }
    }
    return moved;
  }

  private static Change reassignment(FollowUpTask task, RepId newAssignee, RepId actor, Instant now) {
    return new Change(task.reassigned(newAssignee), new TaskReassigned(task.id(), now, task.subject(),
        task.assignee(), newAssignee, actor));
  }

  // ---- the unit of work ----

  /** Decides a change on the task as read now; {@code null} when the command already holds. */
  @FunctionalInterface
  private interface Decision {
    @Nullable Change decide(FollowUpTask task, Instant now);
  }

  private record Change(FollowUpTask task, ActivityEvent event) {}

  private record Outcome(FollowUpTask task, boolean changed) {}

  private Outcome change(TaskId id, RepId actor, Decision decision) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(actor, "actor");
    List<Problem> problems = new ArrayList<>();
    checkTenant(id.tenant(), actor.tenant(), actor, "actor", problems);
    throwIfAny(problems);
    return retry.run(() -> transactions.inTransaction(() -> {
      FollowUpTask stored = task(id);
      Change change = decision.decide(stored, clock.instant());
      if (change == null) {
        return new Outcome(stored, false);
      }
      tasks.save(change.task(), stored.version());
      events.publish(List.of(change.event()));
      return new Outcome(change.task(), true);
    }));
  }

  private static void requireOpen(FollowUpTask task, String verb) {
    if (!task.isOpen()) {
      throw RuleViolationException.of(ErrorCode.INVALID_TRANSITION,
          "task " + task.id() + " is " + task.status().jsonName() + " and cannot be " + verb);
    }
  }

  private static void checkTenant(TenantId tenant, TenantId actual, Object what, String path, List<Problem> problems) {
    if (!actual.equals(tenant)) {
      problems.add(new Problem(path, what + " belongs to another tenant than " + tenant));
    }
  }

  private static void checkFuture(Instant due, Instant now, String path, List<Problem> problems) {
    if (!due.isAfter(now)) {
      problems.add(new Problem(path, "must be after now (" + now + "), got " + due));
    }
  }

  private static void throwIfAny(List<Problem> problems) {
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
  }
}
