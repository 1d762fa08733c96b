package dev.relay.activity;

import dev.relay.common.AccountId;
import dev.relay.common.RepId;
import dev.relay.common.TaskId;
import dev.relay.common.TenantId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link TaskRepository} in which someone else changes the task (retitles it {@code "interfered n"}) just before
 * each of the next {@code interferences} saves, so that each of those saves loses its optimistic-locking race. Shows
 * retries deterministically, without threads.
 */
final class InterferingTaskRepository implements TaskRepository {
  private final TaskRepository delegate;
  private int interferences;
  private int done;

  InterferingTaskRepository(TaskRepository delegate, int interferences) {
    this.delegate = delegate;
    this.interferences = interferences;
  }

  @Override
  public void save(FollowUpTask task, long expectedVersion) {
    if (interferences > 0) {
      interferences--;
      done++;
      FollowUpTask stored = delegate.find(task.id()).orElseThrow();
      delegate.save(ActivitySamples.retitled(stored, "interfered " + done), stored.version());
    }
    delegate.save(task, expectedVersion);
  }

  @Override
  public Optional<FollowUpTask> find(TaskId id) {
    return delegate.find(id);
  }

  @Override
  public void insert(FollowUpTask task) {
    delegate.insert(task);
  }

  @Override
  public List<FollowUpTask> findOpen(TenantId tenant) {
    return delegate.findOpen(tenant);
  }

  @Override
  public List<FollowUpTask> findOpenByAccount(AccountId account) {
    return delegate.findOpenByAccount(account);
  }

  @Override
  public List<FollowUpTask> findByAssignee(RepId assignee, Set<TaskStatus> statuses) {
    return delegate.findByAssignee(assignee, statuses);
  }
}
