package dev.relay.activity;

import dev.relay.common.AccountId;
import dev.relay.common.ConcurrencyConflictException;
import dev.relay.common.NotFoundException;
import dev.relay.common.RepId;
import dev.relay.common.TaskId;
import dev.relay.common.TenantId;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Predicate;

/**
 * Thread-safe in-memory {@link TaskRepository}: the test double, the quickstart's store and the reference the contract
 * tests define. The version check and the write happen in one {@link ConcurrentMap#compute} call, so two writers racing
 * on one task can never both win.
 */
public final class InMemoryTaskRepository implements TaskRepository {
  private static final Comparator<FollowUpTask> BY_DUE = Comparator.comparing(FollowUpTask::due)
      .thenComparing(t -> t.id().value());

  private final ConcurrentMap<TaskId, FollowUpTask> tasks = new ConcurrentHashMap<>();

  @Override
  public Optional<FollowUpTask> find(TaskId id) {
    return Optional.ofNullable(tasks.get(Objects.requireNonNull(id, "id")));
  }

  @Override
  public void insert(FollowUpTask task) {
    if (task.version() != 1) {
      throw new IllegalArgumentException("a new task has version 1, not " + task.version() + ": " + task.id());
    }
    FollowUpTask existing = tasks.putIfAbsent(task.id(), task);
    if (existing != null) {
      throw new ConcurrencyConflictException(task.id(), 0, existing.version());
    }
  }

  @Override
  public void save(FollowUpTask task, long expectedVersion) {
    if (task.version() != expectedVersion + 1) {
      throw new IllegalArgumentException("task " + task.id() + " saved as version " + task.version()
          + " on top of version " + expectedVersion + "; versions grow by one");
    }
    tasks.compute(task.id(), (id, stored) -> {
      if (stored == null) {
        throw new NotFoundException("task", id);
      }
      if (stored.version() != expectedVersion) {
        throw new ConcurrencyConflictException(id, expectedVersion, stored.version());
      }
      return task;
    });
  }

  @Override
  public List<FollowUpTask> findOpen(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    return select(t -> t.isOpen() && t.tenant().equals(tenant));
  }

  @Override
  public List<FollowUpTask> findOpenByAccount(AccountId account) {
    Objects.requireNonNull(account, "account");
    return select(t -> t.isOpen() && t.subject().concerns(account));
  }

  @Override
  public List<FollowUpTask> findByAssignee(RepId assignee, Set<TaskStatus> statuses) {
    Objects.requireNonNull(assignee, "assignee");
    Objects.requireNonNull(statuses, "statuses");
    return select(t -> t.assignee().equals(assignee) && statuses.contains(t.status()));
  }

  private List<FollowUpTask> select(Predicate<FollowUpTask> wanted) {
    return tasks.values().stream().filter(wanted).sorted(BY_DUE).toList();
  }
}
