package dev.relay.pool;

import static dev.relay.pool.PoolFixture.BOSS;
import static dev.relay.pool.PoolFixture.LI;
import static dev.relay.pool.PoolFixture.SUN;
import static dev.relay.pool.PoolFixture.TENANT;
import static dev.relay.pool.PoolFixture.WANG;
import static dev.relay.pool.PoolFixture.ZHANG;
import static dev.relay.pool.PoolFixture.ZHENHUA;
import static dev.relay.pool.PoolFixture.ZHENHUA_PHONE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relay.common.ErrorCode;
import dev.relay.common.Reason;
import dev.relay.common.RuleViolationException;
import dev.relay.pool.AccountChange.Refused;
import dev.relay.pool.PoolEvent.AccountClaimed;
import dev.relay.pool.PoolEvent.ClaimRejected;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Claiming accounts from the public pool (领取) under the pool's limits, and locking them. */
class ClaimTest {

  @Test
  void claimFromThePublicPool() {
    PoolFixture f = new PoolFixture(PoolFixture.withClaimRules(ClaimRules.builder().protection(Duration.ofDays(7))));
    Account account = f.inPool(ZHENHUA, ZHENHUA_PHONE);
    Instant now = f.clock.advance(Duration.ofHours(1));

    Account claimed = f.service.claim(account.id(), LI).orThrow().account();

    assertEquals(LI, claimed.owner());
    assertEquals(now, claimed.claimedAt());
    assertEquals(now.plus(Duration.ofDays(7)), claimed.protectedUntil());
    assertEquals(List.of(OwnershipChangeKind.CREATED, OwnershipChangeKind.CLAIMED),
        claimed.history().stream().map(OwnershipChange::kind).toList());
    assertEquals(new OwnershipChange(OwnershipChangeKind.CLAIMED, null, LI, LI, now, null, 1), claimed.lastChange());
    assertEquals("li", claimed.fields().get(AccountFields.OWNER));
    assertEquals(false, claimed.fields().get(AccountFields.IN_POOL));
    assertEquals(2, claimed.version());
    assertEquals(List.of(claimed), f.accounts.findOwnedBy(LI));
    assertEquals(List.of(), f.accounts.findInPublicPool(TENANT));
    AccountClaimed event = f.events.events(AccountClaimed.class).get(0);
    assertEquals(List.of(account.id(), LI, "public", now.plus(Duration.ofDays(7))),
        List.of(event.account(), event.rep(), event.pool(), event.protectedUntil()));

    Refused again = (Refused) f.service.claim(account.id(), LI);
    assertEquals(ErrorCode.INVALID_TRANSITION, again.code());
    assertEquals(claimed, f.get(account.id()));
  }

  @Test
  void claimingAnotherRepsCustomerIsAConflict() {
    PoolFixture f = new PoolFixture();
    Account account = f.inPool(ZHENHUA, ZHENHUA_PHONE);
    f.service.claim(account.id(), LI).orThrow();

    Refused refused = (Refused) f.service.claim(account.id(), ZHANG);

    assertEquals(ErrorCode.FORBIDDEN, refused.code());
    assertEquals("pool.conflicts", refused.reasons().get(0).rule());
    assertTrue(refused.reasons().get(0).message().contains("Li (li)"));
    assertEquals(refused.reasons(), f.events.events(ClaimRejected.class).get(0).reasons());
    assertEquals(LI, f.get(account.id()).owner());
  }

  @Test
  void claimingARecordOfACustomerAnotherRepOwnsIsAConflict() {
    PoolFixture f = new PoolFixture(PoolFixture.policy().duplicates(DuplicatePolicy.FLAG));
    Account duplicate = f.service.create(TENANT, NewAccount.intoPool(AccountKind.COMPANY,
        PoolFixture.ZHENHUA_EN, PoolFixture.ZHAO).withPhones("+86 21 6888 8888")).orThrow();
    // Li brings the customer in again under its Chinese name; the flag policy keeps both records.
    Account owned = f.service.create(TENANT, f.zhenhua(LI)).orThrow();

    Refused refused = (Refused) f.service.claim(duplicate.id(), ZHANG);

    assertEquals("pool.conflicts", refused.reasons().get(0).rule());
    assertTrue(refused.reasons().get(0).message().contains(owned.id().value()), refused.reasons().toString());
    assertNull(f.get(duplicate.id()).owner());
    assertEquals(LI, f.service.claim(duplicate.id(), LI).orThrow().account().owner(), "the owner may take it");
  }

