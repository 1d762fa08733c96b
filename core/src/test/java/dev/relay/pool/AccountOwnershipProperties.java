package dev.relay.pool;

import static dev.relay.pool.PoolFixture.LI;
import static dev.relay.pool.PoolFixture.SUN;
import static dev.relay.pool.PoolFixture.TENANT;
import static dev.relay.pool.PoolFixture.WANG;
import static dev.relay.pool.PoolFixture.ZHANG;
import static dev.relay.pool.PoolFixture.ZHAO;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relay.common.AccountId;
import dev.relay.common.Reason;
import dev.relay.common.RepId;
import dev.relay.pool.matching.MatchKey;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import net.jqwik.api.AfterFailureMode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;
import net.jqwik.api.statistics.Statistics;

/**
 * Whatever reps do to a few customers in whatever order — create them (in Chinese or English, into the pool or for
 * themselves), claim, release, transfer, lock, register, follow up, while days pass — one customer never has two owners
 * (no exact key is held by accounts of two different reps), claim limits are never exceeded ({@code max_owned} at the
 * moment of a claim, claims per day, locks), and every account's history chains: each change starts from the owner the
 * previous one ended with, in time order, ending with the current owner.
 */
class AccountOwnershipProperties {
  private static final List<RepId> REPS = List.of(LI, ZHANG, SUN);
  private static final int MAX_OWNED = 3;
  private static final int MAX_PER_DAY = 2;
  private static final int MAX_LOCKED = 1;
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  /** Five real customers, each with a Chinese and an English name and phone numbers written two ways. */
  private static final List<List<String>> CUSTOMERS = List.of(
      List.of("上海振华重工（集团）股份有限公司", "Shanghai Zhenhua Heavy Industries Co., Ltd.", "021-6888 8888",
          "+86 21 6888 8888"),
      List.of("宁波舟山港股份有限公司", "Ningbo Zhoushan Port Co., Ltd.", "0574-2769 0000", "+86 574 2769 0000"),
      List.of("杭州海康威视数字技术股份有限公司", "Hangzhou Hikvision Digital Technology Co., Ltd.", "0571-8807 5998",
          "+86 138 0013 8000"),
      List.of("华锐风电科技（集团）股份有限公司", "Sinovel Wind Group Co., Ltd.", "010-6251 5566", "+86 139 1000 2000"),
      List.of("深圳迈瑞生物医疗电子股份有限公司", "Shenzhen Mindray Bio-Medical Electronics Co., Ltd.", "0755-8188 8998",
          "+86 755 8188 8998"));

  @Property(tries = 150, afterFailure = AfterFailureMode.PREVIOUS_SEED)
  void oneCustomerNeverHasTwoOwnersAndLimitsHold(@ForAll("commands") ActionChain<PoolWorld> chain) {
    chain.withInvariant("one owner per customer, limits, history", PoolWorld::checkInvariants).run();

    Statistics.label("claim").coverage(c -> {
      c.check("claimed").count(n -> n > 0);
      c.check("pool.conflicts").count(n -> n > 0);
      c.check("pool.pools[0].claim.max_owned").count(n -> n > 0);
      c.check("pool.pools[0].claim.max_claims_per_day").count(n -> n > 0);
      c.check("pool.pools[0].claim.reclaim_cooldown").count(n -> n > 0);
      c.check("pool.registration_protection").count(n -> n > 0);
    });
    Statistics.label("other").coverage(c -> {
      c.check("created").count(n -> n > 0);
      c.check("create refused").count(n -> n > 0);
      c.check("transferred").count(n -> n > 0);
      c.check("released").count(n -> n > 0);
      c.check("locked").count(n -> n > 0);
      c.check("lock refused").count(n -> n > 0);
      c.check("registered").count(n -> n > 0);
    });
  }

