package dev.relay.assignment;

import dev.relay.common.LeadId;
import dev.relay.common.Reason;
import dev.relay.common.RelayEvent;
import dev.relay.common.RepId;
import dev.relay.common.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What routing did with a lead. The router only decides; the lead service publishes {@link RoutingDecision#event()}
 * through {@link dev.relay.common.EventPublisher} in the unit of work that stores the lead's new owner, so that an event
 * never announces an assignment that was rolled back.
 */
public sealed interface AssignmentEvent extends RelayEvent
    permits AssignmentEvent.LeadAssigned, AssignmentEvent.LeadQueued, AssignmentEvent.LeadEscalated {

  /** The lead the event is about. */
  LeadId lead();

  /** The rule that routed it. */
  String ruleKey();

  int playbookVersion();

  /** Why, as the decision gave it. */
  List<Reason> reasons();

  @Override
  default TenantId tenant() {
    return lead().tenant();
  }

  /** The event of a decision: assigned (also to the fallback owner), queued or escalated. */
  static AssignmentEvent of(RoutingDecision d) {
    Objects.requireNonNull(d, "decision");
    return switch (d.outcome()) {
      case ASSIGNED, FALLBACK -> new LeadAssigned(d.lead(), d.decidedAt(), Objects.requireNonNull(d.assignee()),
          d.outcome(), d.ruleKey(), d.strategy(), d.firstContactSla(), d.slaClock(), d.playbookVersion(), d.reasons());
      case QUEUED -> new LeadQueued(d.lead(), d.decidedAt(), d.ruleKey(), d.playbookVersion(), d.reasons());
      case ESCALATED -> new LeadEscalated(d.lead(), d.decidedAt(), Objects.requireNonNull(d.assignee()), d.ruleKey(),
          d.firstContactSla(), d.slaClock(), d.playbookVersion(), d.reasons());
    };
  }

  /**
   * A rep received a lead: picked by the rule's strategy, as the account owner, or as the rule's fallback owner.
   *
   * @param outcome {@link RoutingOutcome#ASSIGNED} or {@link RoutingOutcome#FALLBACK}
   * @param strategy the strategy that picked the rep, {@code null} for the account owner or the fallback owner
   * @param firstContactSla how long the rep has to contact the lead
   */
  record LeadAssigned(LeadId lead, Instant occurredAt, RepId assignee, RoutingOutcome outcome, String ruleKey,
      @Nullable Strategy strategy, Duration firstContactSla, SlaClock slaClock, int playbookVersion,
      List<Reason> reasons) implements AssignmentEvent {
    public LeadAssigned {
      Objects.requireNonNull(lead, "lead");
      Objects.requireNonNull(occurredAt, "occurredAt");
      Objects.requireNonNull(assignee, "assignee");
      Objects.requireNonNull(ruleKey, "ruleKey");
      if (outcome != RoutingOutcome.ASSIGNED && outcome != RoutingOutcome.FALLBACK) {
        throw new IllegalArgumentException("a lead is assigned or given to the fallback owner, not " + outcome);
      }
      reasons = List.copyOf(reasons);
    }

    @Override
    public String type() {
      return "assignment.lead_assigned";
    }
  }

  /** Nobody was eligible and the lead waits in its rule's queue. */
  record LeadQueued(LeadId lead, Instant occurredAt, String ruleKey, int playbookVersion, List<Reason> reasons)
      implements AssignmentEvent {
    public LeadQueued {
      Objects.requireNonNull(lead, "lead");
      Objects.requireNonNull(occurredAt, "occurredAt");
      Objects.requireNonNull(ruleKey, "ruleKey");
      reasons = List.copyOf(reasons);
    }

    @Override
    public String type() {
      return "assignment.lead_queued";
    }
  }

  /**
   * Nobody was eligible and the lead went up to a manager (or the fallback owner), who should hand it on.
   *
   * @param escalatedTo who received it
   */
  record LeadEscalated(LeadId lead, Instant occurredAt, RepId escalatedTo, String ruleKey, Duration firstContactSla,
      SlaClock slaClock, int playbookVersion, List<Reason> reasons) implements AssignmentEvent {
    public LeadEscalated {
      Objects.requireNonNull(lead, "lead");
      Objects.requireNonNull(occurredAt, "occurredAt");
      Objects.requireNonNull(escalatedTo, "escalatedTo");
      Objects.requireNonNull(ruleKey, "ruleKey");
      reasons = List.copyOf(reasons);
    }

    @Override
    public String type() {
      return "assignment.lead_escalated";
    }
  }
}
