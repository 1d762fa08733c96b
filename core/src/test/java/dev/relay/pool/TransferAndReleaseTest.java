package dev.relay.pool;

import static dev.relay.pool.PoolFixture.BOSS;
import static dev.relay.pool.PoolFixture.LI;
import static dev.relay.pool.PoolFixture.SUN;
import static dev.relay.pool.PoolFixture.TENANT;
import static dev.relay.pool.PoolFixture.WANG;
import static dev.relay.pool.PoolFixture.ZHANG;
import static dev.relay.pool.PoolFixture.ZHENHUA_MOBILE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relay.common.ErrorCode;
import dev.relay.common.NotFoundException;
import dev.relay.common.Reason;
import dev.relay.common.RuleViolationException;
import dev.relay.common.ValidationException;
import dev.relay.pipeline.Collaborator;
import dev.relay.pool.AccountChange.Changed;
import dev.relay.pool.AccountChange.Requested;
import dev.relay.pool.PoolEvent.AccountReleased;
import dev.relay.pool.PoolEvent.AccountTransferred;
import dev.relay.pool.PoolEvent.TransferDeclined;
import dev.relay.pool.PoolEvent.TransferRequested;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Giving accounts up (退回公海) and handing them over (转交). */
class TransferAndReleaseTest {

  @Test
  void releaseNeedsAReason() {
    PoolFixture f = new PoolFixture();
    Account owned = f.service.create(TENANT, f.zhenhua(LI)).orThrow();
    f.service.lock(owned.id(), LI).orThrow();
    f.service.setBackupOwner(owned.id(), ZHANG, LI).orThrow();

    ValidationException blank = assertThrows(ValidationException.class,
        () -> f.service.release(owned.id(), LI, "  "));
    assertEquals("reason", blank.problems().get(0).path());
    RuleViolationException stranger = assertThrows(RuleViolationException.class,
        () -> f.service.release(owned.id(), SUN, "不想要 not interested"));
    assertEquals(ErrorCode.FORBIDDEN, stranger.code());
    assertEquals(3, f.get(owned.id()).version(), "nothing was written");

    Instant now = f.clock.advance(Duration.ofHours(2));
    Account released = f.service.release(owned.id(), WANG, " 李离职交接 Li is leaving ").orThrow().account();

    assertNull(released.owner());
    assertFalse(released.locked());
    assertNull(released.backupOwner());
    assertNull(released.claimedAt());
    assertNull(released.protectedUntil());
    assertEquals(new OwnershipChange(OwnershipChangeKind.RELEASED, LI, null, WANG, now, "李离职交接 Li is leaving", 1),
        released.lastChange());
    assertEquals(true, released.fields().get(AccountFields.IN_POOL));
    AccountReleased event = f.events.events(AccountReleased.class).get(0);
    assertEquals(List.of(LI, WANG, "李离职交接 Li is leaving"), List.of(event.from(), event.actor(), event.reason()));
    assertInstanceOf(AccountChange.Refused.class, f.service.release(owned.id(), LI, "again"));
  }

  @Test
  void transferNeedsAHandoverNote() {
    PoolFixture f = new PoolFixture();
    Account owned = f.service.create(TENANT, f.zhenhua(LI)).orThrow();

    ValidationException missing = assertThrows(ValidationException.class,
        () -> f.service.transfer(owned.id(), ZHANG, LI, ""));
    assertEquals("handoverNote", missing.problems().get(0).path());
    assertEquals(1, f.get(owned.id()).version());

    Instant now = f.clock.advance(Duration.ofDays(1));
    String note = "客户关键人：采购部王经理，下周二回访 Key contact: purchasing manager Wang, call back Tuesday";
    Account transferred = f.service.transfer(owned.id(), ZHANG, LI, note).orThrow().account();

    assertEquals(ZHANG, transferred.owner());
    assertEquals(now, transferred.claimedAt());
    assertEquals(new OwnershipChange(OwnershipChangeKind.TRANSFERRED, LI, ZHANG, LI, now, note, 1),
        transferred.lastChange());
    AccountTransferred event = f.events.events(AccountTransferred.class).get(0);
    assertEquals(note, event.handoverNote());
    assertNull(event.approvedBy());
    RuleViolationException notTheOwner = assertThrows(RuleViolationException.class,
        () -> f.service.transfer(owned.id(), SUN, LI, note));
    assertEquals(ErrorCode.FORBIDDEN, notTheOwner.code());
  }

  @Test
  void transferWithApprovalWaitsForTheManager() {
    PoolFixture f = new PoolFixture(PoolFixture.policy().transferNeedsApproval(true));
    Account owned = f.service.create(TENANT, f.zhenhua(LI)).orThrow();

    Requested requested = assertInstanceOf(Requested.class,
        f.service.transfer(owned.id(), ZHANG, LI, "张更熟悉港机行业 Zhang knows port machinery"));

    TransferRequest request = (TransferRequest) requested.request();
    assertEquals(List.of(LI, ZHANG, LI), List.of(request.from(), request.to(), request.requestedBy()));
    assertEquals("pool.transfer.needs_approval", requested.reasons().get(0).rule());
    assertEquals(LI, f.get(owned.id()).owner(), "nothing moves before the approval");
    assertEquals(WANG, f.events.events(TransferRequested.class).get(0).approver());
    RuleViolationException waiting = assertThrows(RuleViolationException.class, requested::orThrow);
    assertEquals(ErrorCode.APPROVAL_REQUIRED, waiting.code());
    assertInstanceOf(AccountChange.Refused.class, f.service.transfer(owned.id(), SUN, LI, "另一个 another"),
        "one pending transfer at a time");
    assertEquals(ErrorCode.FORBIDDEN, assertThrows(RuleViolationException.class,
        () -> f.service.approveTransfer(owned.id(), request.id(), ZHANG)).code());
    assertEquals(ErrorCode.FORBIDDEN, assertThrows(RuleViolationException.class,
        () -> f.service.approveTransfer(owned.id(), request.id(), LI)).code(), "nobody approves their own request");

    Changed approved = f.service.approveTransfer(owned.id(), request.id(), WANG).orThrow();

    assertEquals(ZHANG, approved.account().owner());
    assertEquals(List.of(), approved.account().transferRequests());
    assertEquals(LI, approved.account().lastChange().actor());
    assertEquals(WANG, f.events.events(AccountTransferred.class).get(0).approvedBy());
    assertThrows(NotFoundException.class, () -> f.service.approveTransfer(owned.id(), request.id(), WANG));
  }

