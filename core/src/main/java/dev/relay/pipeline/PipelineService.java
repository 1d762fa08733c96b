package dev.relay.pipeline;

import dev.relay.common.AccountId;
import dev.relay.common.ConcurrencyConflictException;
import dev.relay.common.ConflictRetry;
import dev.relay.common.DealId;
import dev.relay.common.ErrorCode;
import dev.relay.common.EventPublisher;
import dev.relay.common.IdGenerator;
import dev.relay.common.Money;
import dev.relay.common.NotFoundException;
import dev.relay.common.Problem;
import dev.relay.common.Reason;
import dev.relay.common.RepId;
import dev.relay.common.RuleViolationException;
import dev.relay.common.TenantId;
import dev.relay.common.TransactionRunner;
import dev.relay.common.ValidationException;
import dev.relay.common.Verdict;
import dev.relay.fields.FieldValues;
import dev.relay.org.OrgChart;
import dev.relay.org.OrgDirectory;
import dev.relay.pipeline.ApprovalDesk.Filing;
import dev.relay.pipeline.GatePolicy.GateCheck;
import dev.relay.pipeline.PipelineEvent.ApprovalGranted;
import dev.relay.pipeline.PipelineEvent.ApprovalRejected;
import dev.relay.pipeline.PipelineEvent.ApprovalRequested;
import dev.relay.pipeline.PipelineEvent.DealCreated;
import dev.relay.pipeline.PipelineEvent.DealLost;
import dev.relay.pipeline.PipelineEvent.DealOwnerChanged;
import dev.relay.pipeline.PipelineEvent.DealReopened;
import dev.relay.pipeline.PipelineEvent.DealWon;
import dev.relay.pipeline.PipelineEvent.GateBlocked;
import dev.relay.pipeline.PipelineEvent.StageChanged;
import dev.relay.pipeline.ResponsibleResolver.Responsibility;
import dev.relay.playbook.PlaybookRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The pipeline's use cases: create deals, move them through the tenant's current pipeline, request and decide
 * approvals, win, lose and reopen them.
 *
 * <p><b>Rules.</b> Leaving a stage forward ({@link #advance}, {@link #advanceTo}, {@link #markWon}) needs the exit
 * criteria of the stage being left — and of every stage being skipped — to hold, and every approval rule that applies
 * to the deal to be approved in the current stage visit. Missing approvals are requested automatically from the
 * resolved approver; the deal does not move by itself once they are granted, the rep advances again. Back moves follow
 * the pipeline's {@link BackMovePolicy} and check no gate. Entering the won stage marks the deal won; see {@link
 * PipelineDefinition} for the life cycle and {@code TransitionPolicy} for the allowed moves.
 *
 * <p><b>Results and exceptions.</b> A rule saying no is a {@link StageMove.Blocked} result with its reasons (and, for
 * gates and approvals, a {@link PipelineEvent.GateBlocked} event); {@link StageMove#orThrow()} turns it into a {@link
 * RuleViolationException}. Misuse throws: an unknown deal or approval {@link NotFoundException}, bad field values, an
 * unknown stage key or another tenant's rep {@link ValidationException}, deciding someone else's approval {@link
 * RuleViolationException} with {@link ErrorCode#FORBIDDEN}. A failed command writes nothing.
 *
 * <p><b>Consistency.</b> Each command runs in one {@link TransactionRunner} unit: read the deal, decide with the
 * tenant's current playbook (compiled once per version, field values rebound when the version changed), write it with
 * an optimistic version check, publish its events. Commands that mean the same on fresh state (set fields, move to a
 * named stage, win, lose, reopen, decide) are retried up to {@value #MAX_ATTEMPTS} times when they lose a race; {@link
 * #advance} is relative to the stage it was issued against, so it propagates the {@link ConcurrencyConflictException}.
 * Every time comes from the injected {@link Clock}. Thread-safe.
 */
public final class PipelineService {
  /** Attempts of a retryable command that keeps losing optimistic-locking races. */
  public static final int MAX_ATTEMPTS = 3;

  private final DealRepository deals;
  private final CompiledPipelines pipelines;
  private final OrgDirectory org;
  private final EventPublisher events;
  private final IdGenerator ids;
  private final TransactionRunner transactions;
  private final Clock clock;
  private final TransitionPolicy transitions = new TransitionPolicy();
  private final GatePolicy gates = new GatePolicy();
  private final ResponsibleResolver responsibles = new ResponsibleResolver();
  private final ApprovalDesk approvals;
  private final ConflictRetry retrying = new ConflictRetry(MAX_ATTEMPTS);
  private final ConflictRetry once = new ConflictRetry(1);

  public PipelineService(DealRepository deals, PlaybookRepository playbooks, OrgDirectory org, EventPublisher events,
      IdGenerator ids, TransactionRunner transactions, Clock clock) {
    this.deals = Objects.requireNonNull(deals, "deals");
    this.pipelines = new CompiledPipelines(Objects.requireNonNull(playbooks, "playbooks"));
    this.org = Objects.requireNonNull(org, "org");
    this.events = Objects.requireNonNull(events, "events");
    this.ids = Objects.requireNonNull(ids, "ids");
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.approvals = new ApprovalDesk(new ApproverResolver(), ids);
  }

  /**
   * The stored deal.
   *
   * @throws NotFoundException if the tenant has no such deal
   */
  public Deal get(DealId id) {
    return deals.find(Objects.requireNonNull(id, "id")).orElseThrow(() -> new NotFoundException("deal", id));
  }

  /**
   * Creates a deal in the first stage of the tenant's current pipeline, responsible person resolved for that stage.
   *
   * @throws ValidationException listing every problem: blank name, another tenant's rep, unknown or ill-typed fields
   * @throws NotFoundException if the tenant has no playbook
   */
  public Deal create(TenantId tenant, NewDeal command) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(command, "command");
    return transactions.inTransaction(() -> {
      CompiledPipeline pipeline = pipelines.current(tenant);
      FieldValues fields = checkNewDeal(tenant, command, pipeline);
      Instant now = clock.instant();
      StageDefinition first = pipeline.definition().firstStage();
      Responsibility responsible = responsibles.resolve(first, 0, command.owner(), org.chart(tenant));
      StageTransition created = new StageTransition(null, first.key(), TransitionKind.CREATED, command.createdBy(),
          now, pipeline.version(), null);
      Deal deal = new Deal(DealId.of(tenant, ids.next("D")), command.name().strip(), command.account(), command.owner(),
          command.collaborators(), command.amount(), first.key(), DealStatus.OPEN, fields, responsible.person(), null,
          null, List.of(), null, List.of(created), now, pipeline.version(), 1)
          .withBuiltIns(pipeline.definition());
      deals.insert(deal);
      events.publish(List.of(new DealCreated(deal.id(), now, first.key(), deal.owner(), deal.responsible(),
          deal.amount(), command.createdBy(), pipeline.version())));
      return deal;
    });
  }

  private static FieldValues checkNewDeal(TenantId tenant, NewDeal command, CompiledPipeline pipeline) {
    List<Problem> problems = new ArrayList<>();
    if (command.name().isBlank()) {
      problems.add(new Problem("name", "a deal needs a name"));
    }
    checkTenant(tenant, command.owner(), "owner", problems);
    checkTenant(tenant, command.createdBy(), "createdBy", problems);
    if (command.account() != null && !command.account().tenant().equals(tenant)) {
      problems.add(new Problem("account", "account " + command.account().value() + " belongs to another tenant"));
    }
    List<RepId> seen = new ArrayList<>();
    for (int i = 0; i < command.collaborators().size(); i++) {
      RepId rep = command.collaborators().get(i).rep();
      checkTenant(tenant, rep, "collaborators[" + i + "].rep", problems);
      if (seen.contains(rep)) {
        problems.add(new Problem("collaborators[" + i + "].rep", rep.value() + " is listed twice"));
      }
      seen.add(rep);
    }
    FieldValues fields = FieldValues.empty(pipeline.schema());
    try {
      fields = fields.with(command.fields(), false);
    } catch (ValidationException e) {
      problems.addAll(e.problems());
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
    return fields;
  }

  /**
   * Sets custom fields ({@code null} values unset them). Built-in fields cannot be written this way.
   *
   * @throws ValidationException naming every unknown, built-in or ill-typed field; nothing is written then
   */
  public Deal updateFields(DealId id, RepId actor, Map<String, ?> updates) {
    Objects.requireNonNull(updates, "updates");
    return command(id, actor, retrying, a -> {
      FieldValues updated = a.deal.fields().with(updates, false);
      return updated.equals(a.deal.fields()) ? a.deal : a.store(a.deal.withFields(updated), List.of());
    });
  }

  /**
   * Changes the deal's expected contract value (a revised quote, a negotiated discount). Gates and approvals read the
   * new amount from then on; approvals already granted for the current stage visit stay granted.
   *
   * @throws ValidationException if the amount is in another currency than the deal's or is negative; nothing changes
   */
  public Deal changeAmount(DealId id, RepId actor, Money amount) {
    Objects.requireNonNull(amount, "amount");
    if (amount.isNegative()) {
      throw ValidationException.of("amount", "must not be negative, got " + amount);
    }
    return command(id, actor, retrying, a -> {
      if (!a.deal.amount().currency().equals(amount.currency())) {
        throw ValidationException.of("amount", "the deal is in " + a.deal.amount().currency().getCurrencyCode()
            + ", got " + amount.currency().getCurrencyCode());
      }
      return a.deal.amount().isEqualTo(amount) && a.deal.amount().amount().scale() == amount.amount().scale()
          ? a.deal : a.store(a.deal.withNameAndAmount(a.deal.name(), amount), List.of());
    });
  }

  /**
   * Renames the deal.
   *
   * @throws ValidationException if the name is blank; nothing changes
   */
  public Deal rename(DealId id, RepId actor, String name) {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw ValidationException.of("name", "a deal needs a name");
    }
    String stripped = name.strip();
    return command(id, actor, retrying, a -> stripped.equals(a.deal.name())
        ? a.deal : a.store(a.deal.withNameAndAmount(stripped, a.deal.amount()), List.of()));
  }

  /**
   * Hands the deal to another rep, with a note for the record. The responsible person of the current stage is resolved
   * again for the new owner. Handing it to its owner changes nothing.
   *
   * @throws ValidationException if the new owner belongs to another tenant
   */
  public Deal transferOwner(DealId id, RepId newOwner, RepId actor, @Nullable String note) {
    Objects.requireNonNull(newOwner, "newOwner");
    List<Problem> problems = new ArrayList<>();
    checkTenant(id.tenant(), newOwner, "newOwner", problems);
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
    return command(id, actor, retrying, a -> changeOwner(a, newOwner, note));
  }

  /**
   * Hands every open deal of an account to its new owner (a customer-pool transfer takes the account's deals along).
   *
   * @return the deals changed, ordered by id
   */
  public List<Deal> reassignOpenDeals(AccountId account, RepId newOwner, RepId actor, @Nullable String note) {
    Objects.requireNonNull(account, "account");
    List<Deal> changed = new ArrayList<>();
    for (Deal deal : deals.findByAccount(account)) {
      if (deal.status() == DealStatus.OPEN && !deal.owner().equals(newOwner)) {
        changed.add(transferOwner(deal.id(), newOwner, actor, note));
      }
    }
    return changed;
  }

  private Deal changeOwner(Attempt a, RepId newOwner, @Nullable String note) {
    Deal deal = a.deal;
    if (deal.owner().equals(newOwner)) {
      return deal;
    }
    int index = a.from();
    // A stage the current playbook no longer has has no role to resolve: the new owner answers for it.
    RepId responsible = index < 0 ? newOwner
        : responsibles.resolve(a.definition().stages().get(index), index, newOwner, a.chart()).person();
    Deal changed = deal.withOwner(newOwner).withResponsible(responsible);
    return a.store(changed, List.of(new DealOwnerChanged(deal.id(), a.now, deal.owner(), newOwner, responsible,
        a.actor, note)));
  }

  /**
   * Adds a collaborator, or changes the role of one already on the deal.
   *
   * @throws ValidationException if the rep belongs to another tenant or the role is blank
   */
  public Deal addCollaborator(DealId id, RepId actor, RepId collaborator, String role) {
    Objects.requireNonNull(collaborator, "collaborator");
    Objects.requireNonNull(role, "role");
    List<Problem> problems = new ArrayList<>();
    checkTenant(id.tenant(), collaborator, "collaborator", problems);
    if (role.isBlank()) {
      problems.add(new Problem("role", "a collaborator needs a role"));
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
    Collaborator added = new Collaborator(collaborator, role.strip());
    return command(id, actor, retrying, a -> {
      if (a.deal.collaborators().contains(added)) {
        return a.deal;
      }
      List<Collaborator> list = new ArrayList<>(a.deal.collaborators());
      list.removeIf(c -> c.rep().equals(collaborator));
      list.add(added);
      return a.store(a.deal.withCollaborators(list), List.of());
    });
  }

  /** {@link #advance(DealId, RepId, String)} without a note. */
  public StageMove advance(DealId id, RepId actor) {
    return advanceOne(id, actor, null);
  }

  /**
   * Moves the deal to the next stage if the current stage's gate holds and its applicable approvals are granted;
   * otherwise requests the missing approvals and returns {@link StageMove.Blocked}. Entering the won stage wins the
   * deal.
   *
   * @throws ConcurrencyConflictException if the deal changed meanwhile (not retried: "next" depends on the stage)
   */
  public StageMove advance(DealId id, RepId actor, String note) {
    return advanceOne(id, actor, Objects.requireNonNull(note, "note"));
  }

  private StageMove advanceOne(DealId id, RepId actor, @Nullable String note) {
    return command(id, actor, once, a -> forward(a, a.from() + 1, note));
  }

  /** {@link #advanceTo(DealId, String, RepId, String)} without a note. */
  public StageMove advanceTo(DealId id, String targetStage, RepId actor) {
    return skipTo(id, targetStage, actor, null);
  }

  /**
   * Moves the deal forward to {@code targetStage}, skipping the stages between, which must all be skippable; the gates
   * and approvals of the current stage and of every skipped stage must be satisfied.
   *
   * @throws ValidationException if the pipeline has no such stage
   */
  public StageMove advanceTo(DealId id, String targetStage, RepId actor, String note) {
    return skipTo(id, targetStage, actor, Objects.requireNonNull(note, "note"));
  }

  private StageMove skipTo(DealId id, String targetStage, RepId actor, @Nullable String note) {
    return command(id, actor, retrying, a -> forward(a, a.indexOf(targetStage, "targetStage"), note));
  }

  /** {@link #moveBack(DealId, String, RepId, String)} without a note. */
  public StageMove moveBack(DealId id, String targetStage, RepId actor) {
    return back(id, targetStage, actor, null);
  }

  /**
   * Moves the deal back to an earlier stage as the pipeline's {@link BackMovePolicy} allows; gates are not checked. A
   * won deal moves back only within the won and post-sale stages.
   *
   * @throws ValidationException if the pipeline has no such stage
   */
  public StageMove moveBack(DealId id, String targetStage, RepId actor, String note) {
    return back(id, targetStage, actor, Objects.requireNonNull(note, "note"));
  }

  private StageMove back(DealId id, String targetStage, RepId actor, @Nullable String note) {
    return command(id, actor, retrying, a -> {
      int to = a.indexOf(targetStage, "targetStage");
      Verdict verdict = transitions.back(a.definition(), a.deal, a.from(), to);
      return verdict.isAllowed() ? enter(a, to, TransitionKind.MOVED_BACK, a.deal.status(), note) : invalid(a, verdict);
    });
  }

  /**
   * Wins an open deal. With a won stage this moves the deal into it, under the same rules as {@link #advanceTo};
   * without one the deal is closed as won where it stands, once the current stage's gate and approvals are satisfied.
   */
  public StageMove markWon(DealId id, RepId actor) {
    return command(id, actor, retrying, a -> {
      int from = a.from();
      Verdict verdict = transitions.win(a.definition(), a.deal, from);
      if (!verdict.isAllowed()) {
        return invalid(a, verdict);
      }
      if (a.pipeline.wonIndex() >= 0) {
        return throughGates(a, a.pipeline.wonIndex(), null);
      }
      GateCheck check = gates.check(a.pipeline, a.deal, from, from + 1);
      return check.passed() ? closeWhereItStands(a, TransitionKind.WON, null, null) : blocked(a, check, a.deal.stage());
    });
  }

  /** {@link #markLost(DealId, RepId, String, String)} without a note. */
  public StageMove markLost(DealId id, RepId actor, String reasonKey) {
    return lose(id, actor, reasonKey, null);
  }

  /**
   * Marks an open deal lost where it stands, for one of the pipeline's lost reasons; a reason that requires a note
   * needs a non-blank one. No gate applies: a deal can always be lost.
   */
  public StageMove markLost(DealId id, RepId actor, String reasonKey, String note) {
    return lose(id, actor, reasonKey, Objects.requireNonNull(note, "note"));
  }

  private StageMove lose(DealId id, RepId actor, String reasonKey, @Nullable String note) {
    Objects.requireNonNull(reasonKey, "reasonKey");
    String text = note == null || note.isBlank() ? null : note.strip();
    return command(id, actor, retrying, a -> {
      Verdict verdict = transitions.lose(a.definition(), a.deal, reasonKey, text);
      return verdict.isAllowed() ? closeWhereItStands(a, TransitionKind.LOST, reasonKey, text) : invalid(a, verdict);
    });
  }

  /** Reopens a lost deal in the stage it was lost in, as a fresh visit of that stage. */
  public StageMove reopen(DealId id, RepId actor) {
    return reopenInto(id, actor, null);
  }

  /**
   * Reopens a lost deal in {@code stage}, which must come before the won stage.
   *
   * @throws ValidationException if the pipeline has no such stage
   */
  public StageMove reopen(DealId id, RepId actor, String stage) {
    return reopenInto(id, actor, Objects.requireNonNull(stage, "stage"));
  }

  private StageMove reopenInto(DealId id, RepId actor, @Nullable String stage) {
    return command(id, actor, retrying, a -> {
      int to = stage == null ? a.from() : a.indexOf(stage, "stage");
      Verdict verdict = transitions.reopen(a.definition(), a.deal, to);
      return verdict.isAllowed() ? enter(a, to, TransitionKind.REOPENED, DealStatus.OPEN, null) : invalid(a, verdict);
    });
  }

  /** {@link #approve(DealId, String, RepId, String)} without a note. */
  public Deal approve(DealId id, String approvalId, RepId actor) {
    return decide(id, approvalId, actor, ApprovalStatus.APPROVED, null);
  }

  /**
   * Grants a pending approval. The actor must be the resolved approver or someone above them. Approving twice is a
   * no-op. The deal does not move by itself; advance it again.
   *
   * @throws NotFoundException if the deal has no such approval
   * @throws RuleViolationException {@link ErrorCode#FORBIDDEN} for any other actor; {@link
   *     ErrorCode#INVALID_TRANSITION} if it was rejected already or the deal has left the stage visit it was for
   */
  public Deal approve(DealId id, String approvalId, RepId actor, String note) {
    return decide(id, approvalId, actor, ApprovalStatus.APPROVED, Objects.requireNonNull(note, "note"));
  }

  /** {@link #reject(DealId, String, RepId, String)} without a note. */
  public Deal reject(DealId id, String approvalId, RepId actor) {
    return decide(id, approvalId, actor, ApprovalStatus.REJECTED, null);
  }

  /**
   * Refuses a pending approval; the deal stays blocked for the rest of this stage visit unless the rule stops applying
   * to it. Same authority and exceptions as {@link #approve(DealId, String, RepId, String)}.
   */
  public Deal reject(DealId id, String approvalId, RepId actor, String note) {
    return decide(id, approvalId, actor, ApprovalStatus.REJECTED, Objects.requireNonNull(note, "note"));
  }

  private Deal decide(DealId id, String approvalId, RepId actor, ApprovalStatus outcome, @Nullable String note) {
    Objects.requireNonNull(approvalId, "approvalId");
    return command(id, actor, retrying, a -> {
      Approval approval = a.deal.approval(approvalId)
          .orElseThrow(() -> new NotFoundException("approval", id + "/" + approvalId));
      Deal decided = approvals.decide(a.deal, approval, a.pipeline.approvalReads(approval.stage(), approval.ruleKey()),
          outcome, actor, a.now, note, a.chart());
      if (decided == a.deal) {
        return a.deal; // decided this way already
      }
      PipelineEvent event = outcome == ApprovalStatus.APPROVED
          ? new ApprovalGranted(id, a.now, approvalId, approval.stage(), approval.ruleKey(), approval.approver(),
              actor, note)
          : new ApprovalRejected(id, a.now, approvalId, approval.stage(), approval.ruleKey(), approval.approver(),
              actor, note);
      return a.store(decided, List.of(event));
    });
  }

  // ---- the moves ----

  private StageMove forward(Attempt a, int to, @Nullable String note) {
    Verdict verdict = transitions.forward(a.definition(), a.deal, a.from(), to);
    return verdict.isAllowed() ? throughGates(a, to, note) : invalid(a, verdict);
  }

  /** A forward move the pipeline's shape allows, if the gates of every stage it leaves let it through. */
  private StageMove throughGates(Attempt a, int to, @Nullable String note) {
    int from = a.from();
    GateCheck check = gates.check(a.pipeline, a.deal, from, to);
    if (!check.passed()) {
      return blocked(a, check, a.definition().stages().get(to).key());
    }
    boolean wins = a.deal.status() == DealStatus.OPEN && to == a.pipeline.wonIndex();
    TransitionKind kind = wins ? TransitionKind.WON : to == from + 1 ? TransitionKind.ADVANCED : TransitionKind.SKIPPED;
    return enter(a, to, kind, wins ? DealStatus.WON : a.deal.status(), note);
  }

  /** The deal enters stage {@code to}: a new visit with a freshly resolved responsible person. */
  private StageMove enter(Attempt a, int to, TransitionKind kind, DealStatus status, @Nullable String note) {
    Deal deal = a.deal;
    StageDefinition target = a.definition().stages().get(to);
    Responsibility responsible = responsibles.resolve(target, to, deal.owner(), a.chart());
    StageTransition transition = new StageTransition(deal.stage(), target.key(), kind, a.actor, a.now,
        a.pipeline.version(), note);
    List<PipelineEvent> happened = new ArrayList<>(2);
    happened.add(new StageChanged(deal.id(), a.now, deal.stage(), target.key(), kind, responsible.person(), a.actor,
        a.pipeline.version()));
    if (kind == TransitionKind.WON) {
      happened.add(new DealWon(deal.id(), a.now, target.key(), deal.amount(), deal.owner(), a.actor,
          a.pipeline.version()));
    } else if (kind == TransitionKind.REOPENED) {
      happened.add(new DealReopened(deal.id(), a.now, target.key(), a.actor, a.pipeline.version()));
    }
    Deal saved = a.store(deal.recordTransition(transition, status, responsible.person(), null, null), happened);
    return new StageMove.Moved(saved, transition, List.of(responsible.reason()));
  }

  /** Wins or loses the deal without changing its stage or its responsible person. */
  private StageMove closeWhereItStands(Attempt a, TransitionKind kind, @Nullable String lostReason,
      @Nullable String note) {
    Deal deal = a.deal;
    StageTransition transition = new StageTransition(deal.stage(), deal.stage(), kind, a.actor, a.now,
        a.pipeline.version(), note);
    boolean won = kind == TransitionKind.WON;
    PipelineEvent event = won
        ? new DealWon(deal.id(), a.now, deal.stage(), deal.amount(), deal.owner(), a.actor, a.pipeline.version())
        : new DealLost(deal.id(), a.now, deal.stage(), Objects.requireNonNull(lostReason), note, a.actor,
            a.pipeline.version());
    Deal saved = a.store(deal.recordTransition(transition, won ? DealStatus.WON : DealStatus.LOST, deal.responsible(),
        lostReason, won ? null : note), List.of(event));
    return new StageMove.Moved(saved, transition, List.of());
  }

  /** Gates or approvals refused a forward move: request what is missing, report it, change nothing else. */
  private StageMove blocked(Attempt a, GateCheck check, String target) {
    Filing filing = approvals.file(a.deal, check.unmetApprovals(), a.actor, a.chart(), a.now);
    List<Reason> reasons = new ArrayList<>(check.failedConditions());
    reasons.addAll(filing.reasons());
    ErrorCode code = check.failedConditions().isEmpty() ? ErrorCode.APPROVAL_REQUIRED : ErrorCode.GATE_NOT_SATISFIED;
    List<PipelineEvent> happened = new ArrayList<>();
    for (Approval request : filing.filed()) {
      happened.add(new ApprovalRequested(a.deal.id(), a.now, request.id(), request.stage(), request.ruleKey(),
          request.approver(), request.requestedBy()));
    }
    happened.add(new GateBlocked(a.deal.id(), a.now, a.deal.stage(), target, code, reasons, a.actor,
        a.pipeline.version()));
    Deal deal;
    if (filing.filed().isEmpty()) {
      events.publish(happened);
      deal = a.deal;
    } else {
      deal = a.store(filing.deal(), happened);
    }
    return new StageMove.Blocked(deal, code, reasons, filing.pending());
  }

  /** The pipeline's shape does not allow the move; nothing is requested or published. */
  private static StageMove invalid(Attempt a, Verdict verdict) {
    Verdict.Rejected rejected = (Verdict.Rejected) verdict;
    List<Approval> pending = a.deal.currentApprovals().stream().filter(Approval::isPending).toList();
    return new StageMove.Blocked(a.deal, rejected.code(), rejected.reasons(), pending);
  }

  // ---- the unit of work ----

  private <T> T command(DealId id, RepId actor, ConflictRetry retry, Function<Attempt, T> work) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(actor, "actor");
    List<Problem> problems = new ArrayList<>();
    checkTenant(id.tenant(), actor, "actor", problems);
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
    return retry.run(() -> transactions.inTransaction(() -> work.apply(attempt(id, actor))));
  }

  private Attempt attempt(DealId id, RepId actor) {
    Deal stored = get(id);
    CompiledPipeline pipeline = pipelines.current(id.tenant());
    return new Attempt(pipeline.bind(stored), stored.version(), pipeline, actor, clock.instant());
  }

  private static void checkTenant(TenantId tenant, RepId rep, String path, List<Problem> problems) {
    if (!rep.tenant().equals(tenant)) {
      problems.add(new Problem(path, rep + " belongs to another tenant than " + tenant));
    }
  }

  /** One attempt of a command: the deal as read, the rules in force, the actor and the moment. */
  private final class Attempt {
    final Deal deal;
    final long readVersion;
    final CompiledPipeline pipeline;
    final RepId actor;
    final Instant now;
    private @Nullable OrgChart chart;

    Attempt(Deal deal, long readVersion, CompiledPipeline pipeline, RepId actor, Instant now) {
      this.deal = deal;
      this.readVersion = readVersion;
      this.pipeline = pipeline;
      this.actor = actor;
      this.now = now;
    }

    PipelineDefinition definition() {
      return pipeline.definition();
    }

    /** The index of the deal's stage, or -1 if the current pipeline no longer has it. */
    int from() {
      return definition().indexOf(deal.stage());
    }

    /** @throws ValidationException if the pipeline has no such stage */
    int indexOf(String stage, String path) {
      int index = definition().indexOf(stage);
      if (index < 0) {
        throw ValidationException.of(path, "unknown stage '" + stage + "'; the pipeline has "
            + definition().stages().stream().map(StageDefinition::key).collect(Collectors.joining(", ")));
      }
      return index;
    }

    /** Built lazily: field updates need no organisation. */
    OrgChart chart() {
      OrgChart c = chart;
      if (c == null) {
        c = org.chart(deal.tenant());
        chart = c;
      }
      return c;
    }

    /** Writes the change as the next version if nobody else wrote first, then publishes its events. */
    Deal store(Deal changed, List<? extends PipelineEvent> happened) {
      Deal next = changed.withBuiltIns(definition()).nextVersion(pipeline.version());
      deals.save(next, readVersion);
      if (!happened.isEmpty()) {
        events.publish(happened);
      }
      return next;
    }
  }
}
