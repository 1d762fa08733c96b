package dev.relay.benchmarks.assignment;

import static dev.relay.criteria.Criteria.all;
import static dev.relay.criteria.Criteria.field;

import dev.relay.assignment.AssignmentPolicy;
import dev.relay.assignment.InMemoryRepProfiles;
import dev.relay.assignment.InMemoryRoutingState;
import dev.relay.assignment.LeadRouter;
import dev.relay.assignment.RepProfile;
import dev.relay.assignment.RoutingDecision;
import dev.relay.assignment.RoutingRequest;
import dev.relay.assignment.RoutingRule;
import dev.relay.assignment.Strategy;
import dev.relay.assignment.Target;
import dev.relay.benchmarks.assignment.RoutingWorkload.LeadData;
import dev.relay.benchmarks.assignment.RoutingWorkload.RuleSpec;
import dev.relay.common.LeadId;
import dev.relay.common.RepId;
import dev.relay.common.TeamId;
import dev.relay.common.TenantId;
import dev.relay.fields.EntityKind;
import dev.relay.fields.FieldDefinition;
import dev.relay.fields.FieldSchema;
import dev.relay.fields.FieldType;
import dev.relay.fields.FieldValues;
import dev.relay.org.InMemoryOrgDirectory;
import dev.relay.org.Rep;
import dev.relay.org.Team;
import dev.relay.pipeline.PipelineDefinition;
import dev.relay.pipeline.StageDefinition;
import dev.relay.playbook.InMemoryPlaybookRepository;
import dev.relay.playbook.Playbook;
import dev.relay.testkit.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The workload as a Relay playbook: the 50 rules as assignment rules over custom lead fields, each targeting its team
 * round robin, the default rule the first team; reps, teams and paused profiles in the in-memory ports; a
 * {@link LeadRouter} over an in-memory routing state. Every route records the assignment (cursor, open-lead book,
 * assignment log for capacity windows) and builds the full decision trace; the lead is then released so the open-lead
 * book stays small, and the clock moves a minute so the assignment log is pruned as it would be in production.
 */
final class RelayRouterSide {
  static final TenantId TENANT = TenantId.of("bench");
  private static final Duration STEP = Duration.ofMinutes(1);

  private final ManualClock clock = ManualClock.at("2026-11-02T01:00:00Z");
  private final LeadRouter router;
  private final List<RoutingRequest> requests = new ArrayList<>();
  private final Map<RepId, Integer> codes = new HashMap<>();

  RelayRouterSide(RoutingWorkload workload) {
    List<String> sources = new ArrayList<>(RoutingWorkload.SOURCES);
    sources.add("other");
    AssignmentPolicy.Builder policy = AssignmentPolicy.builder().accountOwnerFirst(false);
    for (RuleSpec spec : workload.rules) {
      policy.rule(RoutingRule.builder(spec.key(), spec.key())
          .when(all(field("source").eq(spec.source()),
              field("industry").in(spec.industries().toArray()),
              field("region").eq(spec.region()),
              field("budget").gte(spec.minBudget())))
          .target(Target.team(RoutingWorkload.teamId(spec.team())))
          .strategy(Strategy.ROUND_ROBIN));
    }
    policy.defaultRule(RoutingRule.builder("default", "default")
        .target(Target.team(RoutingWorkload.teamId(0))).strategy(Strategy.ROUND_ROBIN));
    Playbook playbook = Playbook.builder()
        .customField(EntityKind.LEAD, FieldDefinition.customEnum("source", FieldType.ENUM, sources))
        .customField(EntityKind.LEAD, FieldDefinition.customEnum("industry", FieldType.ENUM,
            RoutingWorkload.INDUSTRIES))
        .customField(EntityKind.LEAD, FieldDefinition.customEnum("region", FieldType.ENUM, RoutingWorkload.REGIONS))
        .customField(EntityKind.LEAD, FieldDefinition.custom("budget", FieldType.DECIMAL))
        .pipeline(PipelineDefinition.builder("sales", "Sales")
            .stage(StageDefinition.builder("lead", "Lead", 10))
            .lostReason("price", "Price"))
        .assignment(policy)
        .build();
    InMemoryPlaybookRepository playbooks = new InMemoryPlaybookRepository();
    playbooks.save(TENANT, playbook, clock.instant());

    InMemoryOrgDirectory org = new InMemoryOrgDirectory();
    InMemoryRepProfiles profiles = new InMemoryRepProfiles();
    for (int t = 0; t < RoutingWorkload.TEAMS; t++) {
      TeamId team = TeamId.of(TENANT, RoutingWorkload.teamId(t));
      org.saveTeam(new Team(team, "Team " + t, null, null));
      for (int m = 0; m < RoutingWorkload.REPS_PER_TEAM; m++) {
        RepId rep = RepId.of(TENANT, RoutingWorkload.repId(t, m));
        codes.put(rep, t * 1000 + m);
        org.saveRep(Rep.of(rep, "Rep " + t + "/" + m, team, "sales_rep"));
        RepProfile defaults = RepProfile.defaults(rep);
        profiles.save(new RepProfile(rep, 1, defaults.seniority(), defaults.skills(), defaults.industries(),
            defaults.regions(), defaults.languages(), defaults.hours(), workload.paused[t][m], List.of()));
      }
    }
    router = new LeadRouter(new InMemoryRoutingState(), profiles, org, playbooks, clock);

    FieldSchema schema = playbook.schema(EntityKind.LEAD);
    int i = 0;
    for (LeadData lead : workload.leads) {
      FieldValues fields = FieldValues.empty(schema).with(Map.of("source", lead.source(), "industry",
          lead.industry(), "region", lead.region(), "budget", lead.budget()), false);
      requests.add(RoutingRequest.of(LeadId.of(TENANT, "L-" + i++), fields));
    }
  }

  /** Routes lead {@code i} of the workload and releases it again; returns the decision. */
  RoutingDecision route(int i) {
    RoutingRequest request = requests.get(i);
    RoutingDecision decision = router.route(request);
    clock.advance(STEP);
    decision.assigned().ifPresent(rep -> router.released(TENANT, rep, request.lead()));
    return decision;
  }

  /**
   * The chosen rep as {@code team * 1000 + member}, to compare with the other sides: a lookup in a table built at
   * set-up, so that the measurement does not include parsing the id.
   */
  int code(RoutingDecision decision) {
    RepId rep = decision.assignee();
    return rep == null ? -1 : codes.get(rep);
  }
}
