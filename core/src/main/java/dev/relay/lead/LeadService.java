package dev.relay.lead;

import dev.relay.assignment.AssignmentRecord;
import dev.relay.assignment.RepProfiles;
import dev.relay.assignment.RoutingDecision;
import dev.relay.assignment.RoutingOutcome;
import dev.relay.assignment.RoutingRequest;
import dev.relay.assignment.RoutingRule;
import dev.relay.common.AccountId;
import dev.relay.common.ConcurrencyConflictException;
import dev.relay.common.DealId;
import dev.relay.common.ErrorCode;
import dev.relay.common.EventPublisher;
import dev.relay.common.IdGenerator;
import dev.relay.common.LeadId;
import dev.relay.common.NotFoundException;
import dev.relay.common.Problem;
import dev.relay.common.Reason;
import dev.relay.common.RepId;
import dev.relay.common.RuleViolationException;
import dev.relay.common.TenantId;
import dev.relay.common.TransactionRunner;
import dev.relay.common.ValidationException;
import dev.relay.lead.LeadChange.Changed;
import dev.relay.lead.LeadChange.Refused;
import dev.relay.lead.LeadCommands.Attempt;
import dev.relay.lead.LeadEvent.LeadContacted;
import dev.relay.lead.LeadEvent.LeadConverted;
import dev.relay.lead.LeadEvent.LeadDisqualified;
import dev.relay.lead.LeadEvent.LeadQualified;
import dev.relay.lead.LeadEvent.LeadReassigned;
import dev.relay.org.OrgDirectory;
import dev.relay.org.Rep;
import dev.relay.playbook.PlaybookRepository;
import dev.relay.pool.AccountRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The leads' use cases (线索): capture a lead — validated, checked for duplicates, matched to an account, routed and
 * stored with its routing decision — then contact, qualify, disqualify or convert it, hand it over by hand, and route
 * queued leads again when capacity frees up. The SLA sweep ({@link SlaRerouteSweep}) builds on the same leads and unit
 * of work.
 *
 * <p><b>Capture.</b> The lead's company name, contact name, phones and e-mail addresses are normalised with the account
 * registry's rules (see {@link dev.relay.pool.matching.AccountKeys}). A lead sharing a phone or e-mail address — or
 * both contact name and company — with a live (open or qualified) lead is a {@link LeadCapture.Duplicate}: stored
 * disqualified with {@link Lead#duplicateOf()} pointing at the live lead, never routed, so one person never reaches two
 * reps while every inquiry and its source still count. Otherwise the lead is matched to an account sharing its company
 * name, a phone, an e-mail address or a company e-mail domain (an owned account first), and routed: the account's owner
 * goes to routing as {@link RoutingRequest#accountOwner()}, so a lead of an owned customer goes to that owner unless a
 * rule says otherwise. How the decision lands: assigned, fallback or escalated — owned by the assignee, {@link
 * LeadStatus#ASSIGNED}, with a first-contact SLA due at the decision time plus the rule's SLA, in wall time or counting
 * only the assignee's working hours; queued — {@link LeadStatus#NEW} without owner until {@link #routeQueued}.
 *
 * <p><b>Load.</b> Routing counts each rep's open leads (for capacity caps and least-loaded routing). The lead
 * service keeps that count true through {@link LeadRouting}: a lead leaving the open states (qualified, disqualified,
 * converted) or moving to someone else (re-routed, escalated, handed over) is released from its previous owner once the
 * change is stored; a manual hand-over or an escalation counts in the new owner's load.
 *
 * <p><b>Results and exceptions.</b> A lead's state not allowing a command is a {@link Refused} result with its
 * reasons ({@code orThrow()} turns it into a {@link RuleViolationException}). Misuse throws: an unknown lead {@link
 * NotFoundException}; bad input {@link ValidationException} with paths (nothing is stored); acting on a lead one
 * neither owns nor manages the owner of {@link RuleViolationException} with {@link ErrorCode#FORBIDDEN}.
 *
 * <p><b>Consistency.</b> Each command runs in one {@link TransactionRunner} unit: read the lead, decide, write it with
 * an optimistic version check, publish its events, retried up to {@value #MAX_ATTEMPTS} times when it loses
 * a race (each command means the same on fresh state). Every time comes from the injected {@link Clock}. Thread-safe.
 */
public final class LeadService {
  /** Attempts of a command that keeps losing optimistic-locking races. */
  public static final int MAX_ATTEMPTS = LeadCommands.MAX_ATTEMPTS;

  private final LeadCommands commands;
  private final LeadIntake intake;
  private final AccountMatching matching;

  /**
   * @param accounts the account registry, for lead-to-account matching and the matched account's owner
   * @param routing the port to routing (the facade wires the {@code LeadRouter})
   * @param profiles the reps' routing profiles, whose working hours business-hours SLAs count
   * @param org the organisation: who manages whom, and the reps' time zones
   */
  public LeadService(LeadRepository leads, AccountRepository accounts, LeadRouting routing,
      PlaybookRepository playbooks, OrgDirectory org, RepProfiles profiles, EventPublisher events, IdGenerator ids,
      TransactionRunner transactions, Clock clock) {
    this.commands = new LeadCommands(Objects.requireNonNull(leads, "leads"),
        Objects.requireNonNull(playbooks, "playbooks"), Objects.requireNonNull(org, "org"),
        Objects.requireNonNull(routing, "routing"),
        new SlaDeadline(Objects.requireNonNull(profiles, "profiles"), org),
        Objects.requireNonNull(events, "events"), Objects.requireNonNull(transactions, "transactions"),
        Objects.requireNonNull(clock, "clock"));
    this.matching = new AccountMatching(Objects.requireNonNull(accounts, "accounts"));
    this.intake = new LeadIntake(commands, Objects.requireNonNull(ids, "ids"), matching);
  }

  /**
   * The stored lead.
   *
   * @throws NotFoundException if the tenant has no such lead
   */
  public Lead get(LeadId id) {
    return commands.get(Objects.requireNonNull(id, "id"));
  }

  /**
   * Captures a lead: validates it, catches a duplicate of a live lead, matches it to an account, routes it and stores
   * it with the decision. Publishes {@link LeadEvent.LeadCaptured} and the decision's assignment event.
   *
   * @return {@link LeadCapture.Captured} with the decision trace, or {@link LeadCapture.Duplicate}
   * @throws ValidationException listing every problem, nothing stored: a blank source or name ({@code source}, {@code
   *     name}), no phone and no e-mail ({@code phones}), an unreadable company name, phone or address ({@code company},
   *     {@code phones[i]}, {@code emails[i]}), unknown, built-in or ill-typed fields ({@code fields.<name>})
   * @throws NotFoundException if the tenant has no playbook
   */
  public LeadCapture capture(TenantId tenant, NewLead command) {
    return intake.capture(Objects.requireNonNull(tenant, "tenant"), Objects.requireNonNull(command, "command"));
  }

  /**
   * Records the first contact with a lead: stops its SLA clock and makes it {@link LeadStatus#CONTACTED}. Only the
   * first contact is recorded; later ones return the lead unchanged. Publishes {@link LeadContacted}, telling whether
   * the SLA was met.
   *
   * @param actor the owner, or a manager above them
   * @param at when the contact happened: not in the future, not before the capture
   * @return refused if the lead is queued (nobody owns it) or disqualified
   * @throws ValidationException at {@code at} for a time in the future or before the capture
   * @throws RuleViolationException ({@link ErrorCode#FORBIDDEN}) if the actor is neither the owner nor above them
   * @throws NotFoundException if the tenant has no such lead
   */
  public LeadChange contact(LeadId id, RepId actor, Instant at) {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(at, "at");
    return commands.run(Objects.requireNonNull(id, "id"), a -> {
      Lead lead = a.lead;
      if (at.isAfter(a.now)) {
        throw ValidationException.of("at", "first contact at " + at + " lies in the future (it is " + a.now + ")");
      }
      if (at.isBefore(lead.capturedAt())) {
        throw ValidationException.of("at", "first contact at " + at + " comes before the lead was captured at "
            + lead.capturedAt());
      }
      RepId owner = lead.owner();
      if (owner == null || lead.status() == LeadStatus.DISQUALIFIED) {
        return refused(lead, "lead.contact", owner == null
            ? "it waits in a queue and has no owner to contact it yet" : "it was disqualified");
      }
      LeadAuthority.requireOwnerOrAbove(lead, owner, actor, a.chart(), "contact");
      if (lead.firstContactAt() != null) {
        return new Changed(lead, List.of(new Reason("lead.contact", "first contact was already recorded at "
            + lead.firstContactAt())));
      }
      Instant due = lead.slaDue().orElse(null);
      boolean withinSla = due == null || !at.isAfter(due);
      Lead.Draft d = lead.draft();
      d.firstContactAt = at;
      if (lead.status() == LeadStatus.ASSIGNED) {
        d.status = LeadStatus.CONTACTED;
      }
      Lead stored = a.store(d.build(), List.of(new LeadContacted(lead.id(), a.now, owner, actor, at, due,
          withinSla)));
      return new Changed(stored, List.of(slaVerdict(at, due, withinSla)));
    });
  }

  private static Reason slaVerdict(Instant at, @Nullable Instant due, boolean withinSla) {
    if (due == null) {
      return new Reason("lead.sla", "no first-contact SLA was running");
    }
    return new Reason("lead.sla", withinSla ? "first contact met the SLA due " + due
        : "first contact came " + Duration.between(due, at) + " after the SLA due " + due);
  }

  /**
   * Qualifies a lead: it is worth pursuing. It leaves its owner's open load. Publishes {@link LeadQualified}.
   *
   * @param actor the owner, or a manager above them
   * @return refused unless the lead is assigned or contacted (qualifying a qualified lead returns it unchanged)
   * @throws RuleViolationException ({@link ErrorCode#FORBIDDEN}) if the actor is neither the owner nor above them
   * @throws NotFoundException if the tenant has no such lead
   */
  public LeadChange qualify(LeadId id, RepId actor) {
    Objects.requireNonNull(actor, "actor");
    return commands.run(Objects.requireNonNull(id, "id"), a -> {
      Lead lead = a.lead;
      RepId owner = lead.owner();
      if (owner == null || lead.status().isClosed()) {
        return refused(lead, "lead.qualify", owner == null ? "it waits in a queue: nobody has worked it yet"
            : "it is already " + lead.status().jsonName());
      }
      LeadAuthority.requireOwnerOrAbove(lead, owner, actor, a.chart(), "qualify");
      if (lead.status() == LeadStatus.QUALIFIED) {
        return new Changed(lead, List.of());
      }
      Lead.Draft d = lead.draft();
      d.status = LeadStatus.QUALIFIED;
      a.releaseAfterCommit(owner);
      return new Changed(a.store(d.build(), List.of(new LeadQualified(lead.id(), a.now, owner, actor))), List.of());
    });
  }

  /**
   * Disqualifies a lead with a reason. An open lead leaves its owner's load. Publishes {@link LeadDisqualified}.
   *
   * @param actor the owner or a manager above them; for a queued lead, any rep of the tenant (triage)
   * @return refused for a converted lead (disqualifying a disqualified lead returns it unchanged)
   * @throws ValidationException at {@code reason} if it is blank
   * @throws RuleViolationException ({@link ErrorCode#FORBIDDEN}) if the actor may not act on the lead
   * @throws NotFoundException if the tenant has no such lead
   */
  public LeadChange disqualify(LeadId id, RepId actor, String reason) {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(reason, "reason");
    if (reason.isBlank()) {
      throw ValidationException.of("reason", "say why the lead is disqualified");
    }
    return commands.run(Objects.requireNonNull(id, "id"), a -> {
      Lead lead = a.lead;
      RepId owner = lead.owner();
      if (owner == null) {
        LeadAuthority.requireKnownRep(lead, actor, a.chart(), "disqualify");
      } else {
        LeadAuthority.requireOwnerOrAbove(lead, owner, actor, a.chart(), "disqualify");
      }
      if (lead.status() == LeadStatus.DISQUALIFIED) {
        return new Changed(lead, List.of(new Reason("lead.disqualify", "already disqualified: "
            + lead.disqualifyReason())));
      }
      if (lead.status() == LeadStatus.CONVERTED) {
        return refused(lead, "lead.disqualify", "it was already converted");
      }
      if (lead.status().isOpen()) {
        a.releaseAfterCommit(owner);
      }
      Lead.Draft d = lead.draft();
      d.status = LeadStatus.DISQUALIFIED;
      d.disqualifyReason = reason.strip();
      return new Changed(a.store(d.build(), List.of(new LeadDisqualified(lead.id(), a.now, owner, actor,
          reason.strip()))), List.of());
    });
  }

  /**
   * Records that a lead was converted into an account (and possibly a deal) the host created. An open lead leaves its
   * owner's load. Publishes {@link LeadConverted}.
   *
   * @param actor the owner, or a manager above them
   * @param deal the deal opened for it, or {@code null}
   * @return refused for a queued or disqualified lead, or one converted into something else (converting again into the
   *     same account and deal returns it unchanged)
   * @throws ValidationException at {@code account} or {@code deal} if they belong to another tenant
   * @throws RuleViolationException ({@link ErrorCode#FORBIDDEN}) if the actor is neither the owner nor above them
   * @throws NotFoundException if the tenant has no such lead
   */
  public LeadChange convert(LeadId id, RepId actor, AccountId account, @Nullable DealId deal) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(account, "account");
    List<Problem> problems = new ArrayList<>();
    if (!account.tenant().equals(id.tenant())) {
      problems.add(new Problem("account", "account " + account + " belongs to another tenant than " + id.tenant()));
    }
    if (deal != null && !deal.tenant().equals(id.tenant())) {
      problems.add(new Problem("deal", "deal " + deal + " belongs to another tenant than " + id.tenant()));
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
    return commands.run(id, a -> {
      Lead lead = a.lead;
      RepId owner = lead.owner();
      if (owner == null || lead.status() == LeadStatus.DISQUALIFIED) {
        return refused(lead, "lead.convert", owner == null
            ? "it waits in a queue: hand it to someone first" : "it was disqualified");
      }
      LeadAuthority.requireOwnerOrAbove(lead, owner, actor, a.chart(), "convert");
      Conversion done = lead.convertedTo();
      if (done != null) {
        return done.account().equals(account) && Objects.equals(done.deal(), deal)
            ? new Changed(lead, List.of())
            : refused(lead, "lead.convert", "it was already converted into " + done.account().value()
                + (done.deal() == null ? "" : " and " + done.deal().value()));
      }
      if (lead.status().isOpen()) {
        a.releaseAfterCommit(owner);
      }
      Lead.Draft d = lead.draft();
      d.status = LeadStatus.CONVERTED;
      d.convertedTo = new Conversion(account, deal, actor, a.now);
      return new Changed(a.store(d.build(), List.of(new LeadConverted(lead.id(), a.now, owner, actor, account,
          deal))), List.of());
    });
  }

  /**
   * Hands an open lead to another rep by hand. The previous owner's load is released and the new owner's counted; the
   * new owner gets the lead's first-contact SLA afresh (unless it was already contacted). Publishes {@link
   * LeadReassigned}.
   *
   * @param newOwner an active rep of the tenant
   * @param actor the current owner or a manager above them; for a queued lead, a manager above the new owner or the
   *     new owner taking it
   * @param note why, kept in the assignment history
   * @return refused for a qualified or closed lead (handing a lead to its owner returns it unchanged)
   * @throws ValidationException at {@code note} if blank, at {@code new_owner} for an unknown, inactive or other
   *     tenant's rep
   * @throws RuleViolationException ({@link ErrorCode#FORBIDDEN}) if the actor may not hand the lead over
   * @throws NotFoundException if the tenant has no such lead
   */
  public LeadChange reassign(LeadId id, RepId newOwner, RepId actor, String note) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(newOwner, "newOwner");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(note, "note");
    if (note.isBlank()) {
      throw ValidationException.of("note", "say why the lead is handed over");
    }
    if (!newOwner.tenant().equals(id.tenant())) {
      throw ValidationException.of("new_owner", "rep " + newOwner + " belongs to another tenant than "
          + id.tenant());
    }
    return commands.run(id, a -> {
      Lead lead = a.lead;
      Optional<Rep> to = a.chart().rep(newOwner);
      if (to.isEmpty() || !to.get().active()) {
        throw ValidationException.of("new_owner", "no active rep " + newOwner.value() + " in the organisation");
      }
      if (!lead.status().isOpen()) {
        return refused(lead, "lead.reassign", "it is " + lead.status().jsonName() + ", no longer open");
      }
      RepId from = lead.owner();
      if (from == null) {
        LeadAuthority.requireDispatcher(lead, newOwner, actor, a.chart());
      } else {
        LeadAuthority.requireOwnerOrAbove(lead, from, actor, a.chart(), "hand over");
      }
      if (newOwner.equals(from)) {
        return new Changed(lead, List.of());
      }
      RoutingRule rule = a.rules.rule(lead.decision() == null ? "" : lead.decision().ruleKey());
      Duration sla = lead.decision() == null ? rule.firstContactSla() : lead.decision().firstContactSla();
      Instant due = lead.status() == LeadStatus.CONTACTED ? null
          : commands.deadlines.due(newOwner, a.now, sla,
              lead.decision() == null ? rule.slaClock() : lead.decision().slaClock(), a.rules.zone());
      Lead.Draft d = lead.draft().assign(new Assignment(newOwner, AssignmentCause.MANUAL, RoutingOutcome.ASSIGNED,
          Assignment.MANUAL_RULE, "", a.now, due, List.of(new Reason("lead.reassign", note.strip())),
          a.rules.version(), actor, note.strip()));
      a.releaseAfterCommit(from);
      a.assignedAfterCommit(new AssignmentRecord(lead.id(), newOwner, Assignment.MANUAL_RULE, null, a.now));
      return new Changed(a.store(d.build(), List.of(new LeadReassigned(lead.id(), a.now, from, newOwner, actor,
          note.strip()))), List.of());
    });
  }

  /**
   * Routes the tenant's queued leads again, oldest first — typically after capacity freed up or reps came back. A lead
   * that finds an assignee is stored with the new decision and publishes its assignment event; one still queued stays
   * as it is (its stored trace is the decision that queued it). A lead queued by a re-route still avoids its recent
   * assignees.
   *
   * @return the decisions, one per queued lead, in the order routed
   * @throws NotFoundException if the tenant has no playbook
   */
  public List<RoutingDecision> routeQueued(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    commands.rules(tenant); // fails fast without a playbook
    List<RoutingDecision> decisions = new ArrayList<>();
    for (Lead queued : commands.leads.findByStatus(tenant, Set.of(LeadStatus.NEW))) {
      try {
        commands.run(queued.id(), this::routeFromQueue).ifPresent(decisions::add);
      } catch (ConcurrencyConflictException keepsChanging) {
        // Someone keeps working on it, so it is hardly waiting; the next pass looks again.
      }
    }
    return decisions;
  }

  private Optional<RoutingDecision> routeFromQueue(Attempt a) {
    Lead lead = a.lead;
    if (lead.status() != LeadStatus.NEW) {
      return Optional.empty();
    }
    RoutingRule rule = a.rules.rule(lead.decision() == null ? "" : lead.decision().ruleKey());
    RoutingDecision decision = commands.routing.route(new RoutingRequest(a.tenant(), lead.id(), lead.fields(),
        matching.currentOwner(lead.matchedAccount()), lead.lastAssignees(rule.rememberLast())));
    if (decision.outcome() != RoutingOutcome.QUEUED) {
      a.store(a.record(decision, AssignmentCause.QUEUE).build(), List.of(decision.event()));
    }
    return Optional.of(decision);
  }

  private static Refused refused(Lead lead, String rule, String why) {
    return new Refused(lead.id(), ErrorCode.INVALID_TRANSITION,
        List.of(new Reason(rule, "lead " + lead.id().value() + " cannot be changed: " + why)));
  }
}
