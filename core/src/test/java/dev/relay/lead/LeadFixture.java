package dev.relay.lead;

import static dev.relay.criteria.Criteria.field;

import dev.relay.assignment.AssignmentPolicy;
import dev.relay.assignment.InMemoryRepProfiles;
import dev.relay.assignment.InMemoryRoutingState;
import dev.relay.assignment.LeadRouter;
import dev.relay.assignment.RoutingRule;
import dev.relay.assignment.Target;
import dev.relay.common.DirectTransactionRunner;
import dev.relay.common.InMemoryEventPublisher;
import dev.relay.common.LeadId;
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
import dev.relay.pipeline.PipelineDefinition;
import dev.relay.pipeline.StageDefinition;
import dev.relay.playbook.InMemoryPlaybookRepository;
import dev.relay.playbook.Playbook;
import dev.relay.pool.Account;
import dev.relay.pool.InMemoryAccountRepository;
import dev.relay.pool.NewAccount;
import dev.relay.pool.OpenDealHandover;
import dev.relay.pool.OpenTaskHandover;
import dev.relay.pool.PoolService;
import dev.relay.testkit.ManualClock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * A sales organisation of tenant {@code acme} capturing leads, wired to in-memory ports, the real {@link LeadRouter}
 * and a stopped clock (Monday 2026-03-02, 09:00 in Shanghai). Plain Java, so that Jupiter tests and jqwik properties
 * can both build one per test or try.
 *
 * <p>Organisation, all in Shanghai time: {@code boss} manages {@code hq}, where the managers {@code wang} and {@code
 * zhou} and sales ops {@code zhao} sit; {@code wang} manages team {@code east} with reps {@code chen}, {@code li} and
 * {@code zhang}; {@code zhou} manages team {@code north} with rep {@code sun}. Leads have custom fields {@code source},
 * {@code region} (east, north), {@code grade} (A–D) and {@code industry}. The assignment policy is {@link #policy()}
 * unless a test passes its own: rule {@code east} sends east leads round robin to team east with a 4-hour SLA, avoiding
 * the last 2 assignees and escalating after 2 re-routes; the default rule sends the rest to team north within 24 hours.
 */
final class LeadFixture {
  static final TenantId TENANT = TenantId.of("acme");
  static final RepId BOSS = rep("boss");
  static final RepId WANG = rep("wang");
  static final RepId ZHOU = rep("zhou");
  static final RepId ZHAO = rep("zhao");
  static final RepId CHEN = rep("chen");
  static final RepId LI = rep("li");
  static final RepId ZHANG = rep("zhang");
  static final RepId SUN = rep("sun");
  static final List<RepId> EAST = List.of(CHEN, LI, ZHANG);
  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  final ManualClock clock = ManualClock.at("2026-03-02T01:00:00Z");
  final InMemoryLeadRepository leads = new InMemoryLeadRepository();
  final InMemoryAccountRepository accounts = new InMemoryAccountRepository();
  final InMemoryPlaybookRepository playbooks = new InMemoryPlaybookRepository();
  final InMemoryOrgDirectory org = new InMemoryOrgDirectory();
  final InMemoryRepProfiles profiles = new InMemoryRepProfiles();
  final InMemoryRoutingState routingState = new InMemoryRoutingState();
  final InMemoryEventPublisher events = new InMemoryEventPublisher();
  final LeadRouter router;
  final LeadRouting routing;
  final LeadService service;
  final SlaRerouteSweep sweep;
  final PoolService pool;

  LeadFixture() {
    this(policy());
  }

  LeadFixture(AssignmentPolicy.Builder policy) {
    this(policy.build());
  }

  LeadFixture(AssignmentPolicy policy) {
    TeamId hq = TeamId.of(TENANT, "hq");
    TeamId east = TeamId.of(TENANT, "east");
    TeamId north = TeamId.of(TENANT, "north");
    org.saveTeam(new Team(hq, "总部 HQ", null, BOSS));
    org.saveTeam(new Team(east, "华东 East", hq, WANG));
    org.saveTeam(new Team(north, "华北 North", hq, ZHOU));
    save(Rep.of(BOSS, "Boss", hq, "sales_manager"));
    save(Rep.of(WANG, "王经理 Wang", hq, "sales_manager"));
    save(Rep.of(ZHOU, "周经理 Zhou", hq, "sales_manager"));
    save(Rep.of(ZHAO, "赵 Zhao", hq, "sales_ops"));
    save(Rep.of(CHEN, "陈 Chen", east, "sales_rep"));
    save(Rep.of(LI, "李 Li", east, "sales_rep"));
    save(Rep.of(ZHANG, "张 Zhang", east, "sales_rep"));
    save(Rep.of(SUN, "孙 Sun", north, "sales_rep"));
    use(policy);
    router = new LeadRouter(routingState, profiles, org, playbooks, clock);
    routing = LeadRouting.over(router, routingState);
    service = new LeadService(leads, accounts, routing, playbooks, org, profiles, events, new SequentialIdGenerator(),
        new DirectTransactionRunner(), clock);
    sweep = new SlaRerouteSweep(leads, accounts, routing, playbooks, org, profiles, events,
        new DirectTransactionRunner(), clock);
    pool = new PoolService(accounts, playbooks, org, OpenDealHandover.none(), OpenTaskHandover.none(), events,
        new SequentialIdGenerator(), new DirectTransactionRunner(), clock);
  }

  private void save(Rep rep) {
    org.saveRep(rep.withZone(SHANGHAI));
  }

  static RepId rep(String id) {
    return RepId.of(TENANT, id);
  }

  /** Rule {@code east}, then the default rule to team north. */
  static AssignmentPolicy.Builder policy() {
    return policy(eastRule());
  }

  /** This east rule, then the default rule to team north. */
  static AssignmentPolicy.Builder policy(RoutingRule.Builder east) {
    return AssignmentPolicy.builder()
        .gradeField("grade")
        .rule(east)
        .defaultRule(RoutingRule.builder("default", "其他 Everything else").target(Target.team("north")));
  }

  /** East leads round robin to team east: 4-hour SLA, the last 2 assignees avoided, escalation after 2 re-routes. */
  static RoutingRule.Builder eastRule() {
    return RoutingRule.builder("east", "华东线索 East China leads")
        .when(field("region").eq("east"))
        .target(Target.team("east"))
        .firstContactSla(Duration.ofHours(4))
        .rememberLast(2)
        .maxReroutes(2);
  }

  /** Saves the tenant's playbook with this assignment policy as its next version. */
  void use(AssignmentPolicy policy) {
    playbooks.save(TENANT, playbook(policy), clock.instant());
  }

  static Playbook playbook(AssignmentPolicy policy) {
    return Playbook.builder()
        .name("Acme leads")
        .zone(SHANGHAI)
        .roles("sales_rep", "sales_manager", "sales_ops")
        .customField(EntityKind.LEAD, FieldDefinition.customEnum("source", FieldType.ENUM,
            List.of("website", "trade_show", "referral")).withLabel("来源 Source"))
        .customField(EntityKind.LEAD, FieldDefinition.customEnum("region", FieldType.ENUM,
            List.of("east", "north")).withLabel("大区 Region"))
        .customField(EntityKind.LEAD, FieldDefinition.customEnum("grade", FieldType.ENUM,
            List.of("A", "B", "C", "D")).withLabel("线索等级 Grade"))
        .customField(EntityKind.LEAD, FieldDefinition.custom("industry", FieldType.STRING).withLabel("行业 Industry"))
        .customField(EntityKind.LEAD, FieldDefinition.custom("budget", FieldType.DECIMAL).withLabel("预算 Budget"))
        .pipeline(PipelineDefinition.builder("sales", "销售流程 Sales")
            .stage(StageDefinition.builder("lead", "线索 Lead", 10))
            .stage(StageDefinition.builder("contract", "签约 Contract", 100))
            .wonStage("contract")
            .lostReason("price", "价格 Price"))
        .assignment(policy)
        .build();
  }

  /** 张伟 of 上海振华重工, an east lead from the website, reachable on his mobile. */
  static NewLead zhangWei() {
    return NewLead.of("website", "张伟").withCompany("上海振华重工（集团）股份有限公司").withPhones("138 0013 8000")
        .withFields(Map.of("region", "east", "grade", "A", "industry", "港口机械 port machinery"));
  }

  /** John Smith of Acme Robotics, an east lead met at a trade show. */
  static NewLead johnSmith() {
    return NewLead.of("trade_show", "John Smith").withCompany("Acme Robotics Ltd.")
        .withEmails("John.Smith@acme-robotics.com").withPhones("+1 (415) 555-0123")
        .withFields(Map.of("region", "east", "grade", "B"));
  }

  /** The {@code i}-th distinct east lead, alternating Chinese and English contacts. */
  static NewLead eastLead(int i) {
    return i % 2 == 0
        ? NewLead.of("website", "客户" + i).withCompany("杭州测试科技" + i + "号有限公司")
            .withPhones(String.format("+86 139 0000 %04d", i)).withFields(Map.of("region", "east"))
        : NewLead.of("referral", "Contact " + i).withCompany("Test Industries " + i + " Inc.")
            .withEmails("contact" + i + "@test-industries-" + i + ".com").withFields(Map.of("region", "east"));
  }

  /** Captures a lead that is no duplicate and returns it as stored. */
  Lead capture(NewLead lead) {
    return service.capture(TENANT, lead).orThrow().lead();
  }

  /** Creates a company owned by {@code owner} with a phone number. */
  Account ownedAccount(String name, RepId owner, String phone) {
    return pool.create(TENANT, NewAccount.company(name, owner).withPhones(phone)).orThrow();
  }

  Lead get(LeadId id) {
    return service.get(id);
  }

  /** The reps ask not to receive leads for now. */
  void pause(List<RepId> reps) {
    for (RepId rep : reps) {
      profiles.save(profiles.profileOf(rep).toBuilder().paused(true).build());
    }
  }

  /** The rep's open leads as routing counts them. */
  int openLeads(RepId rep) {
    return routingState.locked(TENANT, ledger -> ledger.openLeads(rep));
  }

  void advance(Duration duration) {
    clock.advance(duration);
  }
}
