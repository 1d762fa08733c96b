package dev.relay.activity;

import dev.relay.common.AccountId;
import dev.relay.common.DealId;
import dev.relay.common.DirectTransactionRunner;
import dev.relay.common.InMemoryEventPublisher;
import dev.relay.common.RepId;
import dev.relay.common.SequentialIdGenerator;
import dev.relay.common.TenantId;
import dev.relay.testkit.ManualClock;
import java.time.Duration;
import java.time.Instant;

/**
 * The sales team of tenant {@code acme} following up its customers, wired to in-memory ports, a recording follow-up
 * listener and a stopped clock (Monday 09:00 in Shanghai). Reps {@code li} and {@code zhang} work for manager {@code
 * wang}; account {@code C-1} (华夏机械 Huaxia Machinery) has deal {@code D-1} (pump retrofit); {@code C-2} is another
 * account.
 */
final class ActivityFixture {
  static final TenantId TENANT = TenantId.of("acme");
  static final TenantId OTHER_TENANT = TenantId.of("globex");
  static final RepId LI = RepId.of(TENANT, "li");
  static final RepId ZHANG = RepId.of(TENANT, "zhang");
  static final RepId WANG = RepId.of(TENANT, "wang");
  static final AccountId HUAXIA = AccountId.of(TENANT, "C-1");
  static final AccountId BEACON = AccountId.of(TENANT, "C-2");
  static final DealId PUMP_RETROFIT = DealId.of(TENANT, "D-1");

  final ManualClock clock = ManualClock.at("2026-03-02T01:00:00Z");
  final InMemoryActivityRepository activities = new InMemoryActivityRepository();
  final InMemoryTaskRepository tasks = new InMemoryTaskRepository();
  final InMemoryEventPublisher events = new InMemoryEventPublisher();
  final RecordingFollowUpListener followUps = new RecordingFollowUpListener();
  final SequentialIdGenerator ids = new SequentialIdGenerator();
  final ActivityService service = serviceOver(tasks);
  final OverdueTaskMonitor monitor = monitorOver(tasks);

  /** A service sharing this fixture's stores, clock and events, but writing tasks through {@code taskStore}. */
  ActivityService serviceOver(TaskRepository taskStore) {
    return new ActivityService(activities, taskStore, events, ids,
        new DirectTransactionRunner(), clock, followUps);
  }

  OverdueTaskMonitor monitorOver(TaskRepository taskStore) {
    return new OverdueTaskMonitor(taskStore, events, new DirectTransactionRunner(), clock);
  }

  Instant now() {
    return clock.instant();
  }

  Instant inHours(long hours) {
    return clock.instant().plus(Duration.ofHours(hours));
  }

  /** A task of {@code assignee} about the account, due in {@code hours}. */
  FollowUpTask task(AccountId account, RepId assignee, String title, long hours) {
    return service.createTask(TENANT, NewTask.of(Subject.ofAccount(account), assignee, title, inHours(hours)));
  }
}
