package dev.relay.activity;

import dev.relay.common.ActivityId;
import dev.relay.common.RelayEvent;
import dev.relay.common.RepId;
import dev.relay.common.TaskId;
import dev.relay.common.TenantId;
import java.time.Duration;
import java.time.Instant;

/**
 * What happened to an activity or a follow-up task, published through {@link dev.relay.common.EventPublisher} in the
 * same unit of work as the change. Hosts turn them into notifications (a reminder to the assignee, a digest to the
 * manager) and audits.
 */
public sealed interface ActivityEvent extends RelayEvent {

  /** The account and/or deal the event is about. */
  Subject subject();

  @Override
  default TenantId tenant() {
    return subject().tenant();
  }

  /**
   * An activity was logged.
   *
   * @param occurredAt when it was logged (the event's time)
   * @param activityAt when the call, visit or meeting itself happened; may be earlier
   */
  record ActivityLogged(ActivityId activity, Instant occurredAt, ActivityKind kind, Subject subject, RepId author,
      Instant activityAt, String summary) implements ActivityEvent {
    @Override
    public String type() {
      return "activity.logged";
    }
  }

  /** A follow-up task was created. */
  record TaskCreated(TaskId task, Instant occurredAt, Subject subject, RepId assignee, String title, Instant due,
      RepId actor) implements ActivityEvent {
    @Override
    public String type() {
      return "activity.task_created";
    }
  }

  /** An open task was marked done. */
  record TaskCompleted(TaskId task, Instant occurredAt, Subject subject, RepId assignee, RepId actor)
      implements ActivityEvent {
    @Override
    public String type() {
      return "activity.task_completed";
    }
  }

  /** An open task was called off. */
  record TaskCancelled(TaskId task, Instant occurredAt, Subject subject, RepId assignee, RepId actor, String reason)
      implements ActivityEvent {
    @Override
    public String type() {
      return "activity.task_cancelled";
    }
  }

  /** An open task moved to another assignee, by hand or because its account changed owner. */
  record TaskReassigned(TaskId task, Instant occurredAt, Subject subject, RepId from, RepId to, RepId actor)
      implements ActivityEvent {
    @Override
    public String type() {
      return "activity.task_reassigned";
    }
  }

  /** An open task got a new due time; an overdue report of the old one no longer counts. */
  record TaskRescheduled(TaskId task, Instant occurredAt, Subject subject, RepId assignee, Instant from, Instant to,
      RepId actor) implements ActivityEvent {
    @Override
    public String type() {
      return "activity.task_rescheduled";
    }
  }

  /** An open task passed its due time; reported once per due time by {@link OverdueTaskMonitor}. */
  record TaskOverdue(TaskId task, Instant occurredAt, Subject subject, RepId assignee, String title, Instant due,
      Duration overdue) implements ActivityEvent {
    @Override
    public String type() {
      return "activity.task_overdue";
    }
  }
}
