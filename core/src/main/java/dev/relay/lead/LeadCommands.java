package dev.relay.lead;

import dev.relay.assignment.AssignmentRecord;
import dev.relay.assignment.RoutingDecision;
import dev.relay.common.ConflictRetry;
import dev.relay.common.EventPublisher;
import dev.relay.common.LeadId;
import dev.relay.common.NotFoundException;
import dev.relay.common.RelayEvent;
import dev.relay.common.RepId;
import dev.relay.common.TenantId;
import dev.relay.common.TransactionRunner;
import dev.relay.org.OrgChart;
import dev.relay.org.OrgDirectory;
import dev.relay.playbook.PlaybookRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The unit of work every lead command runs in: read the lead, decide with the tenant's current playbook (fields rebound
 * when the version changed), write it with an optimistic version check, publish its events — all inside one {@link
 * TransactionRunner} unit, re-run from the read up to {@value #MAX_ATTEMPTS} times when the write loses a race. Load
 * releases wait until the write succeeded; a routing decision taken inside an attempt whose write then lost is handed
 * back to routing (its assignee released), since the retry routes afresh. Shared by the {@link LeadService} and the
 * {@link SlaRerouteSweep}.
 */
final class LeadCommands {
  /** Attempts of a command that keeps losing optimistic-locking races. */
  static final int MAX_ATTEMPTS = 3;

  final LeadRepository leads;
  final PlaybookRepository playbooks;
  final OrgDirectory org;
  final LeadRouting routing;
  final SlaDeadline deadlines;
  final EventPublisher events;
  final TransactionRunner transactions;
  final Clock clock;
  private final ConflictRetry retrying = new ConflictRetry(MAX_ATTEMPTS);

  LeadCommands(LeadRepository leads, PlaybookRepository playbooks, OrgDirectory org, LeadRouting routing,
      SlaDeadline deadlines, EventPublisher events, TransactionRunner transactions, Clock clock) {
    this.leads = leads;
    this.playbooks = playbooks;
    this.org = org;
    this.routing = routing;
    this.deadlines = deadlines;
    this.events = events;
    this.transactions = transactions;
    this.clock = clock;
  }

  /** @throws NotFoundException if the tenant has no such lead */
  Lead get(LeadId id) {
    return leads.find(id).orElseThrow(() -> new NotFoundException("lead", id));
  }

  /** @throws NotFoundException if the tenant has no playbook */
  LeadRules rules(TenantId tenant) {
    return new LeadRules(playbooks.current(tenant).orElseThrow(() -> new NotFoundException("playbook", tenant)));
  }

  /**
   * Runs a command on a lead, retried on lost races. Releases happen only after the attempt that committed; routing
   * decisions of an attempt that failed are handed back.
   */
  <T> T run(LeadId id, Function<Attempt, T> work) {
    return retrying.run(() -> {
      List<Attempt> made = new ArrayList<>(1);
      T result;
      try {
        result = transactions.inTransaction(() -> {
          Attempt a = attempt(id);
          made.add(a);
          return work.apply(a);
        });
      } catch (RuntimeException failed) {
        made.forEach(Attempt::handBack);
        throw failed;
      }
      made.forEach(Attempt::committed);
      return result;
    });
  }

  private Attempt attempt(LeadId id) {
    Lead stored = get(id);
    LeadRules rules = rules(id.tenant());
    return new Attempt(rules.bind(stored), stored.version(), rules, clock.instant());
  }

  /** Stores a new lead and publishes its events in one unit of work. */
  Lead insert(Lead lead, List<? extends RelayEvent> happened) {
    return transactions.inTransaction(() -> {
      leads.insert(lead);
      publish(happened);
      return lead;
    });
  }

  /**
   * The assignment a routing decision makes: its assignee (none when queued), rule and trace summary, and the SLA due
   * time counted from the decision in the assignee's clock.
   */
  Assignment assignmentOf(RoutingDecision decision, AssignmentCause cause, ZoneId tenantZone) {
    RepId assignee = decision.assignee();
    Instant due = assignee == null ? null : deadlines.due(assignee, decision.decidedAt(), decision.firstContactSla(),
        decision.slaClock(), tenantZone);
    return new Assignment(assignee, cause, decision.outcome(), decision.ruleKey(), decision.rulePath(),
        decision.decidedAt(), due, decision.reasons(), decision.playbookVersion(), null, null);
  }

  private void publish(List<? extends RelayEvent> happened) {
    if (!happened.isEmpty()) {
      events.publish(happened);
    }
  }

  /** One attempt of a command: the lead as read, the rules in force and the moment. */
  final class Attempt {
    final Lead lead;
    final long readVersion;
    final LeadRules rules;
    final Instant now;
    private @Nullable OrgChart chart;
    private final List<Runnable> onCommit = new ArrayList<>();
    private final List<RepId> routedTo = new ArrayList<>();

    Attempt(Lead lead, long readVersion, LeadRules rules, Instant now) {
      this.lead = lead;
      this.readVersion = readVersion;
      this.rules = rules;
      this.now = now;
    }

    TenantId tenant() {
      return lead.tenant();
    }

    /** Built lazily: most commands need no organisation. */
    OrgChart chart() {
      OrgChart c = chart;
      if (c == null) {
        c = org.chart(lead.tenant());
        chart = c;
      }
      return c;
    }

    /** Releases the rep's load of this lead once the attempt's write has committed. */
    void releaseAfterCommit(@Nullable RepId rep) {
      if (rep != null) {
        onCommit.add(() -> routing.released(lead.tenant(), rep, lead.id()));
      }
    }

    /** Counts a lead the rep received outside routing in their load, once the attempt's write has committed. */
    void assignedAfterCommit(AssignmentRecord record) {
      onCommit.add(() -> routing.assigned(record));
    }

    /** Remembers that routing gave the lead to {@code rep} in this attempt, to hand back should the write lose. */
    void routedTo(@Nullable RepId rep) {
      if (rep != null) {
        routedTo.add(rep);
      }
    }

    /**
     * The lead with a routing decision recorded: the new assignment appended (owner and status follow) and the decision
     * kept as the lead's latest trace. Should this attempt's write fail, the assignee is handed back to routing.
     */
    Lead.Draft record(RoutingDecision decision, AssignmentCause cause) {
      routedTo(decision.assignee());
      Lead.Draft d = lead.draft().assign(assignmentOf(decision, cause, rules.zone()));
      d.decision = decision;
      return d;
    }

    /** Writes the change as the next version if nobody else wrote first, then publishes its events. */
    Lead store(Lead changed, List<? extends RelayEvent> happened) {
      Lead next = changed.withBuiltIns().nextVersion(rules.version());
      leads.save(next, readVersion);
      publish(happened);
      return next;
    }

    /**
     * The attempt failed (typically lost a race): what routing gave the lead in it goes back — unless the write that
     * won gave the lead to the same rep, whose load then rightly holds it (the routing state counts a lead once per
     * rep, so the two decisions opened it once).
     */
    private void handBack() {
      if (routedTo.isEmpty()) {
        return;
      }
      RepId ownerNow = leads.find(lead.id()).map(Lead::owner).orElse(null);
      for (RepId rep : routedTo) {
        if (!rep.equals(ownerNow)) {
          routing.released(lead.tenant(), rep, lead.id());
        }
      }
    }

    private void committed() {
      onCommit.forEach(Runnable::run);
    }
  }
}
