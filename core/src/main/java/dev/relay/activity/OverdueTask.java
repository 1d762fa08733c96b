package dev.relay.activity;

import dev.relay.common.RepId;
import dev.relay.common.TaskId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * An open task found past its due time, as {@link OverdueTaskMonitor} reports it once per due time.
 *
 * @param task the task
 * @param subject what it is about
 * @param assignee who should have done it
 * @param title what was to be done
 * @param due when it was due
 * @param overdue how far past {@code due} the check found it; positive
 */
public record OverdueTask(TaskId task, Subject subject, RepId assignee, String title, Instant due, Duration overdue) {
  public OverdueTask {
    Objects.requireNonNull(task, "task");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(assignee, "assignee");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(due, "due");
    Objects.requireNonNull(overdue, "overdue");
  }
}
