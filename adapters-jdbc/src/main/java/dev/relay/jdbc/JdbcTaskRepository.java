package dev.relay.jdbc;

import dev.relay.activity.FollowUpTask;
import dev.relay.activity.TaskRepository;
import dev.relay.activity.TaskStatus;
import dev.relay.common.AccountId;
import dev.relay.common.RepId;
import dev.relay.common.TaskId;
import dev.relay.common.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@link TaskRepository} on table {@code relay_task}: the task as a JSON document beside its status, assignee, account
 * and due columns, which serve the overdue monitor's and the to-do lists' queries in due order.
 */
public final class JdbcTaskRepository implements TaskRepository {
  private static final String SELECT = "SELECT document FROM relay_task ";
  private static final String ORDER = " ORDER BY due_at, id";

  private final Statements sql;
  private final AggregateJson json = new AggregateJson();
  private final VersionedRows rows;

  public JdbcTaskRepository(JdbcTransactionRunner transactions) {
    this.sql = new Statements(Objects.requireNonNull(transactions, "transactions"));
    this.rows = new VersionedRows(sql, "relay_task", "task",
        List.of("status", "assignee_id", "account_id", "due_at", "document"));
  }

  @Override
  public Optional<FollowUpTask> find(TaskId id) {
    Objects.requireNonNull(id, "id");
    return sql.queryOne(SELECT + "WHERE tenant_id = ? AND id = ?", this::read, id.tenant().value(), id.value());
  }

  @Override
  public void insert(FollowUpTask task) {
    if (task.version() != 1) {
      throw new IllegalArgumentException("a new task has version 1, not " + task.version() + ": " + task.id());
    }
    rows.insert(task.id(), 1, values(task), VersionedRows.AfterWrite.NOTHING);
  }

  @Override
  public void save(FollowUpTask task, long expectedVersion) {
    if (task.version() != expectedVersion + 1) {
      throw new IllegalArgumentException("task " + task.id() + " saved as version " + task.version()
          + " on top of version " + expectedVersion + "; versions grow by one");
    }
    rows.update(task.id(), expectedVersion, task.version(), values(task), VersionedRows.AfterWrite.NOTHING);
  }

  @Override
  public List<FollowUpTask> findOpen(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    return sql.query(SELECT + "WHERE tenant_id = ? AND status = ?" + ORDER, this::read, tenant.value(),
        TaskStatus.OPEN.name());
  }

  @Override
  public List<FollowUpTask> findOpenByAccount(AccountId account) {
    Objects.requireNonNull(account, "account");
    return sql.query(SELECT + "WHERE tenant_id = ? AND account_id = ? AND status = ?" + ORDER, this::read,
        account.tenant().value(), account.value(), TaskStatus.OPEN.name());
  }

  @Override
  public List<FollowUpTask> findByAssignee(RepId assignee, Set<TaskStatus> statuses) {
    Objects.requireNonNull(assignee, "assignee");
    Objects.requireNonNull(statuses, "statuses");
    if (statuses.isEmpty()) {
      return List.of();
    }
    List<Object> params = new ArrayList<>(List.of(assignee.tenant().value(), assignee.value()));
    statuses.forEach(s -> params.add(s.name()));
    return sql.query(SELECT + "WHERE tenant_id = ? AND assignee_id = ? AND status IN ("
        + JdbcDealRepository.placeholders(statuses) + ")" + ORDER, this::read, params.toArray());
  }

  private Object[] values(FollowUpTask task) {
    AccountId account = task.subject().account();
    return new Object[] {task.status().name(), task.assignee().value(), account == null ? null : account.value(),
        task.due(), json.write(task)};
  }

  private FollowUpTask read(ResultSet rs) throws SQLException {
    return json.read(rs.getString(1), FollowUpTask.class);
  }
}
