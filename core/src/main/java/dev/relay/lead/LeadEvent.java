package dev.relay.lead;

import dev.relay.assignment.RoutingOutcome;
import dev.relay.common.AccountId;
import dev.relay.common.DealId;
import dev.relay.common.LeadId;
import dev.relay.common.RelayEvent;
import dev.relay.common.RepId;
import dev.relay.common.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What happened to a lead, published through {@link dev.relay.common.EventPublisher} in the same unit of work as the
 * change. How routing came out is told by the assignment events ({@code LeadAssigned}, {@code LeadQueued}, {@code
 * LeadEscalated} of {@code dev.relay.assignment}), published beside these.
 */
public sealed interface LeadEvent extends RelayEvent {

  /** The lead the event is about. */
  LeadId lead();

  @Override
  default TenantId tenant() {
    return lead().tenant();
  }

  /**
   * A lead was captured. A duplicate of an open lead is captured too (stored disqualified, never routed), so that every
   * inquiry and its source count.
   *
   * @param matchedAccount the account it was matched to, or {@code null}
   * @param accountOwner that account's owner, who routing tried first, or {@code null}
   * @param duplicateOf the open lead it duplicates, or {@code null}
   */
  record LeadCaptured(LeadId lead, Instant occurredAt, String source, String name, @Nullable String company,
      @Nullable AccountId matchedAccount, @Nullable RepId accountOwner, @Nullable LeadId duplicateOf,
      int playbookVersion) implements LeadEvent {
    @Override
    public String type() {
      return "lead.captured";
    }
  }

  /**
   * The owner (or their manager) made first contact; the SLA clock stopped.
   *
   * @param contactedAt when the contact happened (may be before it was recorded)
   * @param slaDue the SLA it was measured against, or {@code null} if none ran
   * @param withinSla whether the contact met the SLA ({@code true} without one)
   */
  record LeadContacted(LeadId lead, Instant occurredAt, RepId owner, RepId actor, Instant contactedAt,
      @Nullable Instant slaDue, boolean withinSla) implements LeadEvent {
    @Override
    public String type() {
      return "lead.contacted";
    }
  }

  /** The lead was qualified; it no longer counts in the owner's open load. */
  record LeadQualified(LeadId lead, Instant occurredAt, RepId owner, RepId actor) implements LeadEvent {
    @Override
    public String type() {
      return "lead.qualified";
    }
  }

  /** The lead was disqualified ({@code owner} is {@code null} for a queued lead). */
  record LeadDisqualified(LeadId lead, Instant occurredAt, @Nullable RepId owner, RepId actor, String reason)
      implements LeadEvent {
    @Override
    public String type() {
      return "lead.disqualified";
    }
  }

  /** The lead was converted into an account and possibly a deal. */
  record LeadConverted(LeadId lead, Instant occurredAt, RepId owner, RepId actor, AccountId account,
      @Nullable DealId deal) implements LeadEvent {
    @Override
    public String type() {
      return "lead.converted";
    }
  }

  /** Someone handed the lead over by hand ({@code from} is {@code null} for a queued lead). */
  record LeadReassigned(LeadId lead, Instant occurredAt, @Nullable RepId from, RepId to, RepId actor, String note)
      implements LeadEvent {
    @Override
    public String type() {
      return "lead.reassigned";
    }
  }

  /**
   * The assignee did not contact the lead by its SLA; published once per assignment, followed by a {@link
   * LeadRerouted} or an escalation.
   *
   * @param reroutes the re-routes before this miss
   * @param ruleKey the assignment rule whose SLA was missed
   */
  record LeadSlaMissed(LeadId lead, Instant occurredAt, RepId assignee, Instant slaDue, int reroutes, String ruleKey)
      implements LeadEvent {
    @Override
    public String type() {
      return "lead.sla_missed";
    }
  }

  /**
   * The SLA sweep routed the lead again, away from its recent assignees.
   *
   * @param from the assignee who missed the SLA
   * @param to the new assignee, or {@code null} if routing queued the lead
   * @param outcome how routing came out
   * @param reroute which re-route this is (1 for the first)
   * @param avoided the recent assignees routing was told to avoid, newest first
   */
  record LeadRerouted(LeadId lead, Instant occurredAt, RepId from, @Nullable RepId to, RoutingOutcome outcome,
      int reroute, List<RepId> avoided, String ruleKey) implements LeadEvent {
    public LeadRerouted {
      Objects.requireNonNull(outcome, "outcome");
      avoided = List.copyOf(avoided);
    }

    @Override
    public String type() {
      return "lead.rerouted";
    }
  }
}
