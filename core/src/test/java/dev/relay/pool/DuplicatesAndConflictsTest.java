package dev.relay.pool;

import static dev.relay.pool.PoolFixture.LI;
import static dev.relay.pool.PoolFixture.SUN;
import static dev.relay.pool.PoolFixture.TENANT;
import static dev.relay.pool.PoolFixture.WANG;
import static dev.relay.pool.PoolFixture.ZHANG;
import static dev.relay.pool.PoolFixture.ZHAO;
import static dev.relay.pool.PoolFixture.ZHENHUA;
import static dev.relay.pool.PoolFixture.ZHENHUA_CODE;
import static dev.relay.pool.PoolFixture.ZHENHUA_EN;
import static dev.relay.pool.PoolFixture.ZHENHUA_MOBILE;
import static dev.relay.pool.PoolFixture.ZHENHUA_PHONE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relay.common.ErrorCode;
import dev.relay.common.Problem;
import dev.relay.common.Reason;
import dev.relay.common.RuleViolationException;
import dev.relay.common.ValidationException;
import dev.relay.pipeline.Collaborator;
import dev.relay.pool.AccountCreation.Created;
import dev.relay.pool.AccountCreation.Merged;
import dev.relay.pool.AccountCreation.Refused;
import dev.relay.pool.AccountCreation.Requested;
import dev.relay.pool.PoolEvent.AccountMerged;
import dev.relay.pool.PoolEvent.CollaborationAccepted;
import dev.relay.pool.PoolEvent.CollaborationDeclined;
import dev.relay.pool.PoolEvent.CollaborationRequested;
import dev.relay.pool.PoolEvent.ConflictDetected;
import dev.relay.pool.PoolEvent.DuplicateRejected;
import dev.relay.pool.PoolEvent.PossibleDuplicateFlagged;
import dev.relay.pool.matching.AccountKeys;
import dev.relay.pool.matching.DuplicateCandidate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Creating accounts: duplicates (查重) under the three duplicate policies, and conflicts with other reps (撞单). */
class DuplicatesAndConflictsTest {

  @Test
  void newCompanyGoesToItsOwnerWithNormalisedKeys() {
    PoolFixture f = new PoolFixture();

    Created created = (Created) f.service.create(TENANT, f.zhenhua(LI).withPhones(ZHENHUA_MOBILE));

    Account account = created.account();
    assertEquals(LI, account.owner());
    assertEquals(ZHENHUA, account.name());
    assertEquals(List.of(ZHENHUA_PHONE, ZHENHUA_MOBILE), account.phones());
    assertTrue(account.keys().contains(AccountKeys.phone("+86 21 6888 8888", "CN")));
    assertTrue(account.keys().contains(AccountKeys.creditCode(ZHENHUA_CODE)));
    assertEquals("public", account.pool());
    assertEquals(f.clock.instant(), account.claimedAt());
    assertEquals(List.of(new OwnershipChange(OwnershipChangeKind.CREATED, null, LI, LI, f.clock.instant(), null, 1)),
        account.history());
    assertEquals("li", account.fields().get(AccountFields.OWNER));
    assertEquals(false, account.fields().get(AccountFields.IN_POOL));
    assertEquals(account, f.get(account.id()));
    assertEquals(List.of(), created.possibleDuplicates());
  }

  @Test
  void duplicateCompanyIsRejectedNamingTheExistingAccount() {
    PoolFixture f = new PoolFixture();
    Account existing = f.service.create(TENANT, f.zhenhua(LI)).orThrow();

    AccountCreation again = f.service.create(TENANT,
        NewAccount.company("上海振华重工股份有限公司", LI).withPhones("(021) 68888888"));

    Refused refused = assertInstanceOf(Refused.class, again);
    assertEquals(ErrorCode.INVALID_TRANSITION, refused.code());
    assertEquals(List.of(existing.id()), refused.existing());
    Reason reason = refused.reasons().get(0);
    assertEquals("pool.duplicates", reason.rule());
    assertTrue(reason.message().contains(ZHENHUA) && reason.message().contains(existing.id().value()),
        reason.message());
    assertTrue(reason.message().contains("same phone +862168888888"), reason.message());
    assertTrue(reason.message().contains("same company name '上海振华重工'"), reason.message());
    assertEquals(1, f.accounts.findOwnedBy(LI).size(), "nothing was created");
    DuplicateRejected event = f.events.events(DuplicateRejected.class).get(0);
    assertEquals(existing.id(), event.account());
    assertEquals(refused.reasons(), event.reasons());
    RuleViolationException thrown = assertThrows(RuleViolationException.class, again::orThrow);
    assertEquals("pool.duplicates", thrown.problems().get(0).path());
  }

