package dev.relay.activity;

import dev.relay.common.RepId;
import dev.relay.common.TaskId;
import dev.relay.common.TenantId;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Something a rep has to do about an account or a deal by a due time (待办 / 跟进任务): the aggregate {@link
 * ActivityService} changes and a {@link TaskRepository} stores. Immutable; every change yields a new task whose {@link
 * #version()} is one higher, which the repository uses for optimistic locking.
 *
 * <p>A task is a plan, not a fact: completing it records no contact with the customer (see {@link
 * ActivityService#complete}). Only {@link TaskStatus#OPEN open} tasks change; done and cancelled are final.
 *
 * <p>Storage adapters rebuild tasks through the canonical constructor.
 *
 * @param id tenant-scoped id, e.g. {@code T-1}
 * @param subject the account and/or deal it is about
 * @param assignee who has to do it
 * @param title what to do, not blank
 * @param due when it has to be done by
 * @param status open, done or cancelled
 * @param createdBy who created it
 * @param createdAt when it was created
 * @param completedAt when it was done; set exactly when {@link TaskStatus#DONE}
 * @param cancelledAt when it was cancelled; set exactly when {@link TaskStatus#CANCELLED}
 * @param cancelReason why it was cancelled, not blank; set exactly when {@link TaskStatus#CANCELLED}
 * @param overdueReportedAt when it was reported overdue for its current due time, or {@code null}; rescheduling
 *     clears it so that the new due time can be reported again
 * @param version optimistic-locking version: 1 when created, +1 for every change
 * @throws IllegalArgumentException if the parts contradict each other (a blank title, another tenant's rep, a done
 *     task without {@code completedAt}, a version below 1, …)
 */
public record FollowUpTask(
    TaskId id,
    Subject subject,
    RepId assignee,
    String title,
    Instant due,
    TaskStatus status,
    RepId createdBy,
    Instant createdAt,
    @Nullable Instant completedAt,
    @Nullable Instant cancelledAt,
    @Nullable String cancelReason,
    @Nullable Instant overdueReportedAt,
    long version) {

  public FollowUpTask {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(assignee, "assignee");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(due, "due");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(createdBy, "createdBy");
    Objects.requireNonNull(createdAt, "createdAt");
    if (title.isBlank()) {
      throw new IllegalArgumentException("task " + id + " needs a title");
    }
    TenantId tenant = id.tenant();
    if (!subject.tenant().equals(tenant) || !assignee.tenant().equals(tenant)
        || !createdBy.tenant().equals(tenant)) {
      throw new IllegalArgumentException("task " + id + " mixes tenants: subject " + subject + ", assignee "
          + assignee + ", created by " + createdBy);
    }
    if ((completedAt != null) != (status == TaskStatus.DONE)) {
      throw new IllegalArgumentException("task " + id + " is " + status.jsonName()
          + (completedAt == null ? " without" : " with") + " a completion time");
    }
    boolean cancelled = status == TaskStatus.CANCELLED;
    if ((cancelledAt != null) != cancelled || (cancelReason != null) != cancelled) {
      throw new IllegalArgumentException("task " + id + " is " + status.jsonName()
          + "; a cancellation time and reason go together with the cancelled status");
    }
    if (cancelReason != null && cancelReason.isBlank()) {
      throw new IllegalArgumentException("task " + id + " needs a cancellation reason");
    }
    if (version < 1) {
      throw new IllegalArgumentException("task " + id + " has version " + version + "; versions start at 1");
    }
  }

  /** A new open task at version 1. */
  static FollowUpTask open(TaskId id, Subject subject, RepId assignee, String title, Instant due, RepId createdBy,
      Instant createdAt) {
    return new FollowUpTask(id, subject, assignee, title, due, TaskStatus.OPEN, createdBy, createdAt, null, null, null,
        null, 1);
  }

  public TenantId tenant() {
    return id.tenant();
  }

  public boolean isOpen() {
    return status == TaskStatus.OPEN;
  }

  /** Whether the task is open and {@code now} is strictly after its due time. */
  public boolean isOverdueAt(Instant now) {
    return isOpen() && now.isAfter(due);
  }

  /** Whether its current due time has been reported overdue already. */
  public boolean isOverdueReported() {
    return overdueReportedAt != null;
  }

  // ---- changes, used by the service and the monitor; each yields the next version ----

  FollowUpTask completed(Instant at) {
    return new FollowUpTask(id, subject, assignee, title, due, TaskStatus.DONE, createdBy, createdAt, at, null, null,
        overdueReportedAt, version + 1);
  }

  FollowUpTask cancelled(Instant at, String reason) {
    return new FollowUpTask(id, subject, assignee, title, due, TaskStatus.CANCELLED, createdBy, createdAt, null, at,
        reason, overdueReportedAt, version + 1);
  }

  /** A new due time; the overdue marker is cleared because it belonged to the old one. */
  FollowUpTask rescheduled(Instant newDue) {
    return new FollowUpTask(id, subject, assignee, title, newDue, status, createdBy, createdAt, completedAt,
        cancelledAt, cancelReason, null, version + 1);
  }

  FollowUpTask reassigned(RepId newAssignee) {
    return new FollowUpTask(id, subject, newAssignee, title, due, status, createdBy, createdAt, completedAt,
        cancelledAt, cancelReason, overdueReportedAt, version + 1);
  }

  FollowUpTask reportedOverdue(Instant at) {
    return new FollowUpTask(id, subject, assignee, title, due, status, createdBy, createdAt, completedAt, cancelledAt,
        cancelReason, at, version + 1);
  }
}
