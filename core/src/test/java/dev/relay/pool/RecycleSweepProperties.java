package dev.relay.pool;

import static dev.relay.pool.PoolFixture.LI;
import static dev.relay.pool.PoolFixture.SUN;
import static dev.relay.pool.PoolFixture.TENANT;
import static dev.relay.pool.PoolFixture.ZHANG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relay.common.AccountId;
import dev.relay.common.DirectTransactionRunner;
import dev.relay.common.RepId;
import dev.relay.pipeline.InMemoryDealRepository;
import dev.relay.pool.PoolEvent.AccountRecycled;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.AfterFailureMode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Random sequences of claims, follow-ups, releases, passing time and sweeps against a model of when each account was
 * last touched: a sweep never recycles an account followed up within its window, leaves no overdue account owned, and
 * never recycles one ownership twice.
 */
class RecycleSweepProperties {
  private static final List<String> GRADES = List.of("A", "B", "C");
  private static final Map<String, Integer> DAYS = Map.of("A", 30, "B", 15, "C", 7);
  private static final List<RepId> REPS = List.of(LI, ZHANG, SUN);

  sealed interface Step permits Claim, FollowUp, Release, Wait, Sweep {}

  record Claim(int account, int rep) implements Step {}

  record FollowUp(int account) implements Step {}

  record Release(int account) implements Step {}

  record Wait(int hours) implements Step {}

  record Sweep() implements Step {}

  @Property(tries = 150, afterFailure = AfterFailureMode.PREVIOUS_SEED)
  void sweepsRecycleExactlyTheNeglectedOwnershipsOnce(@ForAll("steps") List<Step> steps) {
    PoolFixture f = new PoolFixture(PoolFixture.policy().gradeField("grade")
        .pool(PoolDefinition.builder("public", "公海 Public pool")
            .recycle(RecycleRule.builder("idle", "无跟进 No follow-up", RecycleTrigger.NO_FOLLOW_UP)
                .days("A", 30).days("B", 15).days("C", 7).defaultDays(10).warnDaysBefore(3))));
    RecycleSweep sweep = new RecycleSweep(f.accounts, new InMemoryDealRepository(), f.playbooks, f.org, f.events,
        new DirectTransactionRunner(), f.clock);
    List<AccountId> ids = new ArrayList<>();
    for (int i = 0; i < GRADES.size() * 2; i++) {
      ids.add(f.inPool("测试客户 Test Customer " + i, String.format("+86 139 0000 %04d", i + 1),
          Map.of("grade", GRADES.get(i % GRADES.size()))).id());
    }
    Map<AccountId, Instant> lastTouch = new HashMap<>();
    Map<AccountId, Integer> ownerships = new HashMap<>();

    for (Step step : steps) {
      Instant now = f.clock.instant();
      if (step instanceof Claim c) {
        AccountId id = ids.get(c.account() % ids.size());
        if (f.service.claim(id, REPS.get(c.rep() % REPS.size())) instanceof AccountChange.Changed) {
          lastTouch.put(id, now);
          ownerships.merge(id, 1, Integer::sum);
        }
      } else if (step instanceof FollowUp u) {
        AccountId id = ids.get(u.account() % ids.size());
        Account account = f.get(id);
        if (account.owner() != null) {
          f.service.followedUp(id, account.owner(), now);
          lastTouch.put(id, now);
        }
      } else if (step instanceof Release r) {
        AccountId id = ids.get(r.account() % ids.size());
        Account account = f.get(id);
        if (account.owner() != null) {
          f.service.release(id, account.owner(), "客户无需求 no need").orThrow();
        }
      } else if (step instanceof Wait w) {
        f.advance(Duration.ofHours(w.hours()));
      } else {
        RecycleSweep.SweepReport report = sweep.sweep(TENANT);
        Statistics.collect(report.recycled().isEmpty() ? "sweep recycled nothing" : "sweep recycled");
        for (RecycleSweep.Recycled recycled : report.recycled()) {
          Duration idle = Duration.between(lastTouch.get(recycled.account()), now);
          assertTrue(idle.compareTo(Duration.ofDays(allowedDays(f, recycled.account()))) >= 0,
              () -> recycled + " was touched " + idle + " ago");
        }
        for (AccountId id : ids) {
          Account account = f.get(id);
          if (account.owner() != null) {
            Duration idle = Duration.between(lastTouch.get(id), now);
            assertTrue(idle.compareTo(Duration.ofDays(allowedDays(f, id))) < 0,
                () -> id + " is still owned after " + idle + " without follow-up");
          }
        }
      }
    }
    for (AccountId id : ids) {
      long recycled = f.events.events(AccountRecycled.class).stream().filter(e -> e.account().equals(id)).count();
      assertTrue(recycled <= ownerships.getOrDefault(id, 0), () -> id + " recycled " + recycled + " times");
      assertEquals(recycled, f.get(id).history().stream()
          .filter(h -> h.kind() == OwnershipChangeKind.RECYCLED).count());
    }
    Statistics.coverage(c -> c.check("sweep recycled").count((Integer n) -> n > 0));
  }

  private static int allowedDays(PoolFixture f, AccountId id) {
    return DAYS.get((String) f.get(id).fields().get("grade"));
  }

  @Provide
  Arbitrary<List<Step>> steps() {
    Arbitrary<Step> claim = Combinators.combine(Arbitraries.integers().between(0, 5),
        Arbitraries.integers().between(0, 2)).as(Claim::new);
    Arbitrary<Step> followUp = Arbitraries.integers().between(0, 5).map(FollowUp::new);
    Arbitrary<Step> release = Arbitraries.integers().between(0, 5).map(Release::new);
    Arbitrary<Step> wait = Arbitraries.integers().between(1, 24 * 9).map(Wait::new);
    Arbitrary<Step> sweep = Arbitraries.just(new Sweep());
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(4, claim), net.jqwik.api.Tuple.of(3, followUp), net.jqwik.api.Tuple.of(1, release),
        net.jqwik.api.Tuple.of(4, wait), net.jqwik.api.Tuple.of(3, sweep)).list().ofMinSize(5).ofMaxSize(60);
  }
}
