package dev.relay.pipeline;

import static dev.relay.pipeline.PipelineFixture.BOSS;
import static dev.relay.pipeline.PipelineFixture.LI;
import static dev.relay.pipeline.PipelineFixture.WANG;
import static dev.relay.pipeline.PipelineFixture.ZHANG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relay.common.ErrorCode;
import dev.relay.common.RuleViolationException;
import dev.relay.common.TeamId;
import dev.relay.org.Team;
import dev.relay.pipeline.PipelineEvent.ApprovalGranted;
import dev.relay.pipeline.PipelineEvent.ApprovalRejected;
import dev.relay.pipeline.PipelineEvent.ApprovalRequested;
import dev.relay.pipeline.PipelineEvent.GateBlocked;
import dev.relay.pipeline.StageMove.Blocked;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApprovalTest {
  private final PipelineFixture f = new PipelineFixture();

  /** A deal in {@code quote} with a 20% discount whose first exit attempt requested the manager's approval. */
  private Blocked blockedForDiscount() {
    Deal deal = f.inQuote(20);
    return assertInstanceOf(Blocked.class, f.service.advance(deal.id(), LI));
  }

  @Test
  void approvalRequiredForDiscountAboveFifteenPercentGoesToOwnersManager() {
    Deal deal = f.inQuote(20);

    Blocked blocked = assertInstanceOf(Blocked.class, f.service.advance(deal.id(), LI));

    assertEquals(ErrorCode.APPROVAL_REQUIRED, blocked.code());
    assertEquals(1, blocked.pendingApprovals().size());
    Approval request = blocked.pendingApprovals().get(0);
    assertEquals(Approval.pending(request.id(), "quote", deal.currentVisit(), "big_discount", WANG, LI,
        f.clock.instant(), Map.of("discount_pct", new BigDecimal("20"))), request);
    assertEquals("pipeline.stages[3].approvals[0]", blocked.reasons().get(0).rule());
    assertTrue(blocked.reasons().get(0).message().contains("wang"), blocked.reasons().toString());
    Deal stored = f.service.get(deal.id());
    assertEquals("quote", stored.stage());
    assertEquals(deal.version() + 1, stored.version());
    assertEquals(List.of(request), stored.approvals());
    assertEquals(WANG, f.events.events(ApprovalRequested.class).get(0).approver());
    assertEquals(ErrorCode.APPROVAL_REQUIRED, f.events.events(GateBlocked.class).get(0).code());

    // Asking again waits for the same request instead of filing another.
    Blocked again = assertInstanceOf(Blocked.class, f.service.advance(deal.id(), LI));
    assertEquals(List.of(request), again.pendingApprovals());
    assertEquals(stored, f.service.get(deal.id()));

    // At exactly 15% the rule does not apply.
    Deal modest = f.inQuote(15);
    assertTrue(f.service.advance(modest.id(), LI).isMoved());
  }

  @Test
  void approvedDealAdvances() {
    Blocked blocked = blockedForDiscount();
    Approval request = blocked.pendingApprovals().get(0);

    Deal approved = f.service.approve(blocked.deal().id(), request.id(), WANG, "同意，战略客户");

    Approval decided = approved.approval(request.id()).orElseThrow();
    assertEquals(ApprovalStatus.APPROVED, decided.status());
    assertEquals(WANG, decided.decidedBy());
    assertEquals("同意，战略客户", decided.note());
    assertEquals(1, f.events.events(ApprovalGranted.class).size());
    StageMove moved = f.service.advance(blocked.deal().id(), LI);
    assertEquals("contract", moved.orThrow().deal().stage());
  }

  @Test
  void rejectedApprovalKeepsDealBlocked() {
    Blocked blocked = blockedForDiscount();
    Approval request = blocked.pendingApprovals().get(0);

    f.service.reject(blocked.deal().id(), request.id(), WANG, "折扣太高");
    Blocked still = assertInstanceOf(Blocked.class, f.service.advance(blocked.deal().id(), LI));

    assertEquals(ErrorCode.APPROVAL_REQUIRED, still.code());
    assertEquals(List.of(), still.pendingApprovals());
    assertTrue(still.reasons().get(0).message().contains("rejected by wang: 折扣太高"), still.reasons().toString());
    assertEquals(1, f.service.get(blocked.deal().id()).approvals().size());
    assertEquals(1, f.events.events(ApprovalRejected.class).size());

    // A smaller discount no longer needs the approval.
    f.service.updateFields(blocked.deal().id(), LI, Map.of("discount_pct", 10));
    assertTrue(f.service.advance(blocked.deal().id(), LI).isMoved());
  }

  @Test
  void onlyTheApproverOrAboveMayApprove() {
    Blocked blocked = blockedForDiscount();
    Approval request = blocked.pendingApprovals().get(0);
    var id = blocked.deal().id();

    RuleViolationException peer = assertThrows(RuleViolationException.class,
        () -> f.service.approve(id, request.id(), ZHANG));
    assertEquals(ErrorCode.FORBIDDEN, peer.code());
    assertEquals(ErrorCode.FORBIDDEN, assertThrows(RuleViolationException.class,
        () -> f.service.approve(id, request.id(), LI)).code());

    Deal approved = f.service.approve(id, request.id(), BOSS);

    assertEquals(BOSS, approved.approval(request.id()).orElseThrow().decidedBy());
    // Approving again changes nothing; reversing a decision is not possible.
    assertEquals(approved, f.service.approve(id, request.id(), WANG));
    assertEquals(ErrorCode.INVALID_TRANSITION, assertThrows(RuleViolationException.class,
        () -> f.service.reject(id, request.id(), WANG)).code());
  }

  @Test
  void approvalVoidAfterLeavingAndReenteringStage() {
    Blocked blocked = blockedForDiscount();
    var id = blocked.deal().id();
    Approval first = blocked.pendingApprovals().get(0);
    f.service.approve(id, first.id(), WANG);

    f.service.moveBack(id, "demo", LI).orThrow();
    f.service.advance(id, LI).orThrow();
    Blocked again = assertInstanceOf(Blocked.class, f.service.advance(id, LI));

    Approval second = again.pendingApprovals().get(0);
    assertNotEquals(first.id(), second.id());
    assertEquals(again.deal().currentVisit(), second.visit());
    assertEquals(List.of(second), again.deal().currentApprovals());

    // A request left pending when the deal moved away can no longer be decided.
    f.service.moveBack(id, "demo", LI).orThrow();
    f.service.advance(id, LI).orThrow();
    RuleViolationException stale = assertThrows(RuleViolationException.class,
        () -> f.service.approve(id, second.id(), WANG));
    assertEquals(ErrorCode.INVALID_TRANSITION, stale.code());
  }

  @Test
  void approvalCoversOnlyTheValuesItWasAskedAbout() {
    Blocked blocked = blockedForDiscount();
    var id = blocked.deal().id();
    Approval first = blocked.pendingApprovals().get(0);
    f.service.approve(id, first.id(), WANG, "20% is fine");

    // The rep raises the discount after the manager said yes to 20%: the yes does not stretch to 30%.
    f.service.updateFields(id, LI, Map.of("discount_pct", 30));
    Blocked again = assertInstanceOf(Blocked.class, f.service.advance(id, LI));

    assertEquals(ErrorCode.APPROVAL_REQUIRED, again.code());
    Approval second = again.pendingApprovals().get(0);
    assertNotEquals(first.id(), second.id());
    assertEquals(Map.of("discount_pct", new BigDecimal("30")), second.basis());
    f.service.approve(id, second.id(), WANG, "30% for the framework deal");
    assertTrue(f.service.advance(id, LI).isMoved());
  }

  @Test
  void aRejectionStopsBlockingOnceTheDealIsRevisedAndANewRequestIsFiled() {
    Blocked blocked = blockedForDiscount();
    var id = blocked.deal().id();
    f.service.reject(id, blocked.pendingApprovals().get(0).id(), WANG, "20% is too much");

    f.service.updateFields(id, LI, Map.of("discount_pct", 17));
    Blocked revised = assertInstanceOf(Blocked.class, f.service.advance(id, LI));

    assertEquals(1, revised.pendingApprovals().size());
    assertEquals(Map.of("discount_pct", new BigDecimal("17")), revised.pendingApprovals().get(0).basis());
  }

  @Test
  void aPendingRequestForValuesTheDealNoLongerHasCannotBeDecided() {
    Blocked blocked = blockedForDiscount();
    var id = blocked.deal().id();
    Approval request = blocked.pendingApprovals().get(0);
    f.service.updateFields(id, LI, Map.of("discount_pct", 25));

    RuleViolationException stale = assertThrows(RuleViolationException.class,
        () -> f.service.approve(id, request.id(), WANG));

    assertEquals(ErrorCode.INVALID_TRANSITION, stale.code());
    assertTrue(stale.getMessage().contains("discount_pct changed"), stale.getMessage());
  }

  @Test
  void approvalWithoutAnyoneToGiveItExplainsTheGap() {
    Deal deal = f.inQuote(20);
    // Team east loses its manager and its place under hq: li has nobody above.
    f.org.saveTeam(new Team(TeamId.of(PipelineFixture.TENANT, "east"), "East", null, null));

    Blocked blocked = assertInstanceOf(Blocked.class, f.service.advance(deal.id(), LI));

    assertEquals(List.of(), blocked.pendingApprovals());
    assertEquals("pipeline.stages[3].approvals[0].approver", blocked.reasons().get(0).rule());
    assertTrue(blocked.reasons().get(0).message().contains("owner's manager"), blocked.reasons().toString());
  }
}