  @Test
  void claimBeyondMaxOwnedIsRejected() {
    PoolFixture f = new PoolFixture(PoolFixture.withClaimRules(ClaimRules.builder().maxOwned(2)));
    List<Account> pool = f.manyInPool(3);
    f.service.claim(pool.get(0).id(), LI).orThrow();
    f.service.claim(pool.get(1).id(), LI).orThrow();

    Refused refused = (Refused) f.service.claim(pool.get(2).id(), LI);

    assertEquals(ErrorCode.FORBIDDEN, refused.code());
    assertEquals(List.of("pool.pools[0].claim.max_owned"), rules(refused));
    assertTrue(refused.reasons().get(0).message().contains("you already own 2 accounts"));
    assertNull(f.get(pool.get(2).id()).owner());
    assertEquals(refused.reasons(), f.events.events(ClaimRejected.class).get(0).reasons());
    RuleViolationException thrown = assertThrows(RuleViolationException.class, refused::orThrow);
    assertEquals("pool.pools[0].claim.max_owned", thrown.problems().get(0).path());
    // Another rep is not affected, and releasing one makes room.
    f.service.claim(pool.get(2).id(), ZHANG).orThrow();
    f.service.release(pool.get(0).id(), LI, "客户已倒闭 out of business").orThrow();
    f.service.release(pool.get(2).id(), ZHANG, "交还 handing back").orThrow();
    assertEquals(LI, f.service.claim(pool.get(2).id(), LI).orThrow().account().owner());
  }

  @Test
  void wonCustomersCountOnlyWhenConfigured() {
    PoolFixture f = new PoolFixture(PoolFixture.withClaimRules(ClaimRules.builder().maxOwned(1)));
    List<Account> pool = f.manyInPool(3);
    f.service.claim(pool.get(0).id(), LI).orThrow();
    f.service.markCustomer(pool.get(0).id(), LI);

    f.service.claim(pool.get(1).id(), LI).orThrow();

    f.use(PoolFixture.withClaimRules(ClaimRules.builder().maxOwned(1).countWon(true)).build());
    Refused refused = (Refused) f.service.claim(pool.get(2).id(), LI);
    assertTrue(refused.reasons().get(0).message().contains("you already own 2 accounts"),
        refused.reasons().toString());
  }

  @Test
  void claimsPerDayLimit() {
    PoolFixture f = new PoolFixture(PoolFixture.withClaimRules(ClaimRules.builder().maxClaimsPerDay(2)));
    List<Account> pool = f.manyInPool(3);
    f.service.claim(pool.get(0).id(), LI).orThrow();
    f.service.claim(pool.get(1).id(), LI).orThrow();
    f.service.release(pool.get(0).id(), LI, "不是目标客户 not a target customer").orThrow();

    // 23:59:59 in Shanghai: still the same day, and releasing did not give the claim back.
    f.clock.set(Instant.parse("2026-03-02T15:59:59Z"));
    Refused refused = (Refused) f.service.claim(pool.get(2).id(), LI);
    assertEquals(List.of("pool.pools[0].claim.max_claims_per_day"), rules(refused));

    f.clock.advance(Duration.ofSeconds(1));
    assertEquals(LI, f.service.claim(pool.get(2).id(), LI).orThrow().account().owner());
  }

  @Test
  void reclaimCooldownAfterRelease() {
    PoolFixture f = new PoolFixture(PoolFixture.withClaimRules(ClaimRules.builder()
        .reclaimCooldown(Duration.ofDays(3))));
    Account account = f.inPool(ZHENHUA, ZHENHUA_PHONE);
    f.service.claim(account.id(), LI).orThrow();
    Instant released = f.clock.advance(Duration.ofDays(1));
    f.service.release(account.id(), LI, "客户今年没有预算 no budget this year").orThrow();

    f.advance(Duration.ofDays(2));
    Refused refused = (Refused) f.service.claim(account.id(), LI);
    assertEquals(List.of("pool.pools[0].claim.reclaim_cooldown"), rules(refused));
    assertTrue(refused.reasons().get(0).message().contains(released.plus(Duration.ofDays(3)).toString()));

    f.advance(Duration.ofDays(1));
    assertEquals(LI, f.service.claim(account.id(), LI).orThrow().account().owner());
  }

