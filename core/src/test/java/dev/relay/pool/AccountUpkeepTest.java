package dev.relay.pool;

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

import dev.relay.common.AccountId;
import dev.relay.common.NotFoundException;
import dev.relay.common.Problem;
import dev.relay.common.RepId;
import dev.relay.common.TenantId;
import dev.relay.common.ValidationException;
import dev.relay.pipeline.Collaborator;
import dev.relay.pool.PoolEvent.AccountBecameCustomer;
import dev.relay.pool.PoolEvent.BackupOwnerChanged;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Keeping an account up to date: follow-ups, fields and the pool they put it in, backup owner, collaborators. */
class AccountUpkeepTest {

  @Test
  void followUpUpdatesLastFollowUp() {
    PoolFixture f = new PoolFixture();
    Account owned = f.service.create(TENANT, f.zhenhua(LI)).orThrow();
    // As the recycle sweep would have left it: a warning pending.
    Account.Draft warned = owned.draft();
    warned.recycleWarning = new RecycleWarning("no_follow_up", f.clock.instant().plus(Duration.ofDays(3)),
        f.clock.instant());
    f.accounts.save(warned.build().nextVersion(1), 1);
    Instant visit = f.clock.advance(Duration.ofDays(1));

    f.service.followedUp(owned.id(), ZHANG, visit);
    Account followed = f.get(owned.id());
    assertEquals(visit, followed.lastFollowUpAt());
    assertNull(followed.recycleWarning(), "the due date moved, so the warning is withdrawn");

    f.service.followedUp(owned.id(), LI, visit.minus(Duration.ofHours(5)));
    assertEquals(visit, f.get(owned.id()).lastFollowUpAt(), "a late-synced older activity does not move it back");
    assertEquals(followed.version(), f.get(owned.id()).version());

    f.service.followedUp(owned.id(), LI, visit.plus(Duration.ofHours(1)));
    assertEquals(visit.plus(Duration.ofHours(1)), f.get(owned.id()).lastFollowUpAt());
    assertThrows(NotFoundException.class,
        () -> f.service.followedUp(AccountId.of(TENANT, "C-404"), LI, visit));
  }

  @Test
  void badFieldsChangeNothing() {
    PoolFixture f = new PoolFixture();
    Account owned = f.service.create(TENANT, f.zhenhua(LI)).orThrow();

    ValidationException invalid = assertThrows(ValidationException.class, () -> f.service.updateFields(owned.id(), LI,
        Map.of("employees", "很多 many", "regoin", "east", "owner", "zhang")));

    assertEquals(List.of("fields.employees", "fields.owner", "fields.regoin"),
        invalid.problems().stream().map(Problem::path).sorted().toList());
    assertEquals(owned, f.get(owned.id()));
    assertEquals(List.of(), f.events.events().stream().filter(e -> !(e instanceof PoolEvent.AccountCreated)).toList());
  }

  @Test
  void thePoolIsRecomputedWhenFieldsChange() {
    PoolFixture f = new PoolFixture(PoolFixture.regionalPools());
    Account account = f.inPool(ZHENHUA, ZHENHUA_PHONE, Map.of("region", "east"));

    Account moved = f.service.updateFields(account.id(), WANG, Map.of("region", "north", "grade", "A"));

    assertEquals("north", moved.pool());
    Account claimed = f.service.claim(account.id(), SUN).orThrow().account();
    assertEquals(SUN, claimed.owner());
    assertEquals(claimed, f.service.updateFields(account.id(), WANG, Map.of("region", "north")),
        "an update that changes nothing writes nothing");
  }

  @Test
  void aNewPlaybookVersionRebindsTheFieldsAndDecidesThePool() {
    PoolFixture f = new PoolFixture();
    Account account = f.inPool(ZHENHUA, ZHENHUA_PHONE, Map.of("region", "north"));
    f.use(PoolFixture.regionalPools().build());

    Account claimed = f.service.claim(account.id(), SUN).orThrow().account();

    assertEquals("north", claimed.pool());
    assertEquals(2, claimed.playbookVersion());
    assertEquals(2, claimed.lastChange().playbookVersion());
  }

  @Test
  void backupOwnerAndCollaborators() {
    PoolFixture f = new PoolFixture();
    Account owned = f.service.create(TENANT, f.zhenhua(LI)).orThrow();

    Account withBackup = f.service.setBackupOwner(owned.id(), ZHANG, LI).orThrow().account();
    assertEquals(ZHANG, withBackup.backupOwner());
    assertEquals(ZHANG, f.events.events(BackupOwnerChanged.class).get(0).to());
    assertInstanceOf(AccountChange.Refused.class, f.service.setBackupOwner(owned.id(), LI, LI));
    assertNull(f.service.clearBackupOwner(owned.id(), WANG).orThrow().account().backupOwner());

    Account withCollaborator = f.service.addCollaborator(owned.id(), SUN, "售前 presales", LI).orThrow().account();
    assertEquals(List.of(new Collaborator(SUN, "售前 presales")), withCollaborator.collaborators());
    ValidationException otherTenant = assertThrows(ValidationException.class, () -> f.service.addCollaborator(
        owned.id(), RepId.of(TenantId.of("globex"), "li"), "spy", LI));
    assertEquals("collaborator", otherTenant.problems().get(0).path());
  }

  @Test
  void aWonDealMakesTheAccountACustomer() {
    PoolFixture f = new PoolFixture();
    Account owned = f.service.create(TENANT, f.zhenhua(LI)).orThrow();

    Account customer = f.service.markCustomer(owned.id(), LI);

    assertEquals(AccountStatus.CUSTOMER, customer.status());
    assertEquals("customer", customer.fields().get(AccountFields.STATUS));
    assertEquals(customer, f.service.markCustomer(owned.id(), LI), "marking again writes nothing");
    assertEquals(1, f.events.events(AccountBecameCustomer.class).size());
  }
}
