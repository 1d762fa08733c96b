package dev.relay.lead;

import dev.relay.assignment.CandidateTrace;
import dev.relay.assignment.RoutingDecision;
import dev.relay.assignment.RoutingOutcome;
import dev.relay.assignment.SlaClock;
import dev.relay.assignment.Strategy;
import dev.relay.assignment.StrategyState;
import dev.relay.common.AccountId;
import dev.relay.common.DealId;
import dev.relay.common.LeadId;
import dev.relay.common.Reason;
import dev.relay.common.RepId;
import dev.relay.common.TenantId;
import dev.relay.fields.EntityKind;
import dev.relay.fields.FieldDefinition;
import dev.relay.fields.FieldType;
import dev.relay.fields.FieldValues;
import dev.relay.pipeline.PipelineDefinition;
import dev.relay.pipeline.StageDefinition;
import dev.relay.playbook.Playbook;
import dev.relay.pool.matching.MatchKey;
import dev.relay.pool.matching.MatchKind;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Leads built directly through the canonical constructor, for repository contract tests: every part of the aggregate is
 * set (contact details, keys, custom fields of several types, a routing decision with candidates and strategy state,
 * assignments with SLAs, first contact, re-routes, the breach marker, a conversion). Public so that adapter modules can
 * use it through the core test-jar. The leads' fields are bound to {@link #PLAYBOOK}'s lead schema as playbook version
 * 1; an adapter that needs the schema to read values back can save {@link #PLAYBOOK} as version 1 of each tenant.
 */
public final class LeadSamples {
  /** The playbook whose lead schema the samples use. */
  public static final Playbook PLAYBOOK = Playbook.builder()
      .name("lead samples")
      .roles("sales_rep", "sales_manager")
      .customField(EntityKind.LEAD, FieldDefinition.customEnum("grade", FieldType.ENUM, List.of("A", "B", "C", "D")))
      .customField(EntityKind.LEAD, FieldDefinition.custom("industry", FieldType.STRING))
      .customField(EntityKind.LEAD, FieldDefinition.custom("budget", FieldType.DECIMAL))
      .customField(EntityKind.LEAD, FieldDefinition.custom("expected_close", FieldType.DATE))
      .pipeline(PipelineDefinition.builder("sales", "Sales")
          .stage(StageDefinition.builder("lead", "Lead", 10))
          .stage(StageDefinition.builder("won", "Won", 100))
          .wonStage("won")
          .lostReason("price", "Price"))
      .build();

  /** 2026-03-02T01:00:00Z (Monday 09:00 in Shanghai), when the samples were captured. */
  public static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z");

  private LeadSamples() {}

  /** A phone key in E.164. */
  public static MatchKey phoneKey(String e164) {
    return new MatchKey(MatchKind.PHONE, e164);
  }

  /** An e-mail key. */
  public static MatchKey emailKey(String address) {
    return new MatchKey(MatchKind.EMAIL, address);
  }

  /**
   * 张伟 of 上海振华重工, assigned to {@code owner} by rule {@code east} with a 4-hour SLA: fields, keys, a decision with two
   * candidates and a round-robin cursor.
   */
  public static Lead assignedLead(TenantId tenant, String id, RepId owner) {
    return assignedLead(tenant, id, owner, "张伟", "上海振华重工（集团）股份有限公司", "+8613800138000", T0);
  }

  /** A lead assigned to {@code owner} at {@code capturedAt}, with one phone and a company. */
  public static Lead assignedLead(TenantId tenant, String id, RepId owner, String name, @Nullable String company,
      String phoneE164, Instant capturedAt) {
    LeadId leadId = LeadId.of(tenant, id);
    RepId other = RepId.of(tenant, owner.value().equals("li") ? "zhang" : "li");
    RoutingDecision decision = new RoutingDecision(leadId, RoutingOutcome.ASSIGNED, owner, "east",
        "assignment.rules[0]", Strategy.ROUND_ROBIN,
        List.of(new CandidateTrace(owner, true, List.of(), null, 3),
            new CandidateTrace(other, false, List.of(new Reason("assignment.rules[0].caps[0]", "at 30 open leads")),
                null, 30)),
        new StrategyState("east|team:east", Map.of("cursor", other.value()), Map.of("cursor", owner.value())),
        Duration.ofHours(4), SlaClock.WALL, 1, capturedAt,
        List.of(new Reason("assignment.rules[0]", "region = east"), new Reason("assignment.rules[0].strategy",
            "round robin: " + owner.value() + " is next")));
    Assignment assignment = new Assignment(owner, AssignmentCause.CAPTURE, RoutingOutcome.ASSIGNED, "east",
        "assignment.rules[0]", capturedAt, capturedAt.plus(Duration.ofHours(4)), decision.reasons(), 1, null, null);
    Set<MatchKey> keys = company == null
        ? Set.of(new MatchKey(MatchKind.PERSON_NAME, name.toLowerCase()), phoneKey(phoneE164))
        : Set.of(new MatchKey(MatchKind.PERSON_NAME, name.toLowerCase()),
            new MatchKey(MatchKind.COMPANY_NAME, "上海振华重工"), phoneKey(phoneE164));
    FieldValues fields = FieldValues.empty(PLAYBOOK.schema(EntityKind.LEAD)).with(Map.of(
        "grade", "A", "industry", "港口机械 port machinery", "budget", new BigDecimal("1250000.50"),
        "expected_close", "2026-06-30"), false);
    return new Lead(leadId, "website", name, company, List.of(phoneE164), List.of(), fields, keys,
        LeadStatus.ASSIGNED, owner, AccountId.of(tenant, "C-1"), null, List.of(assignment), decision, null, 0, null,
        null, null, capturedAt, 1, 1).withBuiltIns();
  }

  /** A lead from a trade show that routing queued: no owner, a queued decision. */
  public static Lead queuedLead(TenantId tenant, String id, String name, String email, Instant capturedAt) {
    LeadId leadId = LeadId.of(tenant, id);
    RoutingDecision decision = new RoutingDecision(leadId, RoutingOutcome.QUEUED, null, "default",
        "assignment.default", null, List.of(), StrategyState.none(), Duration.ofHours(24), SlaClock.BUSINESS_HOURS,
        1, capturedAt, List.of(new Reason("assignment.default.when_none_eligible", "nobody is eligible")));
    Assignment queued = new Assignment(null, AssignmentCause.CAPTURE, RoutingOutcome.QUEUED, "default",
        "assignment.default", capturedAt, null, decision.reasons(), 1, null, null);
    return new Lead(leadId, "trade_show", name, "Acme Robotics Ltd.", List.of(), List.of(email),
        FieldValues.empty(PLAYBOOK.schema(EntityKind.LEAD)),
        Set.of(new MatchKey(MatchKind.PERSON_NAME, name.toLowerCase().replace(" ", "")),
            new MatchKey(MatchKind.COMPANY_NAME, "acmerobotics"), emailKey(email)),
        LeadStatus.NEW, null, null, null, List.of(queued), decision, null, 0, null, null, null, capturedAt, 1, 1)
        .withBuiltIns();
  }

  /** The lead's next version, contacted by its owner at {@code at}. */
  public static Lead contacted(Lead lead, Instant at) {
    Lead.Draft d = lead.draft();
    d.status = LeadStatus.CONTACTED;
    d.firstContactAt = at;
    return d.build().withBuiltIns().nextVersion(1);
  }

  /** The lead's next version, converted into account {@code C-1} and deal {@code D-1} by its owner. */
  public static Lead converted(Lead lead, Instant at) {
    Lead.Draft d = lead.draft();
    d.status = LeadStatus.CONVERTED;
    d.firstContactAt = lead.firstContactAt() == null ? at : lead.firstContactAt();
    d.convertedTo = new Conversion(AccountId.of(lead.tenant(), "C-1"), DealId.of(lead.tenant(), "D-1"),
        lead.owner(), at);
    return d.build().withBuiltIns().nextVersion(1);
  }

  /** The lead's next version, re-routed {@code n} times with the current assignment's breach marked. */
  public static Lead withMarker(Lead lead, int reroutes) {
    Lead.Draft d = lead.draft();
    d.reroutes = reroutes;
    d.slaBreachReportedFor = lead.assignments().size();
    return d.build().nextVersion(1);
  }

  /** The lead's next version under other keys. */
  public static Lead withKeys(Lead lead, Set<MatchKey> keys) {
    Lead.Draft d = lead.draft();
    d.keys = keys;
    return d.build().nextVersion(1);
  }
}
