package dev.relay.pool;

import static dev.relay.pool.PoolFixture.LI;
import static dev.relay.pool.PoolFixture.SUN;
import static dev.relay.pool.PoolFixture.TENANT;
import static dev.relay.pool.PoolFixture.ZHANG;
import static dev.relay.pool.PoolFixture.ZHENHUA;
import static dev.relay.pool.PoolFixture.ZHENHUA_PHONE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relay.common.Reason;
import dev.relay.common.ValidationException;
import dev.relay.pool.AccountChange.Refused;
import dev.relay.pool.PoolEvent.AccountRegistered;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Deal registration (报备): the first registration by timestamp protects the customer for a while. */
class RegistrationTest {
  private final PoolFixture f = new PoolFixture(PoolFixture.policy().registrationProtection(Duration.ofDays(14)));
  private final Account account = f.inPool(ZHENHUA, ZHENHUA_PHONE);

  @Test
  void firstRegistrationByTimestampWinsAndExpiresByItself() {
    Instant registeredAt = f.clock.instant();
    Account registered = f.service.register(account.id(), LI, registeredAt).orThrow().account();

    assertEquals(new Registration(LI, registeredAt, registeredAt.plus(Duration.ofDays(14))),
        registered.registration());
    assertEquals(OwnershipChangeKind.REGISTERED, registered.lastChange().kind());
    assertEquals(null, registered.owner(), "registering does not claim");

    f.advance(Duration.ofHours(1));
    Refused later = (Refused) f.service.register(account.id(), ZHANG, f.clock.instant());
    assertEquals("pool.registration_protection", later.reasons().get(0).rule());
    assertTrue(later.reasons().get(0).message().contains("Li (li)"), later.reasons().toString());
    Refused claim = (Refused) f.service.claim(account.id(), ZHANG);
    assertEquals(List.of("pool.registration_protection"), claim.reasons().stream().map(Reason::rule).toList());

    f.advance(Duration.ofDays(14));
    assertFalse(f.get(account.id()).activeRegistration(f.clock.instant()).isPresent(), "expired, with no sweep");
    assertEquals(ZHANG, f.service.claim(account.id(), ZHANG).orThrow().account().owner());
  }

  @Test
  void theRegisteringRepMayClaimWhileOthersMayNot() {
    f.service.register(account.id(), LI, f.clock.instant()).orThrow();

    assertEquals(LI, f.service.claim(account.id(), LI).orThrow().account().owner());
  }

  @Test
  void lateSyncedEarlierRegistrationWins() {
    Instant t0 = f.clock.instant();
    f.advance(Duration.ofHours(3));
    f.service.register(account.id(), LI, t0.plus(Duration.ofHours(2))).orThrow();

    // Zhang registered an hour before Li, offline; his phone synced only now.
    Account replaced = f.service.register(account.id(), ZHANG, t0.plus(Duration.ofHours(1))).orThrow().account();

    assertEquals(ZHANG, replaced.registration().rep());
    assertEquals(t0.plus(Duration.ofHours(1)).plus(Duration.ofDays(14)), replaced.registration().expiresAt());
    assertEquals(LI, f.events.events(AccountRegistered.class).get(1).replaced());
    assertEquals("pool.registration_protection", ((Refused) f.service.claim(account.id(), LI)).reasons().get(0).rule());
  }

  @Test
  void aRegistrationThatWouldHaveExpiredOrLiesInTheFutureDoesNotCount() {
    Refused expired = (Refused) f.service.register(account.id(), LI, f.clock.instant().minus(Duration.ofDays(15)));
    assertTrue(expired.reasons().get(0).message().contains("would have expired"));

    ValidationException future = assertThrows(ValidationException.class,
        () -> f.service.register(account.id(), LI, f.clock.instant().plusSeconds(60)));
    assertEquals("registeredAt", future.problems().get(0).path());
    assertEquals(null, f.get(account.id()).registration());
  }

  @Test
  void anotherRepsCustomerCannotBeRegistered() {
    Account owned = f.service.create(TENANT, NewAccount.company("Ningbo Zhoushan Port Co., Ltd.", LI)
        .withPhones("0574-2769 0000")).orThrow();

    Refused refused = (Refused) f.service.register(owned.id(), SUN, f.clock.instant());

    assertEquals("pool.conflicts", refused.reasons().get(0).rule());
  }
}
