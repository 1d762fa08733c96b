package dev.relay.examples.playbooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relay.assignment.AssignmentPolicy;
import dev.relay.assignment.CapacityCap;
import dev.relay.assignment.NoEligibleAction;
import dev.relay.assignment.RepGroup;
import dev.relay.assignment.RoutingRule;
import dev.relay.assignment.SlaClock;
import dev.relay.assignment.Strategy;
import dev.relay.assignment.Target;
import dev.relay.criteria.CompiledCriteria;
import dev.relay.criteria.CriteriaCompiler;
import dev.relay.fields.EntityKind;
import dev.relay.fields.FieldDefinition;
import dev.relay.fields.FieldSchema;
import dev.relay.fields.FieldType;
import dev.relay.fields.FieldValues;
import dev.relay.pipeline.ApprovalRule;
import dev.relay.pipeline.Approver;
import dev.relay.pipeline.LostReason;
import dev.relay.pipeline.PipelineDefinition;
import dev.relay.pipeline.StageDefinition;
import dev.relay.playbook.Playbook;
import dev.relay.playbook.PlaybookJson;
import dev.relay.pool.ClaimRules;
import dev.relay.pool.ConflictPolicy;
import dev.relay.pool.DuplicatePolicy;
import dev.relay.pool.PoolDefinition;
import dev.relay.pool.PoolPolicy;
import dev.relay.pool.RecycleRule;
import dev.relay.pool.RecycleTrigger;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sample playbook of a B2B manufacturing sales team ({@code playbooks/b2b-manufacturing.json}) loads, is valid,
 * says what its authors meant (pipeline, lead assignment, customer pool), and is kept in canonical form.
 */
class B2bManufacturingPlaybookTest {
  private static final String RESOURCE = "/playbooks/b2b-manufacturing.json";
  private static String text;
  private static Playbook playbook;

