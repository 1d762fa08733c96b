package dev.relay.lead;

import dev.relay.assignment.AssignmentEvent.LeadEscalated;
import dev.relay.assignment.AssignmentRecord;
import dev.relay.assignment.RepProfiles;
import dev.relay.assignment.RoutingDecision;
import dev.relay.assignment.RoutingOutcome;
import dev.relay.assignment.RoutingRequest;
import dev.relay.assignment.RoutingRule;
import dev.relay.assignment.SlaClock;
import dev.relay.common.ConcurrencyConflictException;
import dev.relay.common.EventPublisher;
import dev.relay.common.LeadId;
import dev.relay.common.Reason;
import dev.relay.common.RelayEvent;
import dev.relay.common.RepId;
import dev.relay.common.TenantId;
import dev.relay.common.TransactionRunner;
import dev.relay.lead.LeadCommands.Attempt;
import dev.relay.lead.LeadEvent.LeadRerouted;
import dev.relay.lead.LeadEvent.LeadSlaMissed;
import dev.relay.lead.SlaBreachPolicy.Escalate;
import dev.relay.lead.SlaBreachPolicy.Reroute;
import dev.relay.org.OrgDirectory;
import dev.relay.playbook.PlaybookRepository;
import dev.relay.pool.AccountRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Acts on missed first-contact SLAs (响应时限). The host schedules {@link #sweep} (Relay starts no threads); at the
 * clock's now, every {@link LeadStatus#ASSIGNED} lead its assignee has not contacted by the SLA due time is re-routed
 * to someone other than its last {@code remember_last} assignees — the old assignee's load released — until it has
 * been re-routed {@code max_reroutes} times; the next miss escalates it to the manager of the assignee who missed (see
 * {@code SlaBreachPolicy}). The rule is the one whose decision the lead carries, as the current playbook defines it.
 * Publishes {@link LeadSlaMissed}, then {@link LeadRerouted} with the new decision's assignment event, or {@link
 * LeadEscalated}.
 *
 * <p><b>Exactly once.</b> Each breach belongs to one assignment and is handled in one optimistic write: a re-route or
 * escalation appends a new assignment with a new due time, and a miss that is only reported is marked ({@link
 * Lead#slaBreachReportedFor()}). A second sweep — in this process or another sharing the store — finds nothing left to
 * do; a sweep losing a race re-reads the lead (a first contact recorded meanwhile wins) and hands back whatever routing
 * gave it in the lost attempt. A lead that keeps changing is left for the next sweep.
 */
public final class SlaRerouteSweep {
  private final LeadCommands commands;
  private final AccountMatching matching;
  private final SlaBreachPolicy policy = new SlaBreachPolicy();

  public SlaRerouteSweep(LeadRepository leads, AccountRepository accounts, LeadRouting routing,
      PlaybookRepository playbooks, OrgDirectory org, RepProfiles profiles, EventPublisher events,
      TransactionRunner transactions, Clock clock) {
    this.commands = new LeadCommands(Objects.requireNonNull(leads, "leads"),
        Objects.requireNonNull(playbooks, "playbooks"), Objects.requireNonNull(org, "org"),
        Objects.requireNonNull(routing, "routing"),
        new SlaDeadline(Objects.requireNonNull(profiles, "profiles"), org),
        Objects.requireNonNull(events, "events"), Objects.requireNonNull(transactions, "transactions"),
        Objects.requireNonNull(clock, "clock"));
    this.matching = new AccountMatching(Objects.requireNonNull(accounts, "accounts"));
  }

  /**
   * Handles the tenant's missed SLAs at the clock's now.
   *
   * @return what was done, one entry per breach handled, in the order of the leads' capture
   * @throws dev.relay.common.NotFoundException if the tenant has no playbook
   */
  public Report sweep(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    commands.rules(tenant); // fails fast without a playbook
    Instant now = commands.clock.instant();
    List<Breach> handled = new ArrayList<>();
    for (Lead lead : commands.leads.findAssignedNotContacted(tenant)) {
      if (lead.slaDue().isEmpty() || !now.isAfter(lead.slaDue().get()) || lead.isCurrentBreachReported()) {
        continue; // the common case, settled without a unit of work
      }
      try {
        commands.run(lead.id(), this::handle).ifPresent(handled::add);
      } catch (ConcurrencyConflictException keepsChanging) {
        // Someone keeps working on it; the next sweep looks again.
      }
    }
    return new Report(handled);
  }

  private Optional<Breach> handle(Attempt a) {
    Lead lead = a.lead;
    RoutingRule rule = a.rules.rule(lead.decision() == null ? "" : lead.decision().ruleKey());
    Optional<SlaBreachPolicy.Action> action = policy.assess(lead, rule, a.chart(), a.now);
    if (action.isEmpty()) {
      return Optional.empty();
    }
    RepId missed = Objects.requireNonNull(lead.owner());
    Instant due = lead.slaDue().orElseThrow();
    LeadSlaMissed miss = new LeadSlaMissed(lead.id(), a.now, missed, due, lead.reroutes(), rule.key());
    int breached = lead.assignments().size();
    if (action.get() instanceof Reroute reroute) {
      return Optional.of(reroute(a, rule, reroute, miss, breached));
    }
    if (action.get() instanceof Escalate escalate) {
      return Optional.of(escalate(a, rule, escalate, miss, breached));
    }
    Lead.Draft d = lead.draft();
    d.slaBreachReportedFor = breached;
    a.store(d.build(), List.of(miss));
    return Optional.of(new Breach(lead.id(), missed, due, Handling.REPORTED, null, null,
        List.of(new Reason(a.rules.pathOf(rule) + ".max_reroutes", ((SlaBreachPolicy.Report) action.get()).why()))));
  }

  private Breach reroute(Attempt a, RoutingRule rule, Reroute reroute, LeadSlaMissed miss, int breached) {
    Lead lead = a.lead;
    RoutingDecision decision = commands.routing.route(new RoutingRequest(a.tenant(), lead.id(), lead.fields(),
        matching.currentOwner(lead.matchedAccount()), reroute.avoid()));
    Lead.Draft d = a.record(decision, AssignmentCause.SLA_REROUTE);
    d.reroutes = lead.reroutes() + 1;
    d.slaBreachReportedFor = breached;
    if (!miss.assignee().equals(decision.assignee())) {
      a.releaseAfterCommit(miss.assignee());
    }
    a.store(d.build(), List.of(miss,
        new LeadRerouted(lead.id(), a.now, miss.assignee(), decision.assignee(), decision.outcome(), d.reroutes,
            reroute.avoid(), rule.key()),
        decision.event()));
    return new Breach(lead.id(), miss.assignee(), miss.slaDue(), Handling.REROUTED, decision.assignee(), decision,
        decision.reasons());
  }

  private Breach escalate(Attempt a, RoutingRule rule, Escalate escalate, LeadSlaMissed miss, int breached) {
    Lead lead = a.lead;
    RoutingDecision last = lead.decision();
    Duration sla = last == null ? rule.firstContactSla() : last.firstContactSla();
    SlaClock clock = last == null ? rule.slaClock() : last.slaClock();
    List<Reason> reasons = List.of(new Reason(a.rules.pathOf(rule) + ".max_reroutes", escalate.why()));
    Instant due = commands.deadlines.due(escalate.to(), a.now, sla, clock, a.rules.zone());
    Lead.Draft d = lead.draft().assign(new Assignment(escalate.to(), AssignmentCause.SLA_ESCALATION,
        RoutingOutcome.ESCALATED, rule.key(), a.rules.pathOf(rule), a.now, due, reasons, a.rules.version(), null,
        null));
    d.slaBreachReportedFor = breached;
    a.releaseAfterCommit(miss.assignee());
    a.assignedAfterCommit(new AssignmentRecord(lead.id(), escalate.to(), rule.key(), null, a.now));
    List<RelayEvent> happened = List.of(miss,
        new LeadEscalated(lead.id(), a.now, escalate.to(), rule.key(), sla, clock, a.rules.version(), reasons));
    a.store(d.build(), happened);
    return new Breach(lead.id(), miss.assignee(), miss.slaDue(), Handling.ESCALATED, escalate.to(), null, reasons);
  }

  /** How the sweep handled a breach. */
  public enum Handling {
    /** Routed again, away from the recent assignees (possibly into the queue). */
    REROUTED,
    /** Given to the manager of the assignee who missed, after the rule's maximum re-routes. */
    ESCALATED,
    /** Only recorded and announced: the lead was escalated before, or there is nobody to escalate to. */
    REPORTED
  }

  /**
   * One missed SLA and what the sweep did about it.
   *
   * @param lead the lead
   * @param missedBy the assignee who did not make first contact in time
   * @param slaDue the due time they missed
   * @param handling what the sweep did
   * @param to the new owner (re-routed or escalated to), or {@code null} when queued or only reported
   * @param decision the re-route's routing decision with its trace, or {@code null} for an escalation or a report
   * @param reasons why, in words
   */
  public record Breach(LeadId lead, RepId missedBy, Instant slaDue, Handling handling, @Nullable RepId to,
      @Nullable RoutingDecision decision, List<Reason> reasons) {
    public Breach {
      Objects.requireNonNull(lead, "lead");
      Objects.requireNonNull(missedBy, "missedBy");
      Objects.requireNonNull(slaDue, "slaDue");
      Objects.requireNonNull(handling, "handling");
      reasons = List.copyOf(reasons);
    }
  }

  /**
   * What one sweep did.
   *
   * @param breaches the breaches handled, in the order of the leads' capture
   */
  public record Report(List<Breach> breaches) {
    public Report {
      breaches = List.copyOf(breaches);
    }

    /** The breaches handled in one way. */
    public List<Breach> handled(Handling handling) {
      return breaches.stream().filter(b -> b.handling() == handling).toList();
    }
  }
}
