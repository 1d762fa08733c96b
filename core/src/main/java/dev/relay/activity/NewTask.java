package dev.relay.activity;

import dev.relay.common.RepId;
import java.time.Instant;
import java.util.Objects;

/**
 * The command to create a follow-up task: {@code NewTask.of(Subject.ofAccount(acme), li, "回访报价 / chase the quote",
 * due)}. {@link ActivityService#createTask} validates it.
 *
 * @param subject the account and/or deal the task is about, in the tenant it is created in
 * @param assignee who has to do it
 * @param title what to do; not blank (checked by the service, with the path {@code title})
 * @param due when it has to be done by; after the service clock's now
 * @param createdBy who creates it; the assignee by default
 */
public record NewTask(Subject subject, RepId assignee, String title, Instant due, RepId createdBy) {
  public NewTask {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(assignee, "assignee");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(due, "due");
    Objects.requireNonNull(createdBy, "createdBy");
  }

  /** A task the assignee creates for themself. */
  public static NewTask of(Subject subject, RepId assignee, String title, Instant due) {
    return new NewTask(subject, assignee, title, due, assignee);
  }

  /** This command issued on the assignee's behalf by someone else (a manager, an assistant). */
  public NewTask createdBy(RepId creator) {
    return new NewTask(subject, assignee, title, due, creator);
  }
}
