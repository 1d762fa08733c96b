package dev.relay.pool;

import static dev.relay.pool.PoolFixture.LI;
import static dev.relay.pool.PoolFixture.TENANT;
import static dev.relay.pool.PoolFixture.WANG;
import static dev.relay.pool.PoolFixture.ZHANG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relay.common.AccountId;
import dev.relay.common.DirectTransactionRunner;
import dev.relay.common.Money;
import dev.relay.common.NotFoundException;
import dev.relay.common.SequentialIdGenerator;
import dev.relay.common.TenantId;
import dev.relay.criteria.Criteria;
import dev.relay.pipeline.InMemoryDealRepository;
import dev.relay.pipeline.NewDeal;
import dev.relay.pipeline.PipelineService;
import dev.relay.pool.PoolEvent.AccountRecycled;
import dev.relay.pool.PoolEvent.RecycleWarningIssued;
import dev.relay.pool.RecycleSweep.SweepReport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sweep that returns neglected customers to the public pool (公海回收). */
class RecycleSweepTest {
  private static final Duration DAY = Duration.ofDays(1);

  /** No follow-up for A 30 / B 15 / C 7 days (10 without a grade), warned 3 days ahead; not won within 60 days. */
  private static PoolPolicy.Builder graded() {
    return PoolFixture.policy().gradeField("grade")
        .pool(PoolDefinition.builder("public", "公海 Public pool")
            .claim(ClaimRules.builder().protection(Duration.ofDays(3)))
            .recycle(RecycleRule.builder("no_follow_up", "无跟进回收 No follow-up", RecycleTrigger.NO_FOLLOW_UP)
                .days("A", 30).days("B", 15).days("C", 7).defaultDays(10).warnDaysBefore(3))
            .recycle(RecycleRule.builder("not_won", "未成交回收 Not won", RecycleTrigger.NOT_WON_AFTER_CLAIM)
                .defaultDays(60)));
  }

  private final PoolFixture f = new PoolFixture(graded());
  private final InMemoryDealRepository deals = new InMemoryDealRepository();
  private final RecycleSweep sweep = new RecycleSweep(f.accounts, deals, f.playbooks, f.org, f.events,
      new DirectTransactionRunner(), f.clock);

  private Account claimed(String name, String phone, String grade) {
    Account account = f.inPool(name, phone, Map.of("grade", grade));
    f.service.claim(account.id(), LI).orThrow();
    return f.get(account.id());
  }

  @Test
  void neglectedAccountReturnsToPoolAfterItsGradesDays() {
    Account b = claimed("苏州精密机械有限公司", "+86 139 0000 0001", "B");
    Account c = claimed("Wuxi Lead Intelligent Equipment Inc.", "+86 139 0000 0002", "C");

    f.advance(DAY.multipliedBy(7));
    SweepReport week = sweep.sweep(TENANT);

    assertEquals(List.of(c.id()), week.recycled().stream().map(RecycleSweep.Recycled::account).toList());
    Account back = f.get(c.id());
    assertNull(back.owner());
    OwnershipChange last = back.history().get(back.history().size() - 1);
    assertEquals(OwnershipChangeKind.RECYCLED, last.kind());
    assertEquals(LI, last.from());
    assertTrue(last.note().startsWith("no_follow_up: "), last.note());
    assertTrue(last.note().contains("7 days (grade C)"), last.note());
    AccountRecycled event = f.events.events(AccountRecycled.class).get(0);
    assertEquals("no_follow_up", event.ruleKey());
    assertEquals(LI, f.get(b.id()).owner());

    f.advance(DAY.multipliedBy(8));
    assertEquals(List.of(b.id()), sweep.sweep(TENANT).recycled().stream().map(RecycleSweep.Recycled::account).toList());
  }