  @Test
  void onlyPoolMembersMayClaim() {
    PoolFixture f = new PoolFixture(PoolFixture.regionalPools());
    Account east = f.inPool(ZHENHUA, ZHENHUA_PHONE, Map.of("region", "east"));
    Account north = f.inPool("北京京东方科技集团股份有限公司", "010-6496 4000", Map.of("region", "north"));
    assertEquals("east", east.pool());
    assertEquals("north", north.pool());

    Refused sun = (Refused) f.service.claim(east.id(), SUN);
    Refused boss = (Refused) f.service.claim(east.id(), BOSS);

    assertEquals(List.of("pool.pools[0].member_teams"), rules(sun));
    assertEquals(List.of("pool.pools[0].member_teams"), rules(boss), "a manager above the team is no member");
    assertEquals(WANG, f.service.claim(east.id(), WANG).orThrow().account().owner());
    assertEquals(SUN, f.service.claim(north.id(), SUN).orThrow().account().owner());
  }

  @Test
  void anAccountOutsideEveryPoolCannotBeClaimed() {
    PoolFixture f = new PoolFixture(PoolFixture.regionalPools());
    Account nowhere = f.inPool(ZHENHUA, ZHENHUA_PHONE);

    assertNull(nowhere.pool());
    assertEquals(List.of("pool.pools"), rules((Refused) f.service.claim(nowhere.id(), LI)));
  }

  @Test
  void everyFailingRuleIsReported() {
    PoolFixture f = new PoolFixture(PoolFixture.withClaimRules(ClaimRules.builder().maxOwned(1).maxClaimsPerDay(2)
        .reclaimCooldown(Duration.ofDays(1))));
    Account account = f.inPool(ZHENHUA, ZHENHUA_PHONE);
    Account other = f.inPool("Ningbo Zhoushan Port Co., Ltd.", "0574-2769 0000");
    f.service.claim(account.id(), LI).orThrow();
    f.service.release(account.id(), LI, "先让给张 leaving it to Zhang").orThrow();
    f.service.claim(other.id(), LI).orThrow();
    f.service.register(account.id(), ZHANG, f.clock.instant()).orThrow();

    Refused refused = (Refused) f.service.claim(account.id(), LI);

    assertEquals(List.of("pool.pools[0].claim.max_owned", "pool.pools[0].claim.max_claims_per_day",
        "pool.pools[0].claim.reclaim_cooldown", "pool.registration_protection"), rules(refused));
    assertTrue(refused.reasons().get(3).message().contains("Zhang (zhang)"));
  }

  @Test
  void lockLimit() {
    PoolFixture f = new PoolFixture(PoolFixture.withClaimRules(ClaimRules.builder().maxLocked(1)));
    List<Account> pool = f.manyInPool(2);
    f.service.claim(pool.get(0).id(), LI).orThrow();
    f.service.claim(pool.get(1).id(), LI).orThrow();

    Account locked = f.service.lock(pool.get(0).id(), LI).orThrow().account();
    assertTrue(locked.locked());
    assertEquals(true, locked.fields().get(AccountFields.LOCKED));
    assertEquals(OwnershipChangeKind.LOCKED, locked.lastChange().kind());
    assertEquals(locked, f.service.lock(pool.get(0).id(), LI).orThrow().account(), "locking twice is a no-op");

    Refused refused = assertInstanceOf(Refused.class, f.service.lock(pool.get(1).id(), LI));
    assertEquals(List.of("pool.pools[0].claim.max_locked"), rules(refused));
    RuleViolationException notOwner = assertThrows(RuleViolationException.class,
        () -> f.service.lock(pool.get(1).id(), ZHANG));
    assertEquals(ErrorCode.FORBIDDEN, notOwner.code());

    f.service.unlock(pool.get(0).id(), LI).orThrow();
    assertTrue(f.service.lock(pool.get(1).id(), LI).isChanged());
    assertEquals(List.of(OwnershipChangeKind.CREATED, OwnershipChangeKind.CLAIMED, OwnershipChangeKind.LOCKED,
        OwnershipChangeKind.UNLOCKED), f.get(pool.get(0).id()).history().stream().map(OwnershipChange::kind).toList());
  }

  private static List<String> rules(Refused refused) {
    return refused.reasons().stream().map(Reason::rule).toList();
  }
}
