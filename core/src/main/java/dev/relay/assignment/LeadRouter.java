package dev.relay.assignment;

import dev.relay.common.LeadId;
import dev.relay.common.NotFoundException;
import dev.relay.common.Reason;
import dev.relay.common.RepId;
import dev.relay.common.TenantId;
import dev.relay.common.ValidationException;
import dev.relay.org.OrgDirectory;
import dev.relay.playbook.PlaybookRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Routes leads to reps (线索分配) by the tenant's current playbook ({@code assignment} section, see {@link
 * AssignmentPolicy}), and records each assignment in the {@link RoutingState} in the same step, so that concurrent
 * routes never push a rep past a cap and never hand two leads the same round-robin turn.
 *
 * <p><b>How a lead is routed.</b>
 * <ol>
 *   <li>The rule: the first rule whose {@code when} criteria match the lead's fields, else the default rule. Criteria are
 *       compiled once per playbook version.
 *   <li>Owners first: with {@link AssignmentPolicy#accountOwnerFirst()}, a lead whose company is an owned account goes
 *       to the owner if the owner passes the rule's eligibility filters.
 *   <li>The members of the rule's target, sorted by rep id, each screened by the eligibility filters: active, not a
 *       recent assignee the request avoids, not paused, not out of office, inside their working hours in their own
 *       time zone, senior enough for the lead's grade, below every capacity cap of the rule. Every exclusion is a
 *       {@link Reason} in the trace.
 *   <li>The rule's {@link Strategy} picks one eligible member (each strategy's Javadoc and tie-break in {@code
 *       docs/assignment.md}).
 *   <li>Nobody eligible: the rule queues the lead, gives it to its fallback owner, or escalates it to the target team's
 *       manager. Fallback owners and managers take the lead beyond caps, pauses and hours; they must be active.
 * </ol>
 * The assignee's open leads and received count go up as part of the decision; {@link #released} takes a lead off a
 * rep's open load.
 *
 * <p><b>Pure and traced.</b> A decision is a function of the playbook version, the routing state, the profiles and org
 * directory, the request and the clock's instant: the same inputs give the same {@link RoutingDecision}, which carries
 * every candidate with its exclusions, the strategy's state before and after, the playbook version and the reasons in
 * words. The router publishes no events: the lead service stores the lead's new owner and publishes {@link
 * RoutingDecision#event()}.
 *
 * <p><b>Consistency.</b> Each decision runs inside {@link RoutingState#locked} for the tenant, which serialises routing
 * per tenant across threads and (with a database adapter) processes. Profiles and the org directory are read just
 * before, outside the lock. Thread-safe; keep one router per routing state.
 */
public final class LeadRouter {
  private final RoutingState state;
  private final CompiledAssignments rules;
  private final Rosters rosters;
  private final Clock clock;
  private final EligibilityScreen screen = new EligibilityScreen();
  private final NoEligibleResolver noEligible = new NoEligibleResolver();

  public LeadRouter(RoutingState state, RepProfiles profiles, OrgDirectory org, PlaybookRepository playbooks,
      Clock clock) {
    this.state = Objects.requireNonNull(state, "state");
    this.rosters = new Rosters(Objects.requireNonNull(org, "org"), Objects.requireNonNull(profiles, "profiles"));
    this.rules = new CompiledAssignments(Objects.requireNonNull(playbooks, "playbooks"));
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Decides who receives the lead and records it: the assignee's open leads and received count rise, and the rule's
   * cursor or pointers move. A queued lead records nothing.
   *
   * @throws NotFoundException if the tenant has no playbook
   */
  public RoutingDecision route(RoutingRequest request) {
    Objects.requireNonNull(request, "request");
    TenantId tenant = request.tenant();
    AssignmentRules compiled = rules.current(tenant);
    AssignmentPolicy policy = compiled.policy();
    AssignmentRules.Rule rule = compiled.match(request.fields());
    Roster roster = rosters.current(tenant, compiled);
    List<Member> members = roster.members(rule).list();
    RepId ownerId = request.accountOwner();
    Member owner = ownerId != null && (policy.accountOwnerFirst() || rule.rule().strategy() == Strategy.STICKY_OWNER)
        ? roster.member(rule, ownerId) : null;
    String grade = grade(policy, request);
    Set<RepId> avoid = request.avoid().isEmpty() ? Set.of() : Set.copyOf(request.avoid());
    return state.locked(tenant, ledger -> {
      RoutingContext context = new RoutingContext(tenant, clock.instant(), rule, policy, request.fields(), grade,
          avoid);
      return decide(request.lead(), compiled.version(), context, members, owner, roster.organisation(), ledger);
    });
  }

  private RoutingDecision decide(LeadId lead, int version, RoutingContext context, List<Member> members,
      @Nullable Member owner, Roster.Organisation organisation, RoutingLedger ledger) {
    List<Candidate> screened = new ArrayList<>(members.size());
    Candidate ownerCandidate = null;
    for (Member member : members) {
      Candidate candidate = screen.screen(member, context, ledger);
      screened.add(candidate);
      if (owner != null && ownerCandidate == null && member.rep().equals(owner.rep())) {
        ownerCandidate = candidate;
      }
    }
    List<Candidate> traced = screened;
    if (owner != null && ownerCandidate == null) {
      // An account owner outside the target is traced first.
      ownerCandidate = screen.screen(owner, context, ledger);
      traced = new ArrayList<>(screened.size() + 1);
      traced.add(ownerCandidate);
      traced.addAll(screened);
    }
    List<Reason> reasons = new ArrayList<>(4);
    reasons.add(context.rule().matchReason());
    Decision decision = new Decision(lead, version, context, ledger);

    if (ownerCandidate != null && context.policy().accountOwnerFirst()) {
      if (ownerCandidate.eligible()) {
        reasons.add(new Reason("assignment.account_owner_first", ownerCandidate.display()
            + " owns the lead's account and is eligible"));
        return decision.assign(RoutingOutcome.ASSIGNED, ownerCandidate.rep(), null, traced, StrategyState.none(),
            reasons, Map.of());
      }
      reasons.add(new Reason("assignment.account_owner_first", "the account owner " + ownerCandidate.display()
          + " is not eligible, so the rule decides"));
    }

    RoutingStrategy.Pick pick = RoutingStrategy.of(context.routingRule().strategy())
        .pick(new RoutingStrategy.StrategyInput(screened, ownerCandidate, context, ledger));
    Candidate chosen = pick.chosen();
    if (chosen != null) {
      if (reasons.size() == 1 && pick.reasons().size() == 1) {
        // The usual decision: the rule and the strategy's one reason, as an immutable pair the decision keeps as is.
        return decision.assign(RoutingOutcome.ASSIGNED, chosen.rep(), context.routingRule().strategy(), traced,
            pick.state(), List.of(reasons.get(0), pick.reasons().get(0)), pick.scores());
      }
      reasons.addAll(pick.reasons());
      return decision.assign(RoutingOutcome.ASSIGNED, chosen.rep(), context.routingRule().strategy(), traced,
          pick.state(), reasons, pick.scores());
    }
    NoEligibleResolver.Resolution resolution = noEligible.resolve(context, organisation.chart(),
        organisation.repsById(), organisation.teams());
    reasons.addAll(resolution.reasons());
    return decision.assign(resolution.outcome(), resolution.assignee(), null, traced, StrategyState.none(), reasons,
        pick.scores());
  }

  /**
   * Takes the lead off the rep's open leads, freeing room under an open-lead cap: when the lead is qualified,
   * disqualified or converted, or re-routed away from the rep. Releasing a lead the rep does not hold changes nothing.
   *
   * @throws ValidationException if the rep or the lead belongs to another tenant
   */
  public void released(TenantId tenant, RepId rep, LeadId lead) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(rep, "rep");
    Objects.requireNonNull(lead, "lead");
    if (!rep.tenant().equals(tenant)) {
      throw ValidationException.of("rep", "rep " + rep + " belongs to another tenant than " + tenant);
    }
    if (!lead.tenant().equals(tenant)) {
      throw ValidationException.of("lead", "lead " + lead + " belongs to another tenant than " + tenant);
    }
    state.locked(tenant, ledger -> ledger.release(rep, lead));
  }

  /**
   * How fairly a rule shared out its leads in {@code [from, to)}: the leads its strategy picked (not account owners,
   * fallbacks or escalations) per current member of its target, against the members' weights for weighted round robin
   * or equal shares otherwise. Counts what the routing state still retains.
   *
   * @throws NotFoundException if the tenant has no playbook or the playbook has no rule with this key
   */
  public FairnessReport fairness(TenantId tenant, String ruleKey, Instant from, Instant to) {
    Objects.requireNonNull(ruleKey, "ruleKey");
    AssignmentRules compiled = rules.current(Objects.requireNonNull(tenant, "tenant"));
    AssignmentRules.Rule rule = compiled.rule(ruleKey)
        .orElseThrow(() -> new NotFoundException("assignment rule", ruleKey));
    boolean weighted = rule.rule().strategy() == Strategy.WEIGHTED_ROUND_ROBIN;
    Map<RepId, Integer> weights = new LinkedHashMap<>();
    for (Member member : rosters.current(tenant, compiled).members(rule).list()) {
      weights.put(member.rep(), weighted ? member.weight() : 1);
    }
    List<AssignmentRecord> picked = state.assignments(tenant, from, to).stream()
        .filter(r -> r.ruleKey().equals(ruleKey) && r.pickedByStrategy()).toList();
    return new FairnessAnalytics().report(picked, from, to, weights);
  }

  private static @Nullable String grade(AssignmentPolicy policy, RoutingRequest request) {
    String field = policy.gradeField();
    Object value = field == null ? null : request.fields().get(field);
    return value == null ? null : value.toString();
  }

  /** Builds the decision and records its assignment in the ledger. */
  private static final class Decision {
    private final LeadId lead;
    private final int version;
    private final RoutingContext context;
    private final RoutingLedger ledger;

    Decision(LeadId lead, int version, RoutingContext context, RoutingLedger ledger) {
      this.lead = lead;
      this.version = version;
      this.context = context;
      this.ledger = ledger;
    }

    RoutingDecision assign(RoutingOutcome outcome, @Nullable RepId assignee, @Nullable Strategy strategy,
        List<Candidate> traced, StrategyState strategyState, List<Reason> reasons, Map<RepId, Integer> scores) {
      RoutingRule rule = context.routingRule();
      if (assignee != null) {
        ledger.recordAssignment(new AssignmentRecord(lead, assignee, rule.key(), strategy, context.now()));
      }
      List<CandidateTrace> candidates = new CandidateTraces(traced, scores);
      Strategy shown = outcome == RoutingOutcome.ASSIGNED ? strategy : null;
      return new RoutingDecision(lead, outcome, assignee, rule.key(), context.rule().path(), shown, candidates,
          strategyState, rule.slaFor(context.grade()), rule.slaClock(), version, context.now(), reasons);
    }
  }
}
