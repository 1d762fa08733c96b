package dev.relay.pipeline;

import dev.relay.common.DealId;
import dev.relay.common.ErrorCode;
import dev.relay.common.Money;
import dev.relay.common.Reason;
import dev.relay.common.RelayEvent;
import dev.relay.common.RepId;
import dev.relay.common.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What happened to a deal, published through {@link dev.relay.common.EventPublisher} in the same transaction as the
 * change (or, for {@link GateBlocked}, the refusal) that caused it. Failures are events too, so hosts can notify people
 * and audits can count refusals.
 */
public sealed interface PipelineEvent extends RelayEvent {

  /** The deal the event is about. */
  DealId deal();

  @Override
  default TenantId tenant() {
    return deal().tenant();
  }

  /** A deal was created in the pipeline's first stage. */
  record DealCreated(DealId deal, Instant occurredAt, String stage, RepId owner, RepId responsible, Money amount,
      RepId actor, int playbookVersion) implements PipelineEvent {
    @Override
    public String type() {
      return "pipeline.deal_created";
    }
  }

  /** A deal entered a stage (forward, back, by a skip, into the won stage or on reopening). */
  record StageChanged(DealId deal, Instant occurredAt, String from, String to, TransitionKind kind,
      RepId responsible, RepId actor, int playbookVersion) implements PipelineEvent {
    @Override
    public String type() {
      return "pipeline.stage_changed";
    }
  }

  /** A deal was won, by entering the won stage or by being closed as won where it stood. */
  record DealWon(DealId deal, Instant occurredAt, String stage, Money amount, RepId owner, RepId actor,
      int playbookVersion) implements PipelineEvent {
    @Override
    public String type() {
      return "pipeline.deal_won";
    }
  }

  /** A deal was lost in a stage for a configured reason. */
  record DealLost(DealId deal, Instant occurredAt, String stage, String reason, @Nullable String note, RepId actor,
      int playbookVersion) implements PipelineEvent {
    @Override
    public String type() {
      return "pipeline.deal_lost";
    }
  }

  /** A lost deal was reopened into a stage. */
  record DealReopened(DealId deal, Instant occurredAt, String stage, RepId actor, int playbookVersion)
      implements PipelineEvent {
    @Override
    public String type() {
      return "pipeline.deal_reopened";
    }
  }

  /**
   * A forward move was refused because exit criteria failed or approvals are missing; the reasons say which.
   *
   * @param code {@link ErrorCode#GATE_NOT_SATISFIED} or {@link ErrorCode#APPROVAL_REQUIRED}
   */
  record GateBlocked(DealId deal, Instant occurredAt, String stage, String target, ErrorCode code,
      List<Reason> reasons, RepId actor, int playbookVersion) implements PipelineEvent {
    public GateBlocked {
      reasons = List.copyOf(reasons);
    }

    @Override
    public String type() {
      return "pipeline.gate_blocked";
    }
  }

  /** An approval was requested from a person. */
  record ApprovalRequested(DealId deal, Instant occurredAt, String approvalId, String stage, String ruleKey,
      RepId approver, RepId requestedBy) implements PipelineEvent {
    @Override
    public String type() {
      return "pipeline.approval_requested";
    }
  }

  /** An approval was granted, by the approver or someone above them. */
  record ApprovalGranted(DealId deal, Instant occurredAt, String approvalId, String stage, String ruleKey,
      RepId approver, RepId decidedBy, @Nullable String note) implements PipelineEvent {
    @Override
    public String type() {
      return "pipeline.approval_granted";
    }
  }

  /** An approval was refused; the deal stays blocked for this stage visit unless the rule stops applying. */
  record ApprovalRejected(DealId deal, Instant occurredAt, String approvalId, String stage, String ruleKey,
      RepId approver, RepId decidedBy, @Nullable String note) implements PipelineEvent {
    @Override
    public String type() {
      return "pipeline.approval_rejected";
    }
  }

  /** A deal stayed in a stage longer than the stage's SLA; reported once per stage visit. */
  record SlaBreached(DealId deal, Instant occurredAt, String stage, RepId responsible, Instant enteredAt,
      Instant due, Duration overdue) implements PipelineEvent {
    @Override
    public String type() {
      return "pipeline.sla_breached";
    }
  }

  /** The deal changed hands, e.g. because its account was transferred to another rep. */
  record DealOwnerChanged(DealId deal, Instant occurredAt, RepId from, RepId to, RepId responsible, RepId actor,
      @Nullable String note) implements PipelineEvent {
    @Override
    public String type() {
      return "pipeline.owner_changed";
    }
  }
}