  @BeforeAll
  static void load() throws IOException {
    try (InputStream in = B2bManufacturingPlaybookTest.class.getResourceAsStream(RESOURCE)) {
      assertNotNull(in, RESOURCE + " is on the classpath");
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    playbook = PlaybookJson.read(text);
  }

  @Test
  void loadsWithEightStagesFromLeadToAfterSales() {
    PipelineDefinition pipeline = playbook.pipeline();
    assertEquals(List.of("lead", "initial_contact", "needs_confirmed", "proposal_quote", "commercial_approval",
        "contract", "payment", "after_sales"), pipeline.stages().stream().map(StageDefinition::key).toList());
    assertEquals("线索 Lead", pipeline.firstStage().label());
    assertEquals("contract", pipeline.wonStage());
    assertEquals(List.of(5, 10, 25, 50, 70, 100, 100, 100),
        pipeline.stages().stream().map(StageDefinition::probability).toList());
  }

  @Test
  void paysEastChinaSalesOnGraduatedTiersWithAnAcceleratorAndAManagerOverride() {
    var plan = playbook.incentives().plan("east_sales").orElseThrow();
    assertEquals(List.of("tiers", "accelerator", "override", "clawback"),
        plan.components().stream().map(dev.relay.incentive.Component::key).toList());
    assertEquals(3, playbook.incentives().targets().entries().size());
  }

  @Test
  void isSetUpForAChineseTeam() {
    assertEquals(ZoneId.of("Asia/Shanghai"), playbook.zone());
    assertEquals("CNY", playbook.currency().getCurrencyCode());
    assertEquals(List.of("sales_rep", "sales_manager", "sales_ops", "finance", "after_sales"), playbook.roles());
  }

  @Test
  void stagesHaveTheirOwnersAndTimeLimits() {
    PipelineDefinition pipeline = playbook.pipeline();
    assertEquals("sales_ops", pipeline.stage("contract").orElseThrow().responsibleRole());
    assertEquals("finance", pipeline.stage("payment").orElseThrow().responsibleRole());
    assertEquals("after_sales", pipeline.stage("after_sales").orElseThrow().responsibleRole());
    assertEquals(StageDefinition.OWNER, pipeline.firstStage().responsibleRole());
    assertEquals(Duration.ofDays(2), pipeline.firstStage().sla());
    assertTrue(pipeline.stages().stream().allMatch(s -> s.maxDwell().isPresent()));
    assertTrue(pipeline.stage("initial_contact").orElseThrow().skippable());
  }

  @Test
  void commercialApprovalAsksTheManagerForBigDiscountsAndFinanceForBigOrders() {
    StageDefinition approval = playbook.pipeline().stage("commercial_approval").orElseThrow();
    List<ApprovalRule> rules = approval.approvals();
    assertEquals(List.of("large_discount", "large_order"), rules.stream().map(ApprovalRule::key).toList());
    assertEquals(Approver.ownersManager(), rules.get(0).approver());
    assertEquals(Approver.role("finance"), rules.get(1).approver());

    FieldSchema schema = playbook.schema(EntityKind.DEAL);
    CompiledCriteria bigDiscount = CriteriaCompiler.compile(rules.get(0).when(), schema, "large_discount");
    CompiledCriteria bigOrder = CriteriaCompiler.compile(rules.get(1).when(), schema, "large_order");
    FieldValues modest = deal(Map.of("amount", new BigDecimal("800000"), "discount_pct", new BigDecimal("10")));
    FieldValues generous = deal(Map.of("amount", new BigDecimal("1200000"), "discount_pct", new BigDecimal("18")));
    assertFalse(bigDiscount.test(modest));
    assertFalse(bigOrder.test(modest));
    assertTrue(bigDiscount.test(generous));
    assertTrue(bigOrder.test(generous));
  }

  @Test
  void needsAreConfirmedOnlyWithBudgetDecisionMakerProductsAndCloseDate() {
    FieldSchema schema = playbook.schema(EntityKind.DEAL);
    CompiledCriteria gate = CriteriaCompiler.compile(
        playbook.pipeline().stage("needs_confirmed").orElseThrow().gate(), schema, "needs_confirmed.gate");
    FieldValues vague = deal(Map.of("budget", new BigDecimal("500000"), "decision_maker", "王总"));
    FieldValues confirmed = deal(Map.of("budget", new BigDecimal("500000"), "decision_maker", "王总",
        "product_lines", List.of("cnc_machines", "spare_parts"), "expected_close", LocalDate.of(2026, 6, 30)));
    assertFalse(gate.test(vague));
    assertTrue(gate.test(confirmed));
  }

  @Test
  void aQuoteNeedsANumberAnAmountAndAtMostFortyPercentOff() {
    FieldSchema schema = playbook.schema(EntityKind.DEAL);
    CompiledCriteria gate = CriteriaCompiler.compile(
        playbook.pipeline().stage("proposal_quote").orElseThrow().gate(), schema, "proposal_quote.gate");
    assertFalse(gate.test(deal(Map.of("amount", new BigDecimal("300000")))));
    assertTrue(gate.test(deal(Map.of("amount", new BigDecimal("300000"), "quote_no", "Q-2026-0042"))));
    assertFalse(gate.test(deal(Map.of("amount", new BigDecimal("300000"), "quote_no", "Q-2026-0042",
        "discount_pct", new BigDecimal("45")))));
  }

  @Test
  void lostReasonsAreBilingualAndOtherNeedsANote() {
    List<LostReason> reasons = playbook.pipeline().lostReasons();
    assertEquals(List.of("price", "competitor", "no_budget", "no_decision", "timing", "other"),
        reasons.stream().map(LostReason::key).toList());
    assertEquals(List.of("other"), reasons.stream().filter(LostReason::requiresNote).map(LostReason::key).toList());
    assertEquals("价格过高 Price too high", reasons.get(0).label());
  }

  @Test
  void accountsHaveARegionAGradeAndAnOpenReceivableButNoCreditCodeField() {
    assertEquals(List.of("region", "grade", "open_receivable"),
        playbook.customFields(EntityKind.ACCOUNT).stream().map(FieldDefinition::name).toList());
    assertEquals(List.of("A", "B", "C", "D"),
        playbook.schema(EntityKind.ACCOUNT).field("grade").orElseThrow().options());
  }

  @Test
  void duplicatesAreRejectedAndConflictsBecomeCollaborationRequests() {
    PoolPolicy pool = playbook.pool();
    assertEquals("CN", pool.defaultRegion());
    assertEquals(DuplicatePolicy.REJECT, pool.duplicates());
    assertEquals(ConflictPolicy.COLLABORATION_REQUEST, pool.conflicts());
    assertTrue(pool.revealOwner());
    assertEquals(Duration.ofDays(30), pool.registrationProtection());
    assertTrue(pool.transferNeedsApproval());
    assertTrue(pool.dealsFollowTransfer());
    assertTrue(pool.tasksFollowTransfer());
  }

  @Test
  void eastChinaAccountsGoToTheEastTeamsPoolAndTheRestToTheNationalPool() {
    List<PoolDefinition> pools = playbook.pool().pools();
    assertEquals(List.of("east", "national"), pools.stream().map(PoolDefinition::key).toList());
    assertEquals(List.of("east"), pools.get(0).memberTeams());
    assertEquals(List.of(), pools.get(1).memberTeams());
    FieldSchema schema = playbook.schema(EntityKind.ACCOUNT);
    CompiledCriteria east = CriteriaCompiler.compile(pools.get(0).accounts(), schema, "east.accounts");
    CompiledCriteria national = CriteriaCompiler.compile(pools.get(1).accounts(), schema, "national.accounts");
    assertTrue(east.test(account(Map.of("region", "east"))));
    assertFalse(east.test(account(Map.of("region", "north"))));
    assertTrue(national.test(account(Map.of("region", "north"))));
  }

  @Test
  void repsClaimAtMostFiveADayAndOwnAtMostThirty() {
    for (PoolDefinition pool : playbook.pool().pools()) {
      assertEquals(new ClaimRules(30, false, 5, 5, Duration.ofDays(30), Duration.ofDays(7)), pool.claim(), pool.key());
    }
  }

  @Test
  void neglectedAccountsReturnSoonerTheLowerTheirGrade() {
    RecycleRule noFollowUp = playbook.pool().pools().get(0).recycle().get(0);
    assertEquals("grade", playbook.pool().gradeField());
    assertEquals(RecycleTrigger.NO_FOLLOW_UP, noFollowUp.trigger());
    assertEquals(List.of(30, 15, 7, 7, 10), List.of(noFollowUp.daysFor("A"), noFollowUp.daysFor("B"),
        noFollowUp.daysFor("C"), noFollowUp.daysFor("D"), noFollowUp.daysFor(null)));
    assertEquals(3, noFollowUp.warnDaysBefore());
    RecycleRule notWon = playbook.pool().pools().get(0).recycle().get(1);
    assertEquals(RecycleTrigger.NOT_WON_AFTER_CLAIM, notWon.trigger());
    assertEquals(90, notWon.daysFor("A"));
    assertEquals(playbook.pool().pools().get(0).recycle(), playbook.pool().pools().get(1).recycle());
  }

  @Test
  void accountsThatStillOweMoneyAreNeverRecycled() {
    for (PoolDefinition pool : playbook.pool().pools()) {
      assertTrue(pool.exempt().locked() && pool.exempt().customers() && pool.exempt().openContracts(), pool.key());
      CompiledCriteria owes = CriteriaCompiler.compile(pool.exempt().when(), playbook.schema(EntityKind.ACCOUNT),
          pool.key() + ".exempt.when");
      assertTrue(owes.test(account(Map.of("open_receivable", new BigDecimal("12000.00")))));
      assertFalse(owes.test(account(Map.of("open_receivable", BigDecimal.ZERO))));
      assertFalse(owes.test(account(Map.of())));
    }
  }

  @Test
  void leadsCarryWhatRoutingReads() {
    List<FieldDefinition> fields = playbook.customFields(EntityKind.LEAD);
    assertEquals(List.of("source", "industry", "region", "grade", "language", "product_interest"),
        fields.stream().map(FieldDefinition::name).toList());
    FieldSchema leads = playbook.schema(EntityKind.LEAD);
    assertEquals(playbook.schema(EntityKind.DEAL).field("industry").orElseThrow().options(),
        leads.field("industry").orElseThrow().options());
    assertEquals(playbook.schema(EntityKind.ACCOUNT).field("region").orElseThrow().options(),
        leads.field("region").orElseThrow().options());
    assertEquals(List.of("A", "B", "C", "D"), leads.field("grade").orElseThrow().options());
    assertEquals(FieldType.ENUM_LIST, leads.field("product_interest").orElseThrow().type());
    assertEquals(playbook.schema(EntityKind.DEAL).field("product_lines").orElseThrow().options(),
        leads.field("product_interest").orElseThrow().options());
  }

  @Test
  void theEastChinaTeamRoutesALeadsTheDistributorsTheTradeShowAndTheRest() {
    AssignmentPolicy assignment = playbook.assignment();
    assertEquals("grade", assignment.gradeField());
    assertEquals(List.of("junior", "regular", "senior"), assignment.seniorityLevels());
    assertTrue(assignment.accountOwnerFirst());
    assertEquals(List.of("a_leads", "distributor_leads", "trade_show_leads"),
        assignment.rules().stream().map(RoutingRule::key).toList());
    assertEquals(List.of(RepGroup.of("key_accounts", "大客户组 Key-account specialists", "wang", "li")
        .withWeight("li", 2)), assignment.groups());
  }

  @Test
  void aLeadsGoToSeniorKeyAccountSpecialistsWithinFifteenMinutes() {
    RoutingRule aLeads = playbook.assignment().rules().get(0);
    assertEquals(Target.group("key_accounts"), aLeads.target());
    assertEquals(Strategy.GRADE_BASED, aLeads.strategy());
    assertEquals(Map.of("A", "senior"), aLeads.minSeniority());
    assertEquals(Duration.ofMinutes(15), aLeads.slaFor("A"));
    assertEquals(Duration.ofHours(24), aLeads.slaFor("B"));
    assertEquals(SlaClock.WALL, aLeads.slaClock());
    assertEquals(NoEligibleAction.ESCALATE, aLeads.whenNoneEligible());
  }

  @Test
  void distributorLeadsStayWithTheRepWhoKnowsTheDistributor() {
    RoutingRule distributors = playbook.assignment().rules().get(1);
    assertEquals(Target.team("east"), distributors.target());
    assertEquals(Strategy.STICKY_OWNER, distributors.strategy());
    assertEquals(NoEligibleAction.FALLBACK, distributors.whenNoneEligible());
    assertEquals("zhang", distributors.fallbackOwner());
  }

  @Test
  void tradeShowLeadsAreSharedOutUnderThreeCapsAndEscalatedWhenEveryoneIsFull() {
    RoutingRule tradeShow = playbook.assignment().rules().get(2);
    assertEquals(Strategy.ROUND_ROBIN, tradeShow.strategy());
    assertEquals(List.of(CapacityCap.openLeads(30), CapacityCap.assignedWithin(Duration.ofHours(1), 5),
        CapacityCap.assignedPerCalendar(Duration.ofDays(1), 20)), tradeShow.caps());
    assertEquals(NoEligibleAction.ESCALATE, tradeShow.whenNoneEligible());
    assertEquals(SlaClock.BUSINESS_HOURS, tradeShow.slaClock());
  }

  @Test
  void everyOtherLeadGoesToTheLeastLoadedEastRepOrElseToZhao() {
    RoutingRule rest = playbook.assignment().defaultRule();
    assertEquals(Target.team("east"), rest.target());
    assertEquals(Strategy.LEAST_LOADED, rest.strategy());
    assertEquals(NoEligibleAction.FALLBACK, rest.whenNoneEligible());
    assertEquals("zhao", rest.fallbackOwner());
    assertEquals(Duration.ofHours(24), rest.firstContactSla());
    assertEquals(SlaClock.BUSINESS_HOURS, rest.slaClock());
  }

  @Test
  void theFirstMatchingRuleWinsSoAGradeATradeShowLeadIsAnALead() {
    assertEquals("a_leads", firstMatch(Map.of("source", "trade_show", "grade", "A")));
    assertEquals("trade_show_leads", firstMatch(Map.of("source", "trade_show", "grade", "B")));
    assertEquals("distributor_leads", firstMatch(Map.of("source", "distributor")));
    assertEquals("east_default", firstMatch(Map.of("source", "website", "language", "en")));
  }

  @Test
  void isKeptInCanonicalForm() {
    assertEquals(text, PlaybookJson.write(playbook), "rewrite the sample with PlaybookJson.write");
  }

  /** The key of the rule that takes a lead with these values: the first whose criteria match, else the default. */
  private static String firstMatch(Map<String, ?> values) {
    FieldSchema schema = playbook.schema(EntityKind.LEAD);
    FieldValues lead = FieldValues.empty(schema).with(values, true);
    for (RoutingRule rule : playbook.assignment().rules()) {
      if (CriteriaCompiler.compile(rule.when(), schema, rule.key()).test(lead)) {
        return rule.key();
      }
    }
    return playbook.assignment().defaultRule().key();
  }

  private static FieldValues deal(Map<String, ?> values) {
    return FieldValues.empty(playbook.schema(EntityKind.DEAL)).with(values, true);
  }

  private static FieldValues account(Map<String, ?> values) {
    return FieldValues.empty(playbook.schema(EntityKind.ACCOUNT)).with(values, true);
  }
}