  @Provide
  Arbitrary<ActionChain<PoolWorld>> commands() {
    Arbitrary<RepId> reps = Arbitraries.of(REPS);
    Arbitrary<Integer> account = Arbitraries.integers().between(0, 20);
    return ActionChain.startWith(PoolWorld::new)
        .withAction(3, action(Combinators.combine(Arbitraries.integers().between(0, CUSTOMERS.size() - 1),
                Arbitraries.integers().between(0, 3), Arbitraries.of(LI, ZHANG, SUN, ZHAO, ZHAO, ZHAO)).as(List::of),
            c -> "create customer " + c.get(0) + " variant " + c.get(1) + " for " + c.get(2),
            (w, c) -> w.create((Integer) c.get(0), (Integer) c.get(1), (RepId) c.get(2))))
        .withAction(5, action(Combinators.combine(account, reps).as(Pick::new), p -> "claim " + p,
            (w, p) -> w.claim(p.index, p.rep)))
        .withAction(2, action(account, i -> "release #" + i, PoolWorld::release))
        .withAction(2, action(Combinators.combine(account, reps).as(Pick::new), p -> "transfer " + p,
            (w, p) -> w.transfer(p.index, p.rep)))
        .withAction(2, action(account, i -> "lock #" + i, PoolWorld::lock))
        .withAction(action(account, i -> "unlock #" + i, PoolWorld::unlock))
        .withAction(2, action(Combinators.combine(account, reps, Arbitraries.integers().between(0, 72))
                .as((i, r, h) -> List.of(i, r, h)), p -> "register " + p,
            (w, p) -> w.register((Integer) p.get(0), (RepId) p.get(1), (Integer) p.get(2))))
        .withAction(action(Combinators.combine(account, reps).as(Pick::new), p -> "follow up " + p,
            (w, p) -> w.followUp(p.index, p.rep)))
        .withAction(2, action(Arbitraries.integers().between(1, 30), h -> "wait " + h + "h",
            (w, h) -> w.f.clock.advance(Duration.ofHours(h))))
        .withMaxTransformations(40);
  }

  /** An account (by creation order, modulo how many there are) and a rep. */
  record Pick(int index, RepId rep) {
    @Override
    public String toString() {
      return "#" + index + " " + rep.value();
    }
  }

  private static <T> Action.Independent<PoolWorld> action(Arbitrary<T> values, Function<T, String> description,
      BiConsumer<PoolWorld, T> effect) {
    return () -> values.map(v -> Transformer.mutate(description.apply(v), w -> effect.accept(w, v)));
  }

  /** A pool under test, with the accounts created so far. */
  static final class PoolWorld {
    final PoolFixture f = new PoolFixture(PoolFixture.policy()
        .duplicates(DuplicatePolicy.FLAG)
        .registrationProtection(Duration.ofDays(2))
        .pool(PoolDefinition.builder("public", "公海 Public pool").claim(ClaimRules.builder().maxOwned(MAX_OWNED)
            .maxClaimsPerDay(MAX_PER_DAY).maxLocked(MAX_LOCKED).reclaimCooldown(Duration.ofDays(1))
            .protection(Duration.ofDays(3)))));
    final List<AccountId> accounts = new ArrayList<>();

    void create(int customer, int variant, RepId rep) {
      List<String> details = CUSTOMERS.get(customer);
      String name = details.get(variant % 2);
      String phone = details.get(2 + variant / 2);
      NewAccount command = rep.equals(ZHAO)
          ? NewAccount.intoPool(AccountKind.COMPANY, name, ZHAO).withPhones(phone)
          : NewAccount.company(name, rep).withPhones(phone);
      AccountCreation created = f.service.create(TENANT, command);
      if (created instanceof AccountCreation.Created c) {
        accounts.add(c.account().id());
        Statistics.label("other").collect("created");
      } else {
        Statistics.label("other").collect("create refused");
      }
    }

    void claim(int index, RepId rep) {
      if (accounts.isEmpty()) {
        return;
      }
      Account before = f.get(pick(index));
      int ownedBefore = f.accounts.findOwnedBy(rep).size();
      int claimsToday = claimsOn(rep, today());
      AccountChange result = f.service.claim(before.id(), rep);
      if (result instanceof AccountChange.Changed changed) {
        Statistics.label("claim").collect("claimed");
        assertNull(before.owner(), "only a pool account can be claimed");
        assertTrue(ownedBefore < MAX_OWNED, rep + " owned " + ownedBefore + " before claiming");
        assertTrue(claimsToday < MAX_PER_DAY, rep + " claimed " + claimsToday + " today before claiming");
        Instant lost = before.lastLostBy(rep).orElse(null);
        assertTrue(lost == null || !f.clock.instant().isBefore(lost.plus(Duration.ofDays(1))), "cool-down");
        Registration registration = before.activeRegistration(f.clock.instant()).orElse(null);
        assertTrue(registration == null || registration.rep().equals(rep), "another rep's registration");
        assertEquals(rep, changed.account().owner());
      } else {
        AccountChange.Refused refused = (AccountChange.Refused) result;
        for (Reason r : refused.reasons()) {
          Statistics.label("claim").collect(r.rule());
        }
        assertEquals(before, f.get(before.id()), "a refused claim writes nothing");
      }
    }

