package dev.relay.pipeline;

import dev.relay.common.AccountId;
import dev.relay.common.DealId;
import dev.relay.common.Money;
import dev.relay.common.RepId;
import dev.relay.common.TenantId;
import dev.relay.fields.FieldValues;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A sales opportunity (商机) moving through the tenant's pipeline: the aggregate the {@link PipelineService} changes and
 * a {@link DealRepository} stores. Immutable; every change the service makes yields a new {@code Deal} whose {@link
 * #version()} is one higher, which the repository uses for optimistic locking.
 *
 * <p>The built-in fields ({@link DealFields}: name, amount, currency, stage, status, owner, probability) are mirrored
 * into {@link #fields()} on every change, so gates and other criteria read them like custom fields.
 *
 * <p>Storage adapters rebuild deals through the canonical constructor; {@link #fields()} must then be bound to the
 * {@code DEAL} schema of playbook version {@link #playbookVersion()} (or any later one; the service rebinds).
 *
 * @param id tenant-scoped id
 * @param name display name, not blank
 * @param account the customer account the deal is with, or {@code null} for a deal not (yet) tied to one
 * @param owner the rep who owns the deal
 * @param collaborators others working on it, at most one entry per rep
 * @param amount the expected contract value
 * @param stage key of the stage the deal is in
 * @param status open, won or lost
 * @param fields built-in and custom field values
 * @param responsible the person responsible for the deal in its current stage
 * @param lostReason the lost-reason key while {@link DealStatus#LOST}, otherwise {@code null}
 * @param lostNote the note given when it was lost, or {@code null}
 * @param approvals every approval request ever filed, oldest first (see {@link #currentApprovals()})
 * @param slaBreachReportedAt when an SLA breach of the current stage visit was reported, or {@code null}
 * @param history every transition, oldest first; starts with {@link TransitionKind#CREATED}
 * @param createdAt when the deal was created
 * @param playbookVersion the playbook version of the last change (and the schema {@code fields} is bound to)
 * @param version optimistic-locking version: 1 when created, +1 for every change
 * @throws IllegalArgumentException if the parts contradict each other (another tenant's rep, a history not ending in
 *     {@code stage}, a lost reason on a deal that is not lost, …)
 */
public record Deal(
    DealId id,
    String name,
    @Nullable AccountId account,
    RepId owner,
    List<Collaborator> collaborators,
    Money amount,
    String stage,
    DealStatus status,
    FieldValues fields,
    RepId responsible,
    @Nullable String lostReason,
    @Nullable String lostNote,
    List<Approval> approvals,
    @Nullable Instant slaBreachReportedAt,
    List<StageTransition> history,
    Instant createdAt,
    int playbookVersion,
    long version) {

  public Deal {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(fields, "fields");
    Objects.requireNonNull(responsible, "responsible");
    Objects.requireNonNull(createdAt, "createdAt");
    collaborators = List.copyOf(collaborators);
    approvals = List.copyOf(approvals);
    history = List.copyOf(history);
    if (name.isBlank()) {
      throw new IllegalArgumentException("deal " + id + " needs a name");
    }
    TenantId tenant = id.tenant();
    requireTenant(tenant, owner, "owner");
    if (account != null && !account.tenant().equals(tenant)) {
      throw new IllegalArgumentException("account " + account + " belongs to another tenant than " + tenant);
    }
    requireTenant(tenant, responsible, "responsible");
    for (Collaborator c : collaborators) {
      requireTenant(tenant, c.rep(), "collaborator");
    }
    if (collaborators.stream().map(Collaborator::rep).distinct().count() != collaborators.size()) {
      throw new IllegalArgumentException("deal " + id + " lists a collaborator twice: " + collaborators);
    }
    if (history.isEmpty() || history.get(0).kind() != TransitionKind.CREATED) {
      throw new IllegalArgumentException("deal " + id + " history must start with its creation");
    }
    if (!history.get(history.size() - 1).to().equals(stage)) {
      throw new IllegalArgumentException("deal " + id + " is in stage " + stage + " but its history ends in "
          + history.get(history.size() - 1).to());
    }
    if ((status == DealStatus.LOST) != (lostReason != null)) {
      throw new IllegalArgumentException("deal " + id + " is " + status + " with lost reason " + lostReason);
    }
    if (playbookVersion < 1 || version < 1) {
      throw new IllegalArgumentException("deal " + id + " has playbook version " + playbookVersion + " and version "
          + version + "; both start at 1");
    }
  }

  private static void requireTenant(TenantId tenant, RepId rep, String what) {
    if (!rep.tenant().equals(tenant)) {
      throw new IllegalArgumentException(what + " " + rep + " belongs to another tenant than " + tenant);
    }
  }

  public TenantId tenant() {
    return id.tenant();
  }

  public StageTransition lastTransition() {
    return history.get(history.size() - 1);
  }

  /**
   * The history index of the transition that began the current visit of {@link #stage()}. Closing a deal where it
   * stands does not begin a visit; reopening it does.
   */
  public int currentVisit() {
    for (int i = history.size() - 1; i > 0; i--) {
      if (history.get(i).entersStage()) {
        return i;
      }
    }
    return 0;
  }

  /** When the current visit of {@link #stage()} began. */
  public Instant stageEnteredAt() {
    return history.get(currentVisit()).at();
  }

  /** How long the deal has been in its current stage visit at {@code now} (zero if {@code now} is earlier). */
  public Duration dwell(Instant now) {
    Duration d = Duration.between(stageEnteredAt(), now);
    return d.isNegative() ? Duration.ZERO : d;
  }

  /** The approvals filed during the current stage visit, the only ones that count for leaving it. */
  public List<Approval> currentApprovals() {
    int visit = currentVisit();
    return approvals.stream().filter(a -> a.visit() == visit).toList();
  }

  public Optional<Approval> approval(String approvalId) {
    return approvals.stream().filter(a -> a.id().equals(approvalId)).findFirst();
  }

  /**
   * Whether the deal still moves through {@code pipeline}: it is open, or it is won and the pipeline has a won stage,
   * so the deal goes on through the post-sale stages. SLAs and stalled-deal reports apply to these deals only.
   */
  public boolean isInProgress(PipelineDefinition pipeline) {
    return status == DealStatus.OPEN || status == DealStatus.WON && pipeline.wonStage() != null;
  }

  public boolean isSlaBreachReported() {
    return slaBreachReportedAt != null;
  }

  // ---- changes, used by the pipeline service; none of them bumps the version (see nextVersion) ----

  Deal withFields(FieldValues newFields) {
    return new Deal(id, name, account, owner, collaborators, amount, stage, status, newFields, responsible, lostReason, lostNote,
        approvals, slaBreachReportedAt, history, createdAt, playbookVersion, version);
  }

  Deal withNameAndAmount(String newName, Money newAmount) {
    return new Deal(id, newName, account, owner, collaborators, newAmount, stage, status, fields, responsible, lostReason,
        lostNote, approvals, slaBreachReportedAt, history, createdAt, playbookVersion, version);
  }

  Deal withOwner(RepId newOwner) {
    return new Deal(id, name, account, newOwner, collaborators, amount, stage, status, fields, responsible, lostReason,
        lostNote, approvals, slaBreachReportedAt, history, createdAt, playbookVersion, version);
  }

  Deal withResponsible(RepId newResponsible) {
    return new Deal(id, name, account, owner, collaborators, amount, stage, status, fields, newResponsible, lostReason,
        lostNote, approvals, slaBreachReportedAt, history, createdAt, playbookVersion, version);
  }

  Deal withCollaborators(List<Collaborator> newCollaborators) {
    return new Deal(id, name, account, owner, newCollaborators, amount, stage, status, fields, responsible, lostReason,
        lostNote, approvals, slaBreachReportedAt, history, createdAt, playbookVersion, version);
  }

  Deal withApprovals(List<Approval> newApprovals) {
    return new Deal(id, name, account, owner, collaborators, amount, stage, status, fields, responsible, lostReason, lostNote,
        newApprovals, slaBreachReportedAt, history, createdAt, playbookVersion, version);
  }

  Deal withSlaBreachReportedAt(Instant at) {
    return new Deal(id, name, account, owner, collaborators, amount, stage, status, fields, responsible, lostReason, lostNote,
        approvals, at, history, createdAt, playbookVersion, version);
  }

  /** The version a stored change of this deal gets, stamped with the playbook version that made it. */
  Deal nextVersion(int byPlaybookVersion) {
    return new Deal(id, name, account, owner, collaborators, amount, stage, status, fields, responsible, lostReason, lostNote,
        approvals, slaBreachReportedAt, history, createdAt, byPlaybookVersion, version + 1);
  }

  /**
   * Appends a transition. A transition that enters a stage starts a new visit: the SLA marker is cleared so the new
   * visit can breach again, and the current approvals become void by construction (they name the old visit).
   */
  Deal recordTransition(StageTransition transition, DealStatus newStatus, RepId newResponsible, @Nullable String reason,
      @Nullable String note) {
    List<StageTransition> newHistory = new ArrayList<>(history.size() + 1);
    newHistory.addAll(history);
    newHistory.add(transition);
    Instant breach = transition.entersStage() ? null : slaBreachReportedAt;
    return new Deal(id, name, account, owner, collaborators, amount, transition.to(), newStatus, fields, newResponsible, reason,
        note, approvals, breach, newHistory, createdAt, playbookVersion, version);
  }

  /**
   * A copy whose built-in fields mirror the deal's state under {@code pipeline}. {@code probability} is the stage's, or
   * 100 once won and 0 once lost. A stage that the pipeline no longer has leaves {@code stage} (and an open deal's
   * {@code probability}) unset rather than failing.
   */
  Deal withBuiltIns(PipelineDefinition pipeline) {
    Map<String, @Nullable Object> builtIns = new HashMap<>();
    builtIns.put(DealFields.NAME, name);
    builtIns.put(DealFields.AMOUNT, amount.amount());
    builtIns.put(DealFields.CURRENCY, amount.currency().getCurrencyCode());
    builtIns.put(DealFields.STATUS, status.jsonName());
    builtIns.put(DealFields.OWNER, owner.value());
    Optional<StageDefinition> current = pipeline.stage(stage);
    builtIns.put(DealFields.STAGE, current.isPresent() ? stage : null);
    // A closed deal's chance is settled whatever its stage says; forecasts read this field.
    Long probability = switch (status) {
      case WON -> 100L;
      case LOST -> 0L;
      case OPEN -> current.map(s -> (long) s.probability()).orElse(null);
    };
    builtIns.put(DealFields.PROBABILITY, probability);
    return withFields(fields.with(builtIns, true));
  }
}