  @Test
  void aFollowUpWithinTheWindowKeepsTheAccount() {
    Account c = claimed("杭州海康威视数字技术股份有限公司", "+86 139 0000 0003", "C");
    f.advance(DAY.multipliedBy(6));
    f.service.followedUp(c.id(), LI, f.clock.instant());
    f.advance(DAY.multipliedBy(6));

    assertEquals(List.of(), sweep.sweep(TENANT).recycled());
    assertEquals(LI, f.get(c.id()).owner());

    f.advance(DAY);
    assertEquals(1, sweep.sweep(TENANT).recycled().size());
  }

  @Test
  void nothingIsRecycledTwice() {
    Account c = claimed("宁德时代新能源科技股份有限公司", "+86 139 0000 0004", "C");
    f.advance(DAY.multipliedBy(8));

    assertEquals(1, sweep.sweep(TENANT).recycled().size());
    assertEquals(0, sweep.sweep(TENANT).recycled().size());
    f.advance(DAY.multipliedBy(30));
    assertEquals(0, sweep.sweep(TENANT).recycled().size());
    assertEquals(1, f.events.events(AccountRecycled.class).size());
    assertEquals(1, f.get(c.id()).history().stream().filter(h -> h.kind() == OwnershipChangeKind.RECYCLED).count());
  }

  @Test
  void ownerIsWarnedOnceBeforeRecycling() {
    Account b = claimed("青岛海尔智家股份有限公司", "+86 139 0000 0005", "B");

    f.advance(DAY.multipliedBy(11));
    assertEquals(List.of(), sweep.sweep(TENANT).warned());
    f.advance(DAY);
    SweepReport warning = sweep.sweep(TENANT);
    assertEquals(1, warning.warned().size());
    assertEquals(b.claimedAt().plus(DAY.multipliedBy(15)), warning.warned().get(0).due());
    f.advance(Duration.ofHours(12));
    assertEquals(List.of(), sweep.sweep(TENANT).warned());
    assertEquals(1, f.events.events(RecycleWarningIssued.class).size());

    // A follow-up moves the due date: the next approach is warned again.
    f.service.followedUp(b.id(), LI, f.clock.instant());
    f.advance(DAY.multipliedBy(12));
    assertEquals(1, sweep.sweep(TENANT).warned().size());
    assertEquals(2, f.events.events(RecycleWarningIssued.class).size());
  }

  @Test
  void freshClaimsAreProtected() {
    PoolFixture strict = new PoolFixture(PoolFixture.policy()
        .pool(PoolDefinition.builder("public", "公海")
            .claim(ClaimRules.builder().protection(Duration.ofDays(10)))
            .recycle(RecycleRule.builder("idle", "Idle", RecycleTrigger.NO_FOLLOW_UP).defaultDays(2))));
    RecycleSweep strictSweep = new RecycleSweep(strict.accounts, deals, strict.playbooks, strict.org, strict.events,
        new DirectTransactionRunner(), strict.clock);
    Account a = strict.inPool("Beijing Sinovel Wind Co., Ltd.", "+86 139 0000 0006");
    strict.service.claim(a.id(), LI).orThrow();

    strict.advance(DAY.multipliedBy(9));
    assertEquals(0, strictSweep.sweep(TENANT).recycled().size());
    strict.advance(DAY);
    assertEquals(1, strictSweep.sweep(TENANT).recycled().size());
  }

  @Test
  void lockedAccountsAndCustomersAreExempt() {
    Account locked = claimed("深圳迈瑞生物医疗电子股份有限公司", "+86 139 0000 0007", "C");
    f.service.lock(locked.id(), LI).orThrow();
    Account customer = claimed("Guangzhou Baiyun Electric Equipment Co., Ltd.", "+86 139 0000 0008", "C");
    f.service.markCustomer(customer.id(), LI);

    f.advance(DAY.multipliedBy(100));

    assertEquals(List.of(), sweep.sweep(TENANT).recycled());
  }