    void release(int index) {
      if (accounts.isEmpty()) {
        return;
      }
      Account account = f.get(pick(index));
      if (account.owner() == null) {
        assertTrue(f.service.release(account.id(), LI, "退回 back") instanceof AccountChange.Refused);
        return;
      }
      f.service.release(account.id(), account.owner(), "客户暂无需求 no need for now").orThrow();
      Statistics.label("other").collect("released");
    }

    void transfer(int index, RepId to) {
      if (accounts.isEmpty()) {
        return;
      }
      Account account = f.get(pick(index));
      RepId actor = account.owner() == null ? WANG : account.owner();
      AccountChange result = f.service.transfer(account.id(), to, actor, "交接说明 handover");
      if (result.isChanged()) {
        Statistics.label("other").collect("transferred");
      } else {
        assertEquals(account, f.get(account.id()));
      }
    }

    void lock(int index) {
      if (accounts.isEmpty()) {
        return;
      }
      Account account = f.get(pick(index));
      if (account.owner() == null) {
        return;
      }
      AccountChange result = f.service.lock(account.id(), account.owner());
      Statistics.label("other").collect(result.isChanged() ? "locked" : "lock refused");
    }

    void unlock(int index) {
      if (accounts.isEmpty()) {
        return;
      }
      Account account = f.get(pick(index));
      if (account.owner() != null) {
        f.service.unlock(account.id(), account.owner()).orThrow();
      }
    }

    void register(int index, RepId rep, int hoursAgo) {
      if (accounts.isEmpty()) {
        return;
      }
      AccountChange result = f.service.register(pick(index), rep, f.clock.instant().minus(Duration.ofHours(hoursAgo)));
      if (result.isChanged()) {
        Statistics.label("other").collect("registered");
      }
    }

    void followUp(int index, RepId rep) {
      if (!accounts.isEmpty()) {
        f.service.followedUp(pick(index), rep, f.clock.instant());
      }
    }

    private AccountId pick(int index) {
      return accounts.get(index % accounts.size());
    }

    private LocalDate today() {
      return f.clock.instant().atZone(SHANGHAI).toLocalDate();
    }

    /** The claims the rep made on a day (in Shanghai), from every account's history. */
    private int claimsOn(RepId rep, LocalDate day) {
      int n = 0;
      for (AccountId id : accounts) {
        for (OwnershipChange c : f.get(id).history()) {
          if (c.kind() == OwnershipChangeKind.CLAIMED && rep.equals(c.to())
              && c.at().atZone(SHANGHAI).toLocalDate().equals(day)) {
            n++;
          }
        }
      }
      return n;
    }

    void checkInvariants() {
      Map<MatchKey, Set<RepId>> ownersByKey = new HashMap<>();
      Map<RepId, Integer> locked = new HashMap<>();
      Map<String, Integer> claimsPerRepAndDay = new HashMap<>();
      for (AccountId id : accounts) {
        Account a = f.get(id);
        if (a.owner() != null) {
          for (MatchKey key : a.keys()) {
            ownersByKey.computeIfAbsent(key, k -> new HashSet<>()).add(a.owner());
          }
          if (a.locked()) {
            locked.merge(a.owner(), 1, Integer::sum);
          }
        } else {
          assertFalse(a.locked());
        }
        assertEquals(a.owner() == null, a.fields().get(AccountFields.IN_POOL));
        List<OwnershipChange> history = a.history();
        assertEquals(OwnershipChangeKind.CREATED, history.get(0).kind());
        for (int i = 1; i < history.size(); i++) {
          assertEquals(history.get(i - 1).to(), history.get(i).from(), id + " history entry " + i);
          assertFalse(history.get(i).at().isBefore(history.get(i - 1).at()), id + " history is in time order");
          if (!history.get(i).kind().changesOwner()) {
            assertTrue(Objects.equals(history.get(i).from(), history.get(i).to()));
          }
        }
        assertEquals(a.owner(), a.lastChange().to());
        for (OwnershipChange c : history) {
          if (c.kind() == OwnershipChangeKind.CLAIMED) {
            claimsPerRepAndDay.merge(c.to().value() + "@" + c.at().atZone(SHANGHAI).toLocalDate(), 1, Integer::sum);
          }
        }
      }
      ownersByKey.forEach((key, owners) -> assertTrue(owners.size() <= 1, key + " is owned by " + owners));
      locked.forEach((rep, n) -> assertTrue(n <= MAX_LOCKED, rep + " locked " + n));
      claimsPerRepAndDay.forEach((day, n) -> assertTrue(n <= MAX_PER_DAY, day + ": " + n + " claims"));
    }

    @Override
    public String toString() {
      return "PoolWorld" + accounts;
    }
  }
}
