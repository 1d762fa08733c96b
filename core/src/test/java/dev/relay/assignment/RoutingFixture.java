package dev.relay.assignment;

import dev.relay.common.LeadId;
import dev.relay.common.RepId;
import dev.relay.common.TeamId;
import dev.relay.common.TenantId;
import dev.relay.fields.EntityKind;
import dev.relay.fields.FieldDefinition;
import dev.relay.fields.FieldType;
import dev.relay.fields.FieldValues;
import dev.relay.org.InMemoryOrgDirectory;
import dev.relay.org.Rep;
import dev.relay.org.Team;
import dev.relay.pipeline.PipelineDefinition;
import dev.relay.pipeline.StageDefinition;
import dev.relay.playbook.InMemoryPlaybookRepository;
import dev.relay.playbook.Playbook;
import dev.relay.playbook.VersionedPlaybook;
import dev.relay.testkit.ManualClock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * A sales organisation of tenant {@code acme} routing leads, wired to in-memory ports and a stopped clock (Monday
 * 2026-03-02, 09:00 in Shanghai). Plain Java, so that Jupiter tests and jqwik properties can both build one per test or
 * try.
 *
 * <p>Organisation: {@code boss} manages {@code hq}, where the managers sit; {@code wang} manages team {@code east} with
 * reps {@code li}, {@code sun} and {@code zhang}; {@code zhou} manages team {@code north} with rep {@code qian}; team
 * {@code night} (inside {@code hq}, no manager of its own) has {@code chen}. Everyone works in Shanghai and has default profiles. Leads have
 * custom fields {@code source} (web, referral, event), {@code industry}, {@code region} (east, north), {@code grade}
 * (A–D) and {@code languages} (zh, en, ja).
 */
final class RoutingFixture {
  static final TenantId TENANT = TenantId.of("acme");
  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  static final RepId BOSS = rep("boss");
  static final RepId WANG = rep("wang");
  static final RepId LI = rep("li");
  static final RepId SUN = rep("sun");
  static final RepId ZHANG = rep("zhang");
  static final RepId ZHOU = rep("zhou");
  static final RepId QIAN = rep("qian");
  static final RepId CHEN = rep("chen");

  final ManualClock clock = ManualClock.at("2026-03-02T01:00:00Z");
  final InMemoryPlaybookRepository playbooks = new InMemoryPlaybookRepository();
  final InMemoryOrgDirectory org = new InMemoryOrgDirectory();
  final InMemoryRepProfiles profiles = new InMemoryRepProfiles();
  final RoutingState state;
  final LeadRouter router;
  private final AtomicInteger leads = new AtomicInteger();

  RoutingFixture() {
    this(new InMemoryRoutingState());
  }

  RoutingFixture(RoutingState state) {
    this.state = state;
    TeamId hq = TeamId.of(TENANT, "hq");
    TeamId east = TeamId.of(TENANT, "east");
    TeamId north = TeamId.of(TENANT, "north");
    TeamId night = TeamId.of(TENANT, "night");
    org.saveTeam(new Team(hq, "总部 HQ", null, BOSS));
    org.saveTeam(new Team(east, "华东 East", hq, WANG));
    org.saveTeam(new Team(north, "华北 North", hq, ZHOU));
    org.saveTeam(new Team(night, "夜班 Night", hq, null));
    person(BOSS, "Boss", hq, "sales_manager");
    person(WANG, "Wang", hq, "sales_manager");
    person(LI, "Li", east, "sales_rep");
    person(SUN, "Sun", east, "sales_rep");
    person(ZHANG, "Zhang", east, "sales_rep");
    person(ZHOU, "Zhou", hq, "sales_manager");
    person(QIAN, "Qian", north, "sales_rep");
    person(CHEN, "Chen", night, "sales_rep");
    use(AssignmentPolicy.defaults());
    router = new LeadRouter(state, profiles, org, playbooks, clock);
  }

  static RepId rep(String id) {
    return RepId.of(TENANT, id);
  }