  @Test
  void mergePolicyFillsTheExistingRecord() {
    PoolFixture f = new PoolFixture(PoolFixture.policy().duplicates(DuplicatePolicy.MERGE));
    Account existing = f.service.create(TENANT, NewAccount.company(ZHENHUA, LI).withPhones(ZHENHUA_PHONE)
        .withFields(Map.of("region", "east"))).orThrow();

    AccountCreation result = f.service.create(TENANT, NewAccount.company("上海振华重工股份有限公司", LI)
        .withPhones("021 68888888", ZHENHUA_MOBILE).withEmails("sales@zpmc.com").withCreditCode(ZHENHUA_CODE)
        .withFields(Map.of("region", "north", "grade", "A", "employees", 12_000)));

    Merged merged = assertInstanceOf(Merged.class, result);
    Account account = merged.account();
    assertEquals(existing.id(), account.id());
    assertEquals(ZHENHUA, account.name(), "the existing name stays");
    assertEquals(List.of(ZHENHUA_PHONE, ZHENHUA_MOBILE), account.phones(), "the same number written differently is "
        + "not added again");
    assertEquals(List.of("sales@zpmc.com"), account.emails());
    assertEquals(ZHENHUA_CODE, account.creditCode());
    assertEquals("east", account.fields().get("region"), "set fields are never overwritten");
    assertEquals("A", account.fields().get("grade"));
    assertEquals(12_000L, account.fields().get("employees"));
    assertEquals(List.of("phones: " + ZHENHUA_MOBILE, "emails: sales@zpmc.com", "credit_code: " + ZHENHUA_CODE,
        "fields.grade: A", "fields.employees: 12000"), merged.added());
    OwnershipChange change = account.lastChange();
    assertEquals(OwnershipChangeKind.MERGED, change.kind());
    assertEquals(LI, change.from());
    assertEquals(LI, change.to());
    assertEquals(2, account.version());
    // The record was re-indexed under its new keys in the same write.
    assertEquals(java.util.Set.of(existing.id()),
        f.accounts.accountsWithKeys(TENANT, List.of(AccountKeys.phone(ZHENHUA_MOBILE, "CN"))));
    assertEquals(1, f.accounts.findOwnedBy(LI).size(), "no second account");
    assertEquals(merged.added(), f.events.events(AccountMerged.class).get(0).added());
  }

  @Test
  void flagPolicyCreatesAndFlagsThePossibleDuplicate() {
    PoolFixture f = new PoolFixture(PoolFixture.policy().duplicates(DuplicatePolicy.FLAG));
    Account existing = f.inPool(ZHENHUA, ZHENHUA_PHONE);

    Created created = (Created) f.service.create(TENANT, NewAccount.company(ZHENHUA_EN, LI)
        .withPhones("+86 21 6888 8888"));

    DuplicateCandidate flag = created.possibleDuplicates().get(0);
    assertEquals(existing.id(), flag.account());
    assertTrue(flag.exact());
    assertEquals(created.possibleDuplicates(), created.account().possibleDuplicates());
    assertEquals(LI, created.account().owner());
    assertEquals(created.possibleDuplicates(), f.events.events(PossibleDuplicateFlagged.class).get(0).candidates());
  }

  @Test
  void similarNamesAreFlaggedButNeverBlock() {
    PoolFixture f = new PoolFixture(PoolFixture.policy().similarNameThreshold(0.8));
    Account existing = f.service.create(TENANT, f.zhenhua(LI)).orThrow();

    Created created = (Created) f.service.create(TENANT, NewAccount.company("上海振华重工机械有限公司", ZHANG)
        .withPhones("021-5888 0000"));

    assertEquals(ZHANG, created.account().owner(), "a similar name is no conflict");
    DuplicateCandidate flag = created.possibleDuplicates().get(0);
    assertEquals(existing.id(), flag.account());
    assertFalse(flag.exact());
  }

  @Test
  void badDetailsAreReportedWithPathsAndNothingIsCreated() {
    PoolFixture f = new PoolFixture();

    ValidationException invalid = assertThrows(ValidationException.class, () -> f.service.create(TENANT,
        NewAccount.company(ZHENHUA, LI).withPhones("12345").withEmails("sales-at-zpmc.com")
            .withCreditCode("91310000132211233Z").withFields(Map.of("employees", "many", "regoin", "east"))));

    assertEquals(List.of("phones[0]", "emails[0]", "credit_code", "fields.employees", "fields.regoin"),
        invalid.problems().stream().map(Problem::path).sorted(DuplicatesAndConflictsTest::byPathOrder).toList());
    assertEquals(List.of(), f.accounts.findOwnedBy(LI));
    assertEquals(List.of(), f.events.events());
  }

  private static int byPathOrder(String a, String b) {
    List<String> order = List.of("phones[0]", "emails[0]", "credit_code", "fields.employees", "fields.regoin");
    return Integer.compare(order.indexOf(a), order.indexOf(b));
  }

  @Test
  void customerOwnedByAnotherRepIsAConflictNamingTheOwner() {
    PoolFixture f = new PoolFixture();
    Account owned = f.service.create(TENANT, f.zhenhua(LI)).orThrow();

    AccountCreation attempt = f.service.create(TENANT, NewAccount.company(ZHENHUA_EN, ZHANG)
        .withCreditCode(ZHENHUA_CODE.toLowerCase(java.util.Locale.ROOT)));

    Refused refused = assertInstanceOf(Refused.class, attempt);
    assertEquals(ErrorCode.FORBIDDEN, refused.code());
    Reason reason = refused.reasons().get(0);
    assertEquals("pool.conflicts", reason.rule());
    assertTrue(reason.message().contains("already owned by Li (li)"), reason.message());
    assertTrue(reason.message().contains("same unified social credit code " + ZHENHUA_CODE), reason.message());
    assertEquals(List.of(owned.id()), refused.existing());
    ConflictDetected event = f.events.events(ConflictDetected.class).get(0);
    assertEquals(List.of(owned.id(), ZHANG, LI, false),
        List.of(event.account(), event.rep(), event.owner(), event.collaborationRequested()));
    assertEquals(List.of(), f.accounts.findOwnedBy(ZHANG));
  }