  @Test
  void aManagerTransfersWithoutWaitingAndCanDeclineRequests() {
    PoolFixture f = new PoolFixture(PoolFixture.policy().transferNeedsApproval(true));
    Account owned = f.service.create(TENANT, f.zhenhua(LI)).orThrow();
    TransferRequest request = (TransferRequest) ((Requested) f.service.transfer(owned.id(), ZHANG, LI,
        "交给张 to Zhang")).request();

    Account declined = f.service.declineTransfer(owned.id(), request.id(), BOSS, "先别动 not now").orThrow().account();
    assertEquals(LI, declined.owner());
    assertEquals(List.of(), declined.transferRequests());
    assertEquals("先别动 not now", f.events.events(TransferDeclined.class).get(0).note());

    assertEquals(ZHANG, f.service.transfer(owned.id(), ZHANG, WANG, "经理直接分配 assigned by the manager")
        .orThrow().account().owner());
  }

  @Test
  void openDealsAndTasksFollowTheTransfer() {
    PoolFixture f = new PoolFixture();
    Account owned = f.service.create(TENANT, f.zhenhua(LI)).orThrow();

    Changed changed = f.service.transfer(owned.id(), ZHANG, LI, "港口项目交接 port project handover").orThrow();

    String id = owned.id().value();
    assertEquals(List.of(id + " -> zhang by li: 港口项目交接 port project handover"), f.dealHandover.calls);
    assertEquals(List.of(id + " -> zhang by li"), f.taskHandover.calls);
    assertEquals(List.of("pool.transfer.deals_follow", "pool.transfer.tasks_follow"),
        changed.trace().stream().map(Reason::rule).toList());
    AccountTransferred event = f.events.events(AccountTransferred.class).get(0);
    assertEquals(List.of(2, 3), List.of(event.dealsMoved(), event.tasksMoved()));

    PoolFixture stay = new PoolFixture(PoolFixture.policy().dealsFollowTransfer(false).tasksFollowTransfer(false));
    Account kept = stay.service.create(TENANT, stay.zhenhua(LI)).orThrow();
    stay.service.transfer(kept.id(), ZHANG, LI, "只转客户 the account only").orThrow();
    assertEquals(List.of(), stay.dealHandover.calls);
    assertEquals(List.of(), stay.taskHandover.calls);
    assertEquals(0, stay.events.events(AccountTransferred.class).get(0).dealsMoved());
  }

  @Test
  void theNewOwnerStartsAfreshAndCollaboratorsStay() {
    PoolFixture f = new PoolFixture(PoolFixture.withClaimRules(ClaimRules.builder().protection(Duration.ofDays(10))));
    Account owned = f.service.create(TENANT, f.zhenhua(LI).withPhones(ZHENHUA_MOBILE)).orThrow();
    f.service.lock(owned.id(), LI).orThrow();
    f.service.setBackupOwner(owned.id(), WANG, LI).orThrow();
    f.service.addCollaborator(owned.id(), SUN, "售前 presales", LI).orThrow();
    f.service.addCollaborator(owned.id(), ZHANG, "客服 service", LI).orThrow();
    Instant now = f.clock.advance(Duration.ofDays(3));

    Account transferred = f.service.transfer(owned.id(), ZHANG, LI, "李调岗 Li moves to key accounts").orThrow()
        .account();

    assertFalse(transferred.locked());
    assertNull(transferred.backupOwner());
    assertEquals(now.plus(Duration.ofDays(10)), transferred.protectedUntil());
    assertEquals(List.of(new Collaborator(SUN, "售前 presales")), transferred.collaborators(),
        "the new owner is no longer a collaborator");
  }

  @Test
  void aTransferNeverGivesOneCustomerTwoOwners() {
    PoolFixture f = new PoolFixture(PoolFixture.policy().duplicates(DuplicatePolicy.FLAG));
    Account first = f.service.create(TENANT, f.zhenhua(LI)).orThrow();
    Account second = f.service.create(TENANT, NewAccount.company(PoolFixture.ZHENHUA_EN, LI)
        .withPhones("+86 21 6888 8888")).orThrow();

    AccountChange.Refused refused = (AccountChange.Refused) f.service.transfer(first.id(), ZHANG, LI, "给张 to Zhang");

    assertEquals("pool.conflicts", refused.reasons().get(0).rule());
    assertTrue(refused.reasons().get(0).message().contains(second.id().value()));
    assertEquals(LI, f.get(first.id()).owner());
  }
}