  private void person(RepId id, String name, TeamId team, String role) {
    org.saveRep(Rep.of(id, name, team, role).withZone(SHANGHAI));
  }

  /** Changes a rep in the org directory. */
  void changeRep(RepId id, UnaryOperator<Rep> change) {
    org.saveRep(change.apply(org.rep(id).orElseThrow()));
  }

  /** Stores a rep's routing profile. */
  void profile(RepProfile.Builder profile) {
    profiles.save(profile.build());
  }

  /** Saves the tenant's playbook with this assignment policy as its next version. */
  VersionedPlaybook use(AssignmentPolicy policy) {
    return playbooks.save(TENANT, playbook(policy), clock.instant());
  }

  VersionedPlaybook use(AssignmentPolicy.Builder policy) {
    return use(policy.build());
  }

  /** A policy whose only rule routes every lead to team east by {@code strategy} (owners first off). */
  static AssignmentPolicy.Builder eastTeam(Strategy strategy, UnaryOperator<RoutingRule.Builder> rule) {
    return AssignmentPolicy.builder().accountOwnerFirst(false).gradeField("grade")
        .rule(rule.apply(RoutingRule.builder("east", "华东线索 East leads").target(Target.team("east"))
            .strategy(strategy)));
  }

  static Playbook playbook(AssignmentPolicy policy) {
    return Playbook.builder()
        .name("Acme routing")
        .zone(SHANGHAI)
        .roles("sales_rep", "sales_manager")
        .customField(EntityKind.LEAD, FieldDefinition.customEnum("source", FieldType.ENUM,
            List.of("web", "referral", "event")).withLabel("来源 Source"))
        .customField(EntityKind.LEAD, FieldDefinition.custom("industry", FieldType.STRING).withLabel("行业 Industry"))
        .customField(EntityKind.LEAD, FieldDefinition.customEnum("region", FieldType.ENUM, List.of("east", "north"))
            .withLabel("大区 Region"))
        .customField(EntityKind.LEAD, FieldDefinition.customEnum("grade", FieldType.ENUM, List.of("A", "B", "C", "D"))
            .withLabel("线索等级 Grade"))
        .customField(EntityKind.LEAD, FieldDefinition.customEnum("languages", FieldType.ENUM_LIST,
            List.of("zh", "en", "ja")).withLabel("语言 Languages"))
        .pipeline(PipelineDefinition.builder("sales", "销售流程 Sales")
            .stage(StageDefinition.builder("lead", "线索 Lead", 10))
            .stage(StageDefinition.builder("contract", "签约 Contract", 100))
            .wonStage("contract")
            .lostReason("price", "价格 Price"))
        .assignment(policy)
        .build();
  }

  /** The lead's fields over the current playbook's lead schema. */
  FieldValues fields(Map<String, ?> values) {
    VersionedPlaybook current = playbooks.current(TENANT).orElseThrow();
    return FieldValues.empty(current.playbook().schema(EntityKind.LEAD)).with(values, false);
  }

  /** A new lead id: L-1, L-2, … */
  LeadId nextLead() {
    return LeadId.of(TENANT, "L-" + leads.incrementAndGet());
  }

  RoutingRequest request(Map<String, ?> values) {
    return RoutingRequest.of(nextLead(), fields(values));
  }

  RoutingDecision route(Map<String, ?> values) {
    return router.route(request(values));
  }

  RoutingDecision route() {
    return route(Map.of());
  }

  /** Routes {@code n} empty leads and returns the assignees in order ({@code null} for a queued lead). */
  List<RepId> routeMany(int n) {
    List<RepId> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(route().assignee());
    }
    return out;
  }

  /** How many leads each rep received, of these assignees. */
  static Map<RepId, Integer> counts(List<RepId> assignees) {
    Map<RepId, Integer> out = new HashMap<>();
    assignees.forEach(a -> out.merge(a, 1, Integer::sum));
    return out;
  }

  int openLeads(RepId rep) {
    return state.locked(TENANT, ledger -> ledger.openLeads(rep));
  }

  void advance(Duration d) {
    clock.advance(d);
  }
}
