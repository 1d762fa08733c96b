package dev.relay.pipeline;

import static dev.relay.criteria.Criteria.all;
import static dev.relay.criteria.Criteria.field;

import dev.relay.common.DirectTransactionRunner;
import dev.relay.common.InMemoryEventPublisher;
import dev.relay.common.Money;
import dev.relay.common.RepId;
import dev.relay.common.SequentialIdGenerator;
import dev.relay.common.TeamId;
import dev.relay.common.TenantId;
import dev.relay.fields.EntityKind;
import dev.relay.fields.FieldDefinition;
import dev.relay.fields.FieldType;
import dev.relay.org.InMemoryOrgDirectory;
import dev.relay.org.Rep;
import dev.relay.org.Team;
import dev.relay.playbook.InMemoryPlaybookRepository;
import dev.relay.playbook.Playbook;
import dev.relay.playbook.VersionedPlaybook;
import dev.relay.testkit.ManualClock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;

/**
 * A small sales team of tenant {@code acme} with a B2B pipeline, wired to in-memory ports and a stopped clock. Plain
 * Java, so that Jupiter tests and jqwik properties can both build one per test or try.
 *
 * <p>Pipeline {@code lead → qualify → demo (skippable) → quote → contract (won) → payment → after_sales}: leaving
 * {@code qualify} needs a budget and a decision maker, leaving {@code quote} needs a quote number and, above 15%
 * discount, the owner's manager's approval. Organisation: {@code boss} manages {@code hq}; {@code wang} manages team {@code east} with
 * reps {@code li} and {@code zhang}; {@code zhao} is sales ops and {@code chen} finance.
 */
final class PipelineFixture {
  static final TenantId TENANT = TenantId.of("acme");
  static final RepId BOSS = rep("boss");
  static final RepId WANG = rep("wang");
  static final RepId LI = rep("li");
  static final RepId ZHANG = rep("zhang");
  static final RepId ZHAO = rep("zhao");
  static final RepId CHEN = rep("chen");

  final ManualClock clock = ManualClock.at("2026-03-02T01:00:00Z");
  final InMemoryDealRepository deals = new InMemoryDealRepository();
  final InMemoryPlaybookRepository playbooks = new InMemoryPlaybookRepository();
  final InMemoryOrgDirectory org = new InMemoryOrgDirectory();
  final InMemoryEventPublisher events = new InMemoryEventPublisher();
  final PipelineService service;
  final SlaMonitor sla;
  final VersionedPlaybook firstVersion;

  PipelineFixture() {
    this(pipeline().build());
  }

  PipelineFixture(PipelineDefinition pipeline) {
    this(playbook(pipeline));
  }

  /** A fixture on the tenant's first playbook {@code playbook} (its own fields and pipeline). */
  PipelineFixture(Playbook playbook) {
    TeamId hq = TeamId.of(TENANT, "hq");
    TeamId east = TeamId.of(TENANT, "east");
    TeamId ops = TeamId.of(TENANT, "ops");
    org.saveTeam(new Team(hq, "总部 HQ", null, BOSS));
    org.saveTeam(new Team(east, "华东 East", hq, WANG));
    org.saveTeam(new Team(ops, "运营 Ops", hq, null));
    org.saveRep(Rep.of(BOSS, "Boss", hq, "sales_manager"));
    org.saveRep(Rep.of(WANG, "Wang", east, "sales_manager"));
    org.saveRep(Rep.of(LI, "Li", east, "sales_rep"));
    org.saveRep(Rep.of(ZHANG, "Zhang", east, "sales_rep"));
    org.saveRep(Rep.of(ZHAO, "Zhao", ops, "sales_ops"));
    org.saveRep(Rep.of(CHEN, "Chen", hq, "finance"));
    firstVersion = playbooks.save(TENANT, playbook, clock.instant());
    service = new PipelineService(deals, playbooks, org, events, new SequentialIdGenerator(),
        new DirectTransactionRunner(), clock);
    sla = new SlaMonitor(deals, playbooks, events, new DirectTransactionRunner(), clock);
  }

