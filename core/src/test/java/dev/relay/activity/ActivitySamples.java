package dev.relay.activity;

import dev.relay.common.AccountId;
import dev.relay.common.ActivityId;
import dev.relay.common.DealId;
import dev.relay.common.RepId;
import dev.relay.common.TaskId;
import dev.relay.common.TenantId;
import java.time.Duration;
import java.time.Instant;

/**
 * Activities and tasks built directly through the canonical constructors, for the repository contract tests: every
 * part is set, optional parts included, and summaries mix Chinese and English. Times are whole seconds so that stores
 * with microsecond precision give them back unchanged. Public so that adapter modules can use it through the core
 * test-jar.
 */
public final class ActivitySamples {
  /** A Monday morning in Shanghai (09:00 +08:00). */
  public static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z");

  private ActivitySamples() {}

  public static Instant hoursAfterT0(long hours) {
    return T0.plus(Duration.ofHours(hours));
  }

  public static AccountId account(TenantId tenant, String id) {
    return AccountId.of(tenant, id);
  }

  public static DealId deal(TenantId tenant, String id) {
    return DealId.of(tenant, id);
  }

  public static RepId rep(TenantId tenant, String id) {
    return RepId.of(tenant, id);
  }

  /** A call about an account by {@code li}, recorded an hour after it occurred. */
  public static Activity call(TenantId tenant, String id, String account, Instant occurredAt) {
    return activity(tenant, id, Subject.ofAccount(account(tenant, account)), "li", occurredAt);
  }

  /** An activity of any subject and author, recorded an hour after it occurred. */
  public static Activity activity(TenantId tenant, String id, Subject subject, String author, Instant occurredAt) {
    return new Activity(ActivityId.of(tenant, id), ActivityKind.CALL, subject, rep(tenant, author), occurredAt,
        "电话沟通预算 / budget call", occurredAt.plus(Duration.ofHours(1)));
  }

  /** An activity recorded at the given time. */
  public static Activity recordedAt(Activity activity, Instant recordedAt) {
    return new Activity(activity.id(), activity.kind(), activity.subject(), activity.author(), activity.occurredAt(),
        activity.summary(), recordedAt);
  }

  /** A visit about a deal of an account by {@code zhang}, with every part set. */
  public static Activity visit(TenantId tenant, String id) {
    return new Activity(ActivityId.of(tenant, id), ActivityKind.VISIT,
        Subject.of(account(tenant, "C-1"), deal(tenant, "D-1")), rep(tenant, "zhang"), hoursAfterT0(-20),
        "现场拜访，客户确认预算 50 万 / on-site visit, budget of 500k confirmed", hoursAfterT0(-2));
  }

  /** An open task about an account, assigned to a rep, created by {@code wang} at {@link #T0}. */
  public static FollowUpTask openTask(TenantId tenant, String id, Subject subject, String assignee, Instant due) {
    return new FollowUpTask(TaskId.of(tenant, id), subject, rep(tenant, assignee), "回访报价 / chase the quote", due,
        TaskStatus.OPEN, rep(tenant, "wang"), T0, null, null, null, null, 1);
  }

  /** An open task of {@code li} about account {@code C-1}. */
  public static FollowUpTask openTask(TenantId tenant, String id, Instant due) {
    return openTask(tenant, id, Subject.ofAccount(account(tenant, "C-1")), "li", due);
  }

  /** A done task about a deal of an account, reported overdue before it was done, at version 2. */
  public static FollowUpTask doneTask(TenantId tenant, String id) {
    return new FollowUpTask(TaskId.of(tenant, id), Subject.of(account(tenant, "C-1"), deal(tenant, "D-1")),
        rep(tenant, "li"), "发送合同 / send the contract", hoursAfterT0(24), TaskStatus.DONE, rep(tenant, "li"), T0,
        hoursAfterT0(30), null, null, hoursAfterT0(25), 2);
  }

  /** A cancelled task about a deal alone, at version 2. */
  public static FollowUpTask cancelledTask(TenantId tenant, String id) {
    return new FollowUpTask(TaskId.of(tenant, id), Subject.ofDeal(deal(tenant, "D-2")), rep(tenant, "zhang"),
        "安排演示 / book a demo", hoursAfterT0(48), TaskStatus.CANCELLED, rep(tenant, "wang"), T0, null,
        hoursAfterT0(5), "客户暂停采购 / purchase on hold", null, 2);
  }

  /** The task with another title, as its next version. */
  public static FollowUpTask retitled(FollowUpTask task, String title) {
    return new FollowUpTask(task.id(), task.subject(), task.assignee(), title, task.due(), task.status(),
        task.createdBy(), task.createdAt(), task.completedAt(), task.cancelledAt(), task.cancelReason(),
        task.overdueReportedAt(), task.version() + 1);
  }

  /** The task with the overdue marker set or cleared, as its next version. */
  public static FollowUpTask withOverdueReportedAt(FollowUpTask task, Instant at) {
    return new FollowUpTask(task.id(), task.subject(), task.assignee(), task.title(), task.due(), task.status(),
        task.createdBy(), task.createdAt(), task.completedAt(), task.cancelledAt(), task.cancelReason(), at,
        task.version() + 1);
  }

  /** The task with the overdue marker cleared, as its next version. */
  public static FollowUpTask withoutOverdueReport(FollowUpTask task) {
    return new FollowUpTask(task.id(), task.subject(), task.assignee(), task.title(), task.due(), task.status(),
        task.createdBy(), task.createdAt(), task.completedAt(), task.cancelledAt(), task.cancelReason(), null,
        task.version() + 1);
  }
}
