package dev.relay.pipeline;

import static dev.relay.criteria.Criteria.all;
import static dev.relay.criteria.Criteria.field;
import static dev.relay.pipeline.PipelineFixture.CHEN;
import static dev.relay.pipeline.PipelineFixture.LI;
import static dev.relay.pipeline.PipelineFixture.TENANT;
import static dev.relay.pipeline.PipelineFixture.WANG;
import static dev.relay.pipeline.PipelineFixture.ZHANG;
import static dev.relay.pipeline.PipelineFixture.ZHAO;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relay.common.AccountId;
import dev.relay.common.DealId;
import dev.relay.common.ErrorCode;
import dev.relay.common.Money;
import dev.relay.common.NotFoundException;
import dev.relay.common.Problem;
import dev.relay.common.Reason;
import dev.relay.common.RepId;
import dev.relay.common.RuleViolationException;
import dev.relay.common.TenantId;
import dev.relay.common.ValidationException;
import dev.relay.pipeline.StageMove.Blocked;
import dev.relay.pipeline.StageMove.Moved;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DealLifecycleTest {
  private final PipelineFixture f = new PipelineFixture();

  @Test
  void dealIsCreatedInFirstStageWithResponsibleOwner() {
    Instant now = f.clock.instant();

    Deal deal = f.create(Map.of("budget", 150_000));

    assertEquals("lead", deal.stage());
    assertEquals(DealStatus.OPEN, deal.status());
    assertEquals(LI, deal.owner());
    assertEquals(LI, deal.responsible());
    assertEquals(1, deal.version());
    assertEquals(List.of(new StageTransition(null, "lead", TransitionKind.CREATED, LI, now, 1, null)), deal.history());
    assertEquals(now, deal.stageEnteredAt());
    assertEquals(new BigDecimal("150000"), deal.fields().get("budget"));
    // Built-in fields mirror the deal, so criteria can read them.
    assertEquals("lead", deal.fields().get(DealFields.STAGE));
    assertEquals("open", deal.fields().get(DealFields.STATUS));
    assertEquals(10L, deal.fields().get(DealFields.PROBABILITY));
    assertEquals(new BigDecimal("120000"), deal.fields().get(DealFields.AMOUNT));
    assertEquals("li", deal.fields().get(DealFields.OWNER));
    assertEquals(deal, f.service.get(deal.id()));
  }

  @Test
  void advancingMovesToNextStageAndRecordsHistoryWithPlaybookVersion() {
    Deal deal = f.createReady(0);
    Instant later = f.clock.advance(Duration.ofHours(2));

    Moved moved = f.service.advance(deal.id(), LI, "首次沟通完成").orThrow();

    assertEquals(new StageTransition("lead", "qualify", TransitionKind.ADVANCED, LI, later, 1, "首次沟通完成"),
        moved.transition());
    assertEquals("qualify", moved.deal().stage());
    assertEquals(2, moved.deal().version());
    assertEquals(later, moved.deal().stageEnteredAt());
    assertEquals(20L, moved.deal().fields().get(DealFields.PROBABILITY));
    assertEquals(moved.deal(), f.service.get(deal.id()));

    // A new playbook version rules the next move, and the deal's values are carried over to its schema.
    f.playbooks.save(TENANT, PipelineFixture.playbook(PipelineFixture.pipeline()
        .backMoves(BackMovePolicy.ANY).build()), f.clock.instant());
    Moved next = f.service.advance(deal.id(), LI).orThrow();

    assertEquals(2, next.transition().playbookVersion());
    assertEquals(2, next.deal().playbookVersion());
    assertEquals("CFO Zhou", next.deal().fields().get("decision_maker"));
    assertEquals(List.of(1, 1, 2), next.deal().history().stream().map(StageTransition::playbookVersion).toList());
  }

  @Test
  void gateBlocksExitWhenRequiredFieldMissing() {
    Deal deal = f.create(Map.of("budget", 150_000));
    f.service.advance(deal.id(), LI).orThrow();

    StageMove move = f.service.advance(deal.id(), LI);

    Blocked blocked = assertInstanceOf(Blocked.class, move);
    assertEquals(ErrorCode.GATE_NOT_SATISFIED, blocked.code());
    assertEquals(1, blocked.reasons().size(), blocked.reasons().toString());
    Reason reason = blocked.reasons().get(0);
    assertTrue(reason.rule().startsWith("pipeline.stages[1].gate"), reason.rule());
    assertTrue(reason.message().contains("decision_maker"), reason.message());
    Deal unchanged = f.service.get(deal.id());
    assertEquals("qualify", unchanged.stage());
    assertEquals(2, unchanged.version());
    RuleViolationException thrown = assertThrows(RuleViolationException.class, move::orThrow);
    assertEquals(ErrorCode.GATE_NOT_SATISFIED, thrown.code());
    assertEquals(reason.rule(), thrown.problems().get(0).path());

    f.service.updateFields(deal.id(), LI, Map.of("decision_maker", "CFO Zhou"));
    assertTrue(f.service.advance(deal.id(), LI).isMoved());
  }

  @Test
  void skipOnlyOverSkippableStages() {
    Deal deal = f.createReady(0);
    f.service.advance(deal.id(), LI).orThrow();

    Moved skipped = f.service.advanceTo(deal.id(), "quote", LI).orThrow();

    assertEquals(TransitionKind.SKIPPED, skipped.transition().kind());
    assertEquals("qualify", skipped.transition().from());
    assertEquals("quote", skipped.deal().stage());

    Deal fresh = f.createReady(0);
    Blocked overQualify = assertInstanceOf(Blocked.class, f.service.advanceTo(fresh.id(), "demo", LI));
    assertEquals(ErrorCode.INVALID_TRANSITION, overQualify.code());
    assertEquals(List.of("pipeline.stages[1].skippable"), overQualify.reasons().stream().map(Reason::rule).toList());
    assertEquals(fresh, f.service.get(fresh.id()));
  }

  @Test
  void skippedStagesMustLetTheDealThroughToo() {
    PipelineFixture gated = new PipelineFixture(PipelineFixture.pipeline(
        StageDefinition.builder("demo", "Demo", 40).skippable(true).gate(all(field("budget").gt(100_000)))).build());
    Deal deal = gated.create(Map.of("budget", 50_000, "decision_maker", "CFO Zhou"));
    gated.service.advance(deal.id(), LI).orThrow();

    Blocked blocked = assertInstanceOf(Blocked.class, gated.service.advanceTo(deal.id(), "quote", LI));

    assertEquals(ErrorCode.GATE_NOT_SATISFIED, blocked.code());
    assertTrue(blocked.reasons().get(0).rule().startsWith("pipeline.stages[2].gate"), blocked.reasons().toString());
    gated.service.updateFields(deal.id(), LI, Map.of("budget", 150_000));
    assertTrue(gated.service.advanceTo(deal.id(), "quote", LI).isMoved());
  }

  @Test
  void backMoveFollowsPolicy() {
    // PREVIOUS: one stage back only, no gate asked.
    Deal deal = f.inQuote(0);
    Blocked twoBack = assertInstanceOf(Blocked.class, f.service.moveBack(deal.id(), "qualify", LI));
    assertEquals(ErrorCode.INVALID_TRANSITION, twoBack.code());
    assertEquals("pipeline.back_moves", twoBack.reasons().get(0).rule());
    Moved oneBack = f.service.moveBack(deal.id(), "demo", LI, "客户要求再演示").orThrow();
    assertEquals(new StageTransition("quote", "demo", TransitionKind.MOVED_BACK, LI, f.clock.instant(), 1,
        "客户要求再演示"), oneBack.transition());
    assertEquals(ErrorCode.INVALID_TRANSITION,
        assertInstanceOf(Blocked.class, f.service.moveBack(deal.id(), "quote", LI)).code());

    // NONE: never.
    PipelineFixture none = new PipelineFixture(PipelineFixture.pipeline().backMoves(BackMovePolicy.NONE).build());
    Deal stuck = none.createReady(0);
    none.service.advance(stuck.id(), LI).orThrow();
    assertEquals(ErrorCode.INVALID_TRANSITION,
        assertInstanceOf(Blocked.class, none.service.moveBack(stuck.id(), "lead", LI)).code());

    // ANY: to any earlier stage.
    PipelineFixture any = new PipelineFixture(PipelineFixture.pipeline().backMoves(BackMovePolicy.ANY).build());
    Deal free = any.inQuote(0);
    assertEquals("lead", any.service.moveBack(free.id(), "lead", LI).orThrow().deal().stage());
  }

  @Test
  void markLostRequiresConfiguredReason() {
    Deal deal = f.createReady(0);

    Blocked unknown = assertInstanceOf(Blocked.class, f.service.markLost(deal.id(), LI, "weather"));
    assertEquals(ErrorCode.INVALID_TRANSITION, unknown.code());
    assertEquals("pipeline.lost_reasons", unknown.reasons().get(0).rule());
    assertTrue(unknown.reasons().get(0).message().contains("price"), unknown.reasons().toString());
    assertEquals(deal, f.service.get(deal.id()));

    Moved lost = f.service.markLost(deal.id(), LI, "price").orThrow();

    assertEquals(DealStatus.LOST, lost.deal().status());
    assertEquals("price", lost.deal().lostReason());
    assertEquals(new StageTransition("lead", "lead", TransitionKind.LOST, LI, f.clock.instant(), 1, null),
        lost.transition());
    assertEquals("lost", lost.deal().fields().get(DealFields.STATUS));
    assertEquals(0L, lost.deal().fields().get(DealFields.PROBABILITY));
    assertEquals(ErrorCode.INVALID_TRANSITION,
        assertInstanceOf(Blocked.class, f.service.advance(deal.id(), LI)).code());
    assertEquals(ErrorCode.INVALID_TRANSITION,
        assertInstanceOf(Blocked.class, f.service.markLost(deal.id(), LI, "price")).code());
  }

  @Test
  void lostReasonOtherRequiresNote() {
    Deal deal = f.createReady(0);

    Blocked withoutNote = assertInstanceOf(Blocked.class, f.service.markLost(deal.id(), LI, "other"));
    assertEquals("pipeline.lost_reasons[3].requires_note", withoutNote.reasons().get(0).rule());
    assertInstanceOf(Blocked.class, f.service.markLost(deal.id(), LI, "other", "   "));

    Moved lost = f.service.markLost(deal.id(), LI, "other", "客户公司被收购").orThrow();

    assertEquals("other", lost.deal().lostReason());
    assertEquals("客户公司被收购", lost.deal().lostNote());
    assertEquals("客户公司被收购", lost.transition().note());
  }

  @Test
  void wonStageEntryMarksDealWonAndPostSaleStagesContinue() {
    Deal deal = f.inQuote(0);

    Moved won = f.service.advance(deal.id(), LI).orThrow();

    assertEquals(TransitionKind.WON, won.transition().kind());
    assertEquals("contract", won.deal().stage());
    assertEquals(DealStatus.WON, won.deal().status());
    assertEquals("won", won.deal().fields().get(DealFields.STATUS));
    Moved payment = f.service.advance(deal.id(), ZHAO).orThrow();
    assertEquals(TransitionKind.ADVANCED, payment.transition().kind());
    assertEquals(DealStatus.WON, payment.deal().status());
    assertEquals(CHEN, payment.deal().responsible());
    Moved afterSales = f.service.advance(deal.id(), CHEN).orThrow();
    assertEquals("after_sales", afterSales.deal().stage());
    assertEquals(ErrorCode.INVALID_TRANSITION, assertInstanceOf(Blocked.class,
        f.service.advance(deal.id(), LI)).code());
    assertEquals(ErrorCode.INVALID_TRANSITION, assertInstanceOf(Blocked.class,
        f.service.markLost(deal.id(), LI, "price")).code());
    // Back moves stay among the post-sale stages.
    assertEquals("payment", f.service.moveBack(deal.id(), "payment", LI).orThrow().deal().stage());
    assertEquals("contract", f.service.moveBack(deal.id(), "contract", LI).orThrow().deal().stage());
    assertEquals(ErrorCode.INVALID_TRANSITION, assertInstanceOf(Blocked.class,
        f.service.moveBack(deal.id(), "quote", LI)).code());
  }

  @Test
  void markWonEntersTheWonStageThroughTheGatesOfTheStagesLeft() {
    Deal deal = f.inQuote(0);
    f.service.updateFields(deal.id(), LI, Collections.singletonMap("quote_no", null));

    Blocked blocked = assertInstanceOf(Blocked.class, f.service.markWon(deal.id(), LI));
    assertEquals(ErrorCode.GATE_NOT_SATISFIED, blocked.code());

    f.service.updateFields(deal.id(), LI, Map.of("quote_no", "Q-7"));
    Moved won = f.service.markWon(deal.id(), LI).orThrow();
    assertEquals(new StageTransition("quote", "contract", TransitionKind.WON, LI, f.clock.instant(), 1, null),
        won.transition());

    Deal early = f.createReady(0);
    assertEquals(ErrorCode.INVALID_TRANSITION, assertInstanceOf(Blocked.class,
        f.service.markWon(early.id(), LI)).code());
  }

  @Test
  void markWonWithoutWonStageClosesTheDealWhereItStands() {
    PipelineFixture simple = new PipelineFixture(PipelineDefinition.builder("simple", "Simple")
        .stage(StageDefinition.builder("lead", "Lead", 10))
        .stage(StageDefinition.builder("quote", "Quote", 60).gate(all(field("quote_no").isSet())))
        .stage(StageDefinition.builder("negotiation", "Negotiation", 80))
        .lostReason("price", "Price")
        .build());
    Deal deal = simple.create(Map.of());
    simple.service.advance(deal.id(), LI).orThrow();
    assertEquals(ErrorCode.GATE_NOT_SATISFIED, assertInstanceOf(Blocked.class,
        simple.service.markWon(deal.id(), LI)).code());
    simple.service.updateFields(deal.id(), LI, Map.of("quote_no", "Q-1"));

    Moved won = simple.service.markWon(deal.id(), LI).orThrow();

    assertEquals(new StageTransition("quote", "quote", TransitionKind.WON, LI, simple.clock.instant(), 1, null),
        won.transition());
    assertEquals(DealStatus.WON, won.deal().status());
    assertEquals(100L, won.deal().fields().get(DealFields.PROBABILITY));
    assertEquals(ErrorCode.INVALID_TRANSITION, assertInstanceOf(Blocked.class,
        simple.service.advance(deal.id(), LI)).code());
  }

  @Test
  void reopenReturnsLostDealToItsStage() {
    Deal deal = f.inQuote(0);
    f.service.markLost(deal.id(), LI, "competitor").orThrow();
    Instant reopenedAt = f.clock.advance(Duration.ofDays(10));

    Moved reopened = f.service.reopen(deal.id(), WANG).orThrow();

    assertEquals(new StageTransition("quote", "quote", TransitionKind.REOPENED, WANG, reopenedAt, 1, null),
        reopened.transition());
    assertEquals(DealStatus.OPEN, reopened.deal().status());
    assertNull(reopened.deal().lostReason());
    assertEquals(reopenedAt, reopened.deal().stageEnteredAt());
    assertEquals(ErrorCode.INVALID_TRANSITION, assertInstanceOf(Blocked.class,
        f.service.reopen(deal.id(), WANG)).code());

    f.service.markLost(deal.id(), LI, "price").orThrow();
    assertEquals(ErrorCode.INVALID_TRANSITION, assertInstanceOf(Blocked.class,
        f.service.reopen(deal.id(), WANG, "contract")).code());
    assertEquals("qualify", f.service.reopen(deal.id(), WANG, "qualify").orThrow().deal().stage());
  }

  @Test
  void responsibleRoleResolvesToSalesOpsForContractStage() {
    Deal deal = f.inQuote(0);

    Moved moved = f.service.advance(deal.id(), LI).orThrow();

    assertEquals(ZHAO, moved.deal().responsible());
    assertEquals(LI, moved.deal().owner());
    Reason why = moved.trace().get(0);
    assertEquals("pipeline.stages[4].responsible", why.rule());
    assertTrue(why.message().contains("zhao") && why.message().contains("sales_ops"), why.message());
  }

  @Test
  void ownerStaysResponsibleWhenNobodyHoldsTheStageRole() {
    Deal deal = f.inQuote(0);
    f.service.advance(deal.id(), LI).orThrow();
    f.org.saveRep(f.org.rep(CHEN).orElseThrow().withActive(false));

    Moved moved = f.service.advance(deal.id(), LI).orThrow();

    assertEquals(LI, moved.deal().responsible());
    assertTrue(moved.trace().get(0).message().contains("finance"), moved.trace().toString());
  }

  @Test
  void badCustomFieldValueIsRejectedAndNothingChanges() {
    Deal deal = f.createReady(0);
    int eventsBefore = f.events.events().size();

    ValidationException bad = assertThrows(ValidationException.class,
        () -> f.service.updateFields(deal.id(), LI, Map.of("budget", "lots", "discount_pct", 10)));
    assertEquals(List.of("fields.budget"), bad.problems().stream().map(Problem::path).toList());
    ValidationException unknown = assertThrows(ValidationException.class,
        () -> f.service.updateFields(deal.id(), LI, Map.of("budgt", 1)));
    assertTrue(unknown.problems().get(0).message().contains("budget"), unknown.getMessage());
    assertThrows(ValidationException.class, () -> f.service.updateFields(deal.id(), LI, Map.of("stage", "quote")));

    assertEquals(deal, f.service.get(deal.id()));
    assertEquals(eventsBefore, f.events.events().size());

    ValidationException badNew = assertThrows(ValidationException.class, () -> f.service.create(TENANT,
        NewDeal.of(" ", LI, Money.of(1, "CNY")).withFields(Map.of("discount_pct", true))));
    assertEquals(List.of("name", "fields.discount_pct"), badNew.problems().stream().map(Problem::path).toList());
    assertEquals(1, f.deals.findAll(TENANT).size());
  }

  @Test
  void misuseThrowsWhileRuleRefusalsAreResults() {
    DealId missing = DealId.of(TENANT, "D-404");
    assertThrows(NotFoundException.class, () -> f.service.advance(missing, LI));
    Deal deal = f.createReady(0);
    ValidationException unknownStage = assertThrows(ValidationException.class,
        () -> f.service.advanceTo(deal.id(), "negotiation", LI));
    assertEquals("targetStage", unknownStage.problems().get(0).path());
    RepId stranger = RepId.of(TenantId.of("other"), "li");
    assertThrows(ValidationException.class, () -> f.service.advance(deal.id(), stranger));
    assertThrows(NotFoundException.class, () -> f.service.approve(deal.id(), "A-404", WANG));
    assertEquals(deal, f.service.get(deal.id()));
  }

  @Test
  void collaboratorsAreAddedOncePerRep() {
    Deal deal = f.createReady(0);

    Deal withPresales = f.service.addCollaborator(deal.id(), LI, ZHAO, "presales");
    Deal again = f.service.addCollaborator(deal.id(), LI, ZHAO, "presales");
    Deal renamed = f.service.addCollaborator(deal.id(), LI, ZHAO, "solution");

    assertEquals(List.of(new Collaborator(ZHAO, "presales")), withPresales.collaborators());
    assertEquals(withPresales.version(), again.version());
    assertEquals(List.of(new Collaborator(ZHAO, "solution")), renamed.collaborators());
    assertThrows(ValidationException.class, () -> f.service.addCollaborator(deal.id(), LI, ZHAO, " "));
  }

  @Test
  void amountAndNameChangesAreCheckedAndCriteriaReadTheNewAmount() {
    Deal deal = f.createReady(0);

    Deal revised = f.service.changeAmount(deal.id(), LI, Money.of("98000.50", "CNY"));
    Deal renamed = f.service.rename(deal.id(), LI, "  ERP rollout 二期 ");

    assertEquals(Money.of("98000.50", "CNY"), revised.amount());
    assertEquals(new BigDecimal("98000.50"), revised.fields().get(DealFields.AMOUNT));
    assertEquals("ERP rollout 二期", renamed.name());
    assertEquals(deal.version() + 2, renamed.version());
    assertEquals(renamed, f.service.rename(deal.id(), LI, "ERP rollout 二期"));
    assertEquals(List.of("amount"), assertThrows(ValidationException.class,
        () -> f.service.changeAmount(deal.id(), LI, Money.of("1", "USD"))).problems().stream()
        .map(Problem::path).toList());
    assertThrows(ValidationException.class, () -> f.service.changeAmount(deal.id(), LI, Money.of("-1", "CNY")));
    assertThrows(ValidationException.class, () -> f.service.rename(deal.id(), LI, " "));
    assertEquals(renamed, f.service.get(deal.id()));
  }

  @Test
  void openDealsOfAnAccountFollowItsNewOwnerWithTheirResponsiblePeople() {
    AccountId zhenhua = AccountId.of(TENANT, "C-1");
    Deal inLead = f.service.create(TENANT, NewDeal.of("振华 cranes", LI, Money.of(300_000, "CNY")).forAccount(zhenhua));
    Deal lost = f.service.create(TENANT, NewDeal.of("振华 spares", LI, Money.of(20_000, "CNY")).forAccount(zhenhua));
    f.service.markLost(lost.id(), LI, "price").orThrow();
    Deal contract = f.service.create(TENANT, NewDeal.of("振华 service", LI, Money.of(50_000, "CNY"))
        .forAccount(zhenhua).withFields(Map.of("budget", 1, "decision_maker", "CFO", "quote_no", "Q-9")));
    f.service.advance(contract.id(), LI).orThrow();
    f.service.advanceTo(contract.id(), "quote", LI).orThrow();
    f.service.advance(contract.id(), LI).orThrow(); // won: a signed contract stays with whoever won it
    Deal other = f.create(Map.of());

    List<Deal> moved = f.service.reassignOpenDeals(zhenhua, ZHANG, WANG, "Li moved to the north team");

    assertEquals(List.of(inLead.id()), moved.stream().map(Deal::id).toList());
    Deal handed = f.service.get(inLead.id());
    assertEquals(ZHANG, handed.owner());
    assertEquals(ZHANG, handed.responsible());
    assertEquals("zhang", handed.fields().get(DealFields.OWNER));
    assertEquals(LI, f.service.get(lost.id()).owner());
    assertEquals(LI, f.service.get(contract.id()).owner());
    assertEquals(LI, f.service.get(other.id()).owner());
    PipelineEvent.DealOwnerChanged event = f.events.events(PipelineEvent.DealOwnerChanged.class).get(0);
    assertEquals(LI, event.from());
    assertEquals("Li moved to the north team", event.note());
    assertEquals(List.of(), f.service.reassignOpenDeals(zhenhua, ZHANG, WANG, null));
  }

  @Test
  void aDealCannotBeForAnotherTenantsAccount() {
    ValidationException e = assertThrows(ValidationException.class, () -> f.service.create(TENANT,
        NewDeal.of("x", LI, Money.of(1, "CNY")).forAccount(AccountId.of(TenantId.of("globex"), "C-1"))));
    assertEquals("account", e.problems().get(0).path());
  }
}