  static RepId rep(String id) {
    return RepId.of(TENANT, id);
  }

  static Playbook playbook(PipelineDefinition pipeline) {
    return playbookBuilder(pipeline).build();
  }

  /** The fixture's playbook before it is built, for tests that add fields or sections. */
  static Playbook.Builder playbookBuilder(PipelineDefinition pipeline) {
    return Playbook.builder()
        .name("Acme B2B")
        .zone(ZoneId.of("Asia/Shanghai"))
        .currency("CNY")
        .roles("sales_rep", "sales_manager", "sales_ops", "finance")
        .customField(EntityKind.DEAL, FieldDefinition.custom("budget", FieldType.DECIMAL).withLabel("预算 Budget"))
        .customField(EntityKind.DEAL,
            FieldDefinition.custom("discount_pct", FieldType.DECIMAL).withLabel("折扣 Discount %"))
        .customField(EntityKind.DEAL,
            FieldDefinition.custom("decision_maker", FieldType.STRING).withLabel("决策人 Decision maker"))
        .customField(EntityKind.DEAL, FieldDefinition.custom("quote_no", FieldType.STRING).withLabel("报价单号 Quote no."))
        .pipeline(pipeline);
  }

  /** The B2B pipeline; tests change one thing on it (e.g. the back-move policy) before building. */
  static PipelineDefinition.Builder pipeline() {
    return pipeline(StageDefinition.builder("demo", "产品演示 Demo", 40).skippable(true).sla(Duration.ofDays(3)));
  }

  /** The B2B pipeline with another {@code demo} stage. */
  static PipelineDefinition.Builder pipeline(StageDefinition.Builder demo) {
    return PipelineDefinition.builder("b2b", "B2B 直销")
        .stage(StageDefinition.builder("lead", "线索 Lead", 10).sla(Duration.ofHours(24)))
        .stage(StageDefinition.builder("qualify", "需求确认 Qualify", 20)
            .gate(all(field("budget").isSet(), field("decision_maker").isSet())))
        .stage(demo)
        .stage(StageDefinition.builder("quote", "方案报价 Quote", 60)
            .gate(all(field("quote_no").isSet()))
            .approval("big_discount", "折扣超15% Discount above 15%", all(field("discount_pct").gt(15)),
                Approver.ownersManager()))
        .stage(StageDefinition.builder("contract", "签约 Contract", 100).responsible("sales_ops"))
        .stage(StageDefinition.builder("payment", "回款 Payment", 100).responsible("finance")
            .sla(Duration.ofDays(30)))
        .stage(StageDefinition.builder("after_sales", "售后 After-sales", 100))
        .wonStage("contract")
        .lostReason("price", "价格过高 Price too high")
        .lostReason("competitor", "选择竞品 Chose a competitor")
        .lostReason("no_decision", "无决策 No decision")
        .lostReason(new LostReason("other", "其他 Other", true));
  }

  /** A new deal of {@code li} in {@code lead}, with the given custom fields. */
  Deal create(Map<String, ?> fields) {
    return service.create(TENANT, NewDeal.of("ACME ERP 升级", LI, Money.of(120_000, "CNY")).withFields(fields));
  }

  /** A new deal that passes every gate up to the quote, with the given discount. */
  Deal createReady(int discountPct) {
    return create(Map.of("budget", 150_000, "decision_maker", "CFO Zhou", "quote_no", "Q-2026-001",
        "discount_pct", discountPct));
  }

  /** A ready deal advanced to {@code quote}. */
  Deal inQuote(int discountPct) {
    Deal deal = createReady(discountPct);
    for (int i = 0; i < 3; i++) {
      service.advance(deal.id(), LI).orThrow();
    }
    return service.get(deal.id());
  }
}
