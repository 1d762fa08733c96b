package dev.relay.activity;

import dev.relay.common.AccountId;
import dev.relay.common.ConcurrencyConflictException;
import dev.relay.common.RepId;
import dev.relay.common.TaskId;
import dev.relay.common.TenantId;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Port storing {@link FollowUpTask}s, every query scoped by tenant through the id it takes. Writes are optimistic: each
 * task carries a {@link FollowUpTask#version()}, and a write based on a stale read fails with {@link
 * ConcurrencyConflictException} without changing anything. {@link InMemoryTaskRepository} is the reference
 * implementation; {@code TaskRepositoryContract} in the core test-jar certifies others.
 *
 * <p>Lists are ordered by {@link FollowUpTask#due()}, earliest first, then by id value.
 */
public interface TaskRepository {

  /** The task with this id, or empty if the tenant has none. */
  Optional<FollowUpTask> find(TaskId id);

  /**
   * Stores a new task.
   *
   * @throws ConcurrencyConflictException if a task with this id already exists (nothing is written)
   * @throws IllegalArgumentException if the task's version is not 1
   */
  void insert(FollowUpTask task);

  /**
   * Replaces a stored task with its next version, if nobody changed it since it was read.
   *
   * @param task the changed task, whose version must be {@code expectedVersion + 1}
   * @param expectedVersion the version the change was based on
   * @throws ConcurrencyConflictException if the stored version is not {@code expectedVersion} (nothing is written)
   * @throws dev.relay.common.NotFoundException if no such task is stored
   * @throws IllegalArgumentException if {@code task.version() != expectedVersion + 1}
   */
  void save(FollowUpTask task, long expectedVersion);

  /** The tenant's open tasks (what the overdue monitor scans). */
  List<FollowUpTask> findOpen(TenantId tenant);

  /** The open tasks whose subject names this account (what moves with the account on a transfer). */
  List<FollowUpTask> findOpenByAccount(AccountId account);

  /** The assignee's tasks with one of these statuses. */
  List<FollowUpTask> findByAssignee(RepId assignee, Set<TaskStatus> statuses);

  /** The assignee's open tasks: their to-do list. */
  default List<FollowUpTask> findOpenByAssignee(RepId assignee) {
    return findByAssignee(assignee, EnumSet.of(TaskStatus.OPEN));
  }
}