  @Test
  void anOpenContractKeepsTheAccountUntilItIsPaid() {
    Account c = claimed("Suzhou Keda Technology Co., Ltd.", "+86 139 0000 0009", "C");
    PipelineService pipeline = new PipelineService(deals, f.playbooks, f.org, f.events, new SequentialIdGenerator(),
        new DirectTransactionRunner(), f.clock);
    var deal = pipeline.create(TENANT, NewDeal.of("Keda 视频会议", LI, Money.of(80_000, "CNY")).forAccount(c.id()));
    pipeline.markWon(deal.id(), LI).orThrow(); // into 'contract': signed, not yet paid

    f.advance(DAY.multipliedBy(30));
    assertEquals(List.of(), sweep.sweep(TENANT).recycled());

    pipeline.advance(deal.id(), LI).orThrow(); // paid: 'payment' is the last stage
    f.advance(DAY.multipliedBy(8));
    assertEquals(1, sweep.sweep(TENANT).recycled().size());
  }

  @Test
  void notWonWithinItsWindowReturnsEvenWithFollowUps() {
    Account a = claimed("常州电子 Changzhou Electronics", "+86 139 0000 0010", "A");
    for (int week = 0; week < 9; week++) {
      f.advance(DAY.multipliedBy(7));
      f.service.followedUp(a.id(), LI, f.clock.instant());
      sweep.sweep(TENANT);
    }
    assertNull(f.get(a.id()).owner());
    assertEquals("not_won", f.events.events(AccountRecycled.class).get(0).ruleKey());
  }

  @Test
  void recycledAccountCanBeClaimedByAnotherRepButNotReclaimedDuringCooldown() {
    PoolFixture cool = new PoolFixture(PoolFixture.policy()
        .pool(PoolDefinition.builder("public", "公海")
            .claim(ClaimRules.builder().reclaimCooldown(Duration.ofDays(30)))
            .recycle(RecycleRule.builder("idle", "Idle", RecycleTrigger.NO_FOLLOW_UP).defaultDays(5))));
    RecycleSweep coolSweep = new RecycleSweep(cool.accounts, deals, cool.playbooks, cool.org, cool.events,
        new DirectTransactionRunner(), cool.clock);
    Account a = cool.inPool("无锡汽配 Wuxi Auto Parts", "+86 139 0000 0011");
    cool.service.claim(a.id(), LI).orThrow();
    cool.advance(DAY.multipliedBy(5));
    coolSweep.sweep(TENANT);

    assertTrue(cool.service.claim(a.id(), LI) instanceof AccountChange.Refused);
    assertEquals(ZHANG, cool.service.claim(a.id(), ZHANG).orThrow().account().owner());
  }

  @Test
  void sweepNeedsThePlaybook() {
    assertThrows(NotFoundException.class, () -> sweep.sweep(TenantId.of("nobody")));
  }

  @Test
  void recycleScopeLimitsWhichAccountsARuleApplies() {
    PoolFixture scoped = new PoolFixture(PoolFixture.policy()
        .pool(PoolDefinition.builder("public", "公海")
            .recycle(RecycleRule.builder("east_idle", "East idle", RecycleTrigger.NO_FOLLOW_UP)
                .when(Criteria.field("region").eq("east")).defaultDays(3))));
    RecycleSweep scopedSweep = new RecycleSweep(scoped.accounts, deals, scoped.playbooks, scoped.org,
        scoped.events, new DirectTransactionRunner(), scoped.clock);
    AccountId east = scoped.inPool("华东客户 East Co.", "+86 139 0000 0012", Map.of("region", "east")).id();
    AccountId north = scoped.inPool("华北客户 North Co.", "+86 139 0000 0013", Map.of("region", "north")).id();
    scoped.service.claim(east, WANG).orThrow();
    scoped.service.claim(north, WANG).orThrow();

    scoped.advance(DAY.multipliedBy(3));

    assertEquals(List.of(east), scopedSweep.sweep(TENANT).recycled().stream().map(RecycleSweep.Recycled::account)
        .toList());
  }
}