  @Test
  void ownerIsHiddenWhenPolicySaysSo() {
    PoolFixture f = new PoolFixture(PoolFixture.policy().revealOwner(false));
    f.service.create(TENANT, f.zhenhua(LI)).orThrow();

    Refused refused = (Refused) f.service.create(TENANT, NewAccount.company(ZHENHUA_EN, ZHANG)
        .withPhones(ZHENHUA_PHONE));

    String message = refused.reasons().get(0).message();
    assertTrue(message.contains("already owned by another rep"), message);
    assertFalse(message.contains("li") || message.contains("Li"), message);
  }

  @Test
  void collaborationRequestAcceptedMakesTheRequesterACollaborator() {
    PoolFixture f = new PoolFixture(PoolFixture.policy().conflicts(ConflictPolicy.COLLABORATION_REQUEST));
    Account owned = f.service.create(TENANT, f.zhenhua(LI).withPhones(ZHENHUA_MOBILE)).orThrow();

    Requested requested = assertInstanceOf(Requested.class, f.service.create(TENANT,
        NewAccount.company(ZHENHUA_EN, ZHANG).withPhones("13800138000")));

    assertEquals(owned.id(), requested.accountId());
    assertEquals(ZHANG, requested.request().requestedBy());
    assertEquals(List.of(requested.request()), f.get(owned.id()).collaborationRequests());
    assertEquals("pool.conflicts", requested.reasons().get(0).rule());
    assertThrows(RuleViolationException.class, requested::orThrow);
    // Asking again returns the pending request rather than filing another.
    AccountChange again = f.service.requestCollaboration(owned.id(), ZHANG);
    assertEquals(requested.request(), ((AccountChange.Requested) again).request());
    assertEquals(1, f.events.events(CollaborationRequested.class).size());
    assertTrue(f.events.events(ConflictDetected.class).get(0).collaborationRequested());

    RuleViolationException outsider = assertThrows(RuleViolationException.class,
        () -> f.service.acceptCollaboration(owned.id(), requested.request().id(), SUN));
    assertEquals(ErrorCode.FORBIDDEN, outsider.code());
    Account accepted = f.service.acceptCollaboration(owned.id(), requested.request().id(), LI).orThrow().account();

    assertEquals(List.of(new Collaborator(ZHANG, PoolService.COLLABORATOR_ROLE)), accepted.collaborators());
    assertEquals(List.of(), accepted.collaborationRequests());
    assertEquals(LI, accepted.owner());
    assertTrue(accepted.isWorkedOnBy(ZHANG));
    assertEquals(ZHANG, f.events.events(CollaborationAccepted.class).get(0).requester());
  }

  @Test
  void aDeclinedCollaborationRequestLeavesTheOwnerAlone() {
    PoolFixture f = new PoolFixture(PoolFixture.policy().conflicts(ConflictPolicy.COLLABORATION_REQUEST));
    Account owned = f.service.create(TENANT, f.zhenhua(LI)).orThrow();
    CollaborationRequest request = (CollaborationRequest) ((AccountChange.Requested) f.service
        .requestCollaboration(owned.id(), ZHANG, "我在跟进他们的港口项目 I work on their port project")).request();

    Account declined = f.service.declineCollaboration(owned.id(), request.id(), WANG, "李已在跟进").orThrow().account();

    assertEquals(List.of(), declined.collaborators());
    assertEquals(List.of(), declined.collaborationRequests());
    assertEquals("李已在跟进", f.events.events(CollaborationDeclined.class).get(0).note());
  }

  @Test
  void aPoolAccountIsNoConflictButADuplicate() {
    PoolFixture f = new PoolFixture();
    Account inPool = f.inPool(ZHENHUA, ZHENHUA_PHONE);

    Refused refused = (Refused) f.service.create(TENANT, f.zhenhua(ZHANG));

    assertEquals("pool.duplicates", refused.reasons().get(0).rule());
    assertEquals(List.of(inPool.id()), refused.existing());
    assertNull(f.get(inPool.id()).owner());
    assertEquals(ZHAO, f.get(inPool.id()).createdBy());
  }

  @Test
  void customFieldsAreTypedOnCreation() {
    PoolFixture f = new PoolFixture();

    Account account = f.service.create(TENANT, f.zhenhua(LI).withFields(Map.of("employees", "12000",
        "industry", "港口机械 Port machinery"))).orThrow();

    assertEquals(12_000L, account.fields().get("employees"));
    assertEquals("港口机械 Port machinery", account.fields().get("industry"));
  }
}
