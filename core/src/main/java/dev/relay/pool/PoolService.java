package dev.relay.pool;

import dev.relay.activity.FollowUpListener;
import dev.relay.common.AccountId;
import dev.relay.common.ErrorCode;
import dev.relay.common.EventPublisher;
import dev.relay.common.IdGenerator;
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
import dev.relay.org.OrgDirectory;
import dev.relay.pipeline.Collaborator;
import dev.relay.playbook.PlaybookRepository;
import dev.relay.pool.AccountChange.Changed;
import dev.relay.pool.AccountChange.Refused;
import dev.relay.pool.AccountChange.Requested;
import dev.relay.pool.AccountCommands.Attempt;
import dev.relay.pool.CollisionPolicy.Filing;
import dev.relay.pool.PoolEvent.AccountBecameCustomer;
import dev.relay.pool.PoolEvent.AccountClaimed;
import dev.relay.pool.PoolEvent.AccountLocked;
import dev.relay.pool.PoolEvent.AccountRegistered;
import dev.relay.pool.PoolEvent.AccountReleased;
import dev.relay.pool.PoolEvent.AccountTransferred;
import dev.relay.pool.PoolEvent.AccountUnlocked;
import dev.relay.pool.PoolEvent.BackupOwnerChanged;
import dev.relay.pool.PoolEvent.ClaimRejected;
import dev.relay.pool.PoolEvent.CollaborationAccepted;
import dev.relay.pool.PoolEvent.CollaborationDeclined;
import dev.relay.pool.PoolEvent.CollaborationRequested;
import dev.relay.pool.PoolEvent.CollaboratorAdded;
import dev.relay.pool.PoolEvent.ConflictDetected;
import dev.relay.pool.PoolEvent.TransferDeclined;
import dev.relay.pool.PoolEvent.TransferRequested;
import dev.relay.pool.PoolRules.CompiledPool;
import dev.relay.pool.RegistrationPolicy.Decision;
import dev.relay.pool.RegistrationPolicy.Refuse;
import dev.relay.pool.RegistrationPolicy.Register;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The customer pool's use cases (客户池 / 公海): create accounts with duplicate and conflict detection (查重 / 撞单),
 * claim them from the public pool under the pool's limits, lock, release and transfer them (转交), register them (报备),
 * manage backup owners and collaborators, and keep the last follow-up that recycling measures (it is the activity
 * capability's {@link FollowUpListener}). The recycle sweep builds on the same accounts and unit of work.
 *
 * <p><b>Rules.</b> The tenant's current playbook decides ({@code pool} section, see {@link PoolPolicy}); each policy is
 * a named class of its own: {@code ClaimPolicy} (membership, {@code max_owned}, {@code max_claims_per_day}, {@code
 * reclaim_cooldown}, registrations), {@code LockPolicy} ({@code max_locked}), {@code CollisionPolicy} (撞单: reject or
 * collaboration request), {@code DuplicateScreening} and {@code AccountMerge} (duplicates: reject, merge or flag),
 * {@code RegistrationPolicy} (first registration by timestamp wins), {@code TransferPolicy}, {@code OwnerAuthority}
 * (who may act for an owner), {@code CustomerExclusivity} (one customer never has two owners, even across duplicate
 * records).
 *
 * <p><b>Results and exceptions.</b> A rule saying no is a result: {@link AccountCreation.Refused} or {@link
 * AccountChange.Refused} with every reason as data (a configured rule's path, e.g. {@code
 * pool.pools[0].claim.max_owned}), and for claims a {@link ClaimRejected} event; {@code orThrow()} turns it into a
 * {@link RuleViolationException}. Misuse throws: an unknown account or request {@link NotFoundException}; bad input
 * (blank reason or handover note, a registration in the future, another tenant's rep, unknown or ill-typed fields,
 * unreadable phone numbers) {@link ValidationException} with paths; acting for an owner without the authority {@link
 * RuleViolationException} with {@link ErrorCode#FORBIDDEN}. A failed command writes nothing.
 *
 * <p><b>Consistency.</b> Each command runs in one {@link TransactionRunner} unit: read the account, decide, write it
 * with an optimistic version check, publish its events. Every command means the same on fresh state, so each is
 * retried up to {@value #MAX_ATTEMPTS} times when it loses a race: a claim retried after someone else claimed the account
 * comes out as a conflict, never as a second owner. Decisions that read other accounts — a rep's claim and lock limits,
 * a customer's other records — also hold in-process locks of the rep and of the account's match keys across the check
 * and the commit (see {@code OwnershipGuard}); a database adapter shared by several processes must serialise them with
 * row locks as well. The in-process locks belong to this instance, so a process keeps one {@code PoolService} per
 * account store. Every time comes from the injected {@link Clock}. Thread-safe.
 */
public final class PoolService implements FollowUpListener {
  /** Attempts of a command that keeps losing optimistic-locking races. */
  public static final int MAX_ATTEMPTS = AccountCommands.MAX_ATTEMPTS;
  /** The role a rep gets on an account by an accepted collaboration request. */
  public static final String COLLABORATOR_ROLE = "collaborator";

  private final AccountCommands commands;
  private final AccountIntake intake;
  private final OpenDealHandover deals;
  private final OpenTaskHandover tasks;
  private final IdGenerator ids;
  private final ClaimPolicy claims = new ClaimPolicy();
  private final LockPolicy locks = new LockPolicy();
  private final RegistrationPolicy registrations = new RegistrationPolicy();
  private final TransferPolicy transfers = new TransferPolicy();
  private final CollisionPolicy collisions = new CollisionPolicy();
  private final CustomerExclusivity exclusivity;

  public PoolService(AccountRepository accounts, PlaybookRepository playbooks, OrgDirectory org,
      OpenDealHandover deals, OpenTaskHandover tasks, EventPublisher events, IdGenerator ids,
      TransactionRunner transactions, Clock clock) {
    this.commands = new AccountCommands(Objects.requireNonNull(accounts, "accounts"),
        new CompiledPools(Objects.requireNonNull(playbooks, "playbooks")), Objects.requireNonNull(org, "org"),
        Objects.requireNonNull(events, "events"), Objects.requireNonNull(transactions, "transactions"),
        Objects.requireNonNull(clock, "clock"));
    this.deals = Objects.requireNonNull(deals, "deals");
    this.tasks = Objects.requireNonNull(tasks, "tasks");
    this.ids = Objects.requireNonNull(ids, "ids");
    this.exclusivity = new CustomerExclusivity(accounts);
    this.intake = new AccountIntake(commands, ids, collisions, this::fileCollaboration);
  }

  /**
   * The stored account.
   *
   * @throws NotFoundException if the tenant has no such account
   */
  public Account get(AccountId id) {
    return commands.get(Objects.requireNonNull(id, "id"));
  }

  /**
   * Creates an account, unless it is another rep's customer or a duplicate. Its keys (name, phones, e-mails, credit
   * code) are normalised and looked up: an exact duplicate owned by another rep is a conflict (撞单) handled by the
   * playbook's {@code conflicts} policy; any other exact duplicate is handled by its {@code duplicates} policy (refuse,
   * merge into the existing record, or create flagged); accounts with similar names never block and are flagged on
   * the new account. A new account goes straight to its owner (protected like a claim) or into the public pool.
   *
   * @throws ValidationException listing every problem: unreadable name, phones, e-mails or credit code (paths {@code
   *     name}, {@code phones[i]}, {@code emails[i]}, {@code credit_code}), unknown or ill-typed fields, another
   *     tenant's rep
   * @throws NotFoundException if the tenant has no playbook
   */
  public AccountCreation create(TenantId tenant, NewAccount command) {
    return intake.create(Objects.requireNonNull(tenant, "tenant"), Objects.requireNonNull(command, "command"));
  }

  /**
   * Claims an account from the public pool (领取). Refused with every failing rule — pool membership, {@code
   * max_owned}, {@code max_claims_per_day}, {@code reclaim_cooldown}, another rep's active registration — or, if the
   * account (or another record of the same customer) belongs to another rep, handled by the conflict policy: refused
   * naming the owner where the playbook reveals owners, or a collaboration request filed on the owned record. On success
   * the rep owns it, protected from recycling for the pool's {@code claim.protection}.
   *
   * @throws ValidationException if the rep belongs to another tenant
   */
  public AccountChange claim(AccountId id, RepId rep) {
    checkTenant(id, rep, "rep");
    ClaimStep step = commands.runGuarded(id, List.of(rep), a -> claimAttempt(a, rep));
    if (step instanceof ClaimStep.RequestOn request) {
      return fileCollaboration(request.owned(), rep, null, true);
    }
    return ((ClaimStep.Decided) step).change();
  }

  /** A claim either decided, or found another rep's customer and must file a collaboration request on it. */
  private sealed interface ClaimStep {
    record Decided(AccountChange change) implements ClaimStep {}

    record RequestOn(AccountId owned) implements ClaimStep {}
  }

  private ClaimStep claimAttempt(Attempt a, RepId rep) {
    Account account = a.account;
    OwnerDisclosure disclosure = disclosure(a, rep);
    if (account.isOwnedBy(rep)) {
      return new ClaimStep.Decided(refuseClaim(a, rep, ErrorCode.INVALID_TRANSITION,
          List.of(new Reason("account.owner", "you already own " + OwnerDisclosure.account(account)))));
    }
    RepId owner = account.owner();
    if (owner != null) {
      return conflictOnClaim(a, rep, account, collisions.reason(account, disclosure));
    }
    CustomerExclusivity.Owned other = exclusivity.ownedByAnother(account, rep).orElse(null);
    if (other != null) {
      return conflictOnClaim(a, rep, other.account(), new Reason("pool.conflicts", "the same customer's record "
          + OwnerDisclosure.account(other.account()) + " (" + other.why() + ") is already owned by "
          + disclosure.name(Objects.requireNonNull(other.account().owner()))));
    }
    CompiledPool pool = a.rules.pool(account.pool()).orElse(null);
    ClaimRules limits = pool == null ? ClaimRules.unlimited() : pool.claim();
    List<Account> owned = limits.maxOwned() == null ? List.of() : commands.accounts.findOwnedBy(rep);
    int claimsToday = limits.maxClaimsPerDay() == null ? 0
        : commands.accounts.countClaimsSince(rep, ClaimPolicy.startOfDay(a.now, a.rules.zone()));
    Verdict verdict = claims.check(account, pool, rep, a.chart(), owned, claimsToday, a.now, disclosure);
    if (verdict instanceof Verdict.Rejected rejected) {
      return new ClaimStep.Decided(refuseClaim(a, rep, rejected.code(), rejected.reasons()));
    }
    Instant protectedUntil = a.now.plus(limits.protection());
    Account claimed = a.account.draft()
        .changeOwner(OwnershipChangeKind.CLAIMED, rep, rep, a.now, null, a.version(), protectedUntil).build();
    Account saved = a.store(claimed, List.of());
    a.publish(List.of(new AccountClaimed(saved.id(), a.now, rep, saved.pool(), protectedUntil, a.version())));
    return new ClaimStep.Decided(new Changed(saved, List.of()));
  }

  private ClaimStep conflictOnClaim(Attempt a, RepId rep, Account owned, Reason reason) {
    if (collisions.requestsCollaboration(a.policy())) {
      return new ClaimStep.RequestOn(owned.id());
    }
    a.publish(List.of(new ConflictDetected(owned.id(), a.now, rep, Objects.requireNonNull(owned.owner()), false,
        a.version())));
    return new ClaimStep.Decided(refuseClaim(a, rep, ErrorCode.FORBIDDEN, List.of(reason)));
  }

  private static Refused refuseClaim(Attempt a, RepId rep, ErrorCode code, List<Reason> reasons) {
    a.publish(List.of(new ClaimRejected(a.account.id(), a.now, rep, reasons, a.version())));
    return new Refused(a.account.id(), code, reasons);
  }

  /**
   * Locks an owned account against recycling (where its pool exempts locked accounts), within the pool's {@code
   * max_locked}. Locking a locked account changes nothing.
   *
   * @throws RuleViolationException {@link ErrorCode#FORBIDDEN} if the actor is not the owner
   */
  public AccountChange lock(AccountId id, RepId actor) {
    checkTenant(id, actor, "actor");
    return commands.runGuarded(id, List.of(actor), a -> {
      Account account = a.account;
      if (account.owner() == null) {
        return inPool(account, "locked");
      }
      OwnerAuthority.requireOwner(account, actor, "lock");
      if (account.locked()) {
        return new Changed(account, List.of());
      }
      Verdict verdict = locks.check(account, a.rules.pool(account.pool()).orElse(null),
          commands.accounts.findOwnedBy(actor));
      if (verdict instanceof Verdict.Rejected rejected) {
        return new Refused(account.id(), rejected.code(), rejected.reasons());
      }
      Account.Draft d = account.draft();
      d.locked = true;
      d.record(OwnershipChangeKind.LOCKED, actor, actor, a.now, null, a.version());
      Account saved = a.store(d.build(), List.of(new AccountLocked(account.id(), a.now, actor, a.version())));
      return new Changed(saved, List.of());
    });
  }

  /**
   * Unlocks an owned account. Unlocking an unlocked account changes nothing.
   *
   * @throws RuleViolationException {@link ErrorCode#FORBIDDEN} if the actor is not the owner
   */
  public AccountChange unlock(AccountId id, RepId actor) {
    checkTenant(id, actor, "actor");
    return commands.run(id, a -> {
      Account account = a.account;
      if (account.owner() == null) {
        return inPool(account, "unlocked");
      }
      OwnerAuthority.requireOwner(account, actor, "unlock");
      if (!account.locked()) {
        return new Changed(account, List.of());
      }
      Account.Draft d = account.draft();
      d.locked = false;
      d.record(OwnershipChangeKind.UNLOCKED, actor, actor, a.now, null, a.version());
      Account saved = a.store(d.build(), List.of(new AccountUnlocked(account.id(), a.now, actor, a.version())));
      return new Changed(saved, List.of());
    });
  }

  /**
   * Releases an owned account back to the public pool (退回公海), with the reason recorded. The lock, backup owner,
   * collaborators and pending requests end with the ownership; the releasing rep's reclaim cool-down starts.
   *
   * @throws ValidationException if the reason is blank
   * @throws RuleViolationException {@link ErrorCode#FORBIDDEN} unless the actor is the owner or a manager above them
   */
  public AccountChange release(AccountId id, RepId actor, String reason) {
    checkTenant(id, actor, "actor");
    String why = requireText(reason, "reason", "a release needs a reason");
    return commands.run(id, a -> {
      Account account = a.account;
      RepId owner = account.owner();
      if (owner == null) {
        return inPool(account, "released");
      }
      OwnerAuthority.requireOwnerOrAbove(account, owner, actor, a.chart(), "release");
      Account released = account.draft()
          .changeOwner(OwnershipChangeKind.RELEASED, null, actor, a.now, why, a.version(), null).build();
      Account saved = a.store(released, List.of(new AccountReleased(account.id(), a.now, owner, actor, why,
          a.version())));
      return new Changed(saved, List.of());
    });
  }

  /**
   * Transfers an owned account to another rep with a handover note (转交说明). Where the playbook's {@code
   * transfer.needs_approval} is set and the actor is not above the owner, the transfer waits for a manager above the
   * owner ({@link #approveTransfer}) and the result is {@link AccountChange.Requested}. On execution the new owner starts
   * afresh (protected like a claim; lock and backup owner end) and the account's open deals and tasks follow where the
   * playbook says so. Refused if another record of the same customer belongs to a third rep.
   *
   * @throws ValidationException if the note is blank or the new owner belongs to another tenant
   * @throws RuleViolationException {@link ErrorCode#FORBIDDEN} unless the actor is the owner or a manager above them
   */
  public AccountChange transfer(AccountId id, RepId to, RepId actor, String handoverNote) {
    checkTenant(id, actor, "actor");
    checkTenant(id, to, "to");
    String note = requireText(handoverNote, "handoverNote", "a transfer needs a handover note (转交说明)");
    return commands.runGuarded(id, List.of(), a -> {
      Account account = a.account;
      Verdict verdict = transfers.check(account, to, disclosure(a, actor));
      if (verdict instanceof Verdict.Rejected rejected) {
        return new Refused(account.id(), rejected.code(), rejected.reasons());
      }
      RepId owner = Objects.requireNonNull(account.owner());
      OwnerAuthority.requireOwnerOrAbove(account, owner, actor, a.chart(), "transfer");
      Refused taken = otherRecordOwned(a, to, actor);
      if (taken != null) {
        return taken;
      }
      if (!transfers.needsApproval(a.policy(), owner, actor, a.chart())) {
        return executeTransfer(a, account.draft(), to, actor, null, note);
      }
      TransferRequest pending = account.transferRequests().isEmpty() ? null : account.transferRequests().get(0);
      if (pending != null) {
        return new Refused(account.id(), ErrorCode.INVALID_TRANSITION, List.of(new Reason("account.transfer_requests",
            "a transfer to " + pending.to().value() + " is already waiting for approval (request " + pending.id()
                + ")")));
      }
      TransferRequest request = new TransferRequest(ids.next("TR"), owner, to, actor, a.now, note);
      Account.Draft d = account.draft();
      d.transferRequests.add(request);
      RepId approver = a.chart().managerOf(owner).orElse(null);
      a.store(d.build(), List.of(new TransferRequested(account.id(), a.now, request.id(), owner, to, actor, approver,
          note)));
      return new Requested(account.id(), request, List.of(new Reason("pool.transfer.needs_approval",
          "transfers need the approval of a manager above the owner" + (approver == null ? ""
              : " (" + approver.value() + ")"))));
    });
  }

  /**
   * Approves a pending transfer and executes it, as {@link #transfer} does without approval.
   *
   * @throws NotFoundException if the account has no such pending request (it lapses when the owner changes)
   * @throws RuleViolationException {@link ErrorCode#FORBIDDEN} unless the actor is above the owner
   */
  public AccountChange approveTransfer(AccountId id, String requestId, RepId actor) {
    checkTenant(id, actor, "actor");
    Objects.requireNonNull(requestId, "requestId");
    return commands.runGuarded(id, List.of(), a -> {
      Account account = a.account;
      TransferRequest request = account.transferRequest(requestId)
          .orElseThrow(() -> new NotFoundException("transfer request", id + "/" + requestId));
      OwnerAuthority.requireAbove(account, request.from(), actor, a.chart(), "approve a transfer");
      Refused taken = otherRecordOwned(a, request.to(), actor);
      if (taken != null) {
        return taken;
      }
      Account.Draft d = account.draft();
      d.transferRequests.remove(request);
      return executeTransfer(a, d, request.to(), request.requestedBy(), actor, request.handoverNote());
    });
  }

  /** {@link #declineTransfer(AccountId, String, RepId, String)} without a note. */
  public AccountChange declineTransfer(AccountId id, String requestId, RepId actor) {
    return decline(id, requestId, actor, null);
  }

  /**
   * Declines a pending transfer; the account stays with its owner.
   *
   * @throws NotFoundException if the account has no such pending request
   * @throws RuleViolationException {@link ErrorCode#FORBIDDEN} unless the actor is above the owner
   */
  public AccountChange declineTransfer(AccountId id, String requestId, RepId actor, String note) {
    return decline(id, requestId, actor, Objects.requireNonNull(note, "note"));
  }

  private AccountChange decline(AccountId id, String requestId, RepId actor, @Nullable String note) {
    checkTenant(id, actor, "actor");
    Objects.requireNonNull(requestId, "requestId");
    return commands.run(id, a -> {
      Account account = a.account;
      TransferRequest request = account.transferRequest(requestId)
          .orElseThrow(() -> new NotFoundException("transfer request", id + "/" + requestId));
      OwnerAuthority.requireAbove(account, request.from(), actor, a.chart(), "decline a transfer");
      Account.Draft d = account.draft();
      d.transferRequests.remove(request);
      Account saved = a.store(d.build(), List.of(new TransferDeclined(account.id(), a.now, request.id(),
          request.from(), request.to(), actor, note)));
      return new Changed(saved, List.of());
    });
  }

  /** Refuses a transfer that would give one customer two owners; {@code null} if it would not. */
  private @Nullable Refused otherRecordOwned(Attempt a, RepId to, RepId actor) {
    CustomerExclusivity.Owned other = exclusivity.ownedByAnother(a.account, to).orElse(null);
    if (other == null) {
      return null;
    }
    return new Refused(a.account.id(), ErrorCode.FORBIDDEN, List.of(new Reason("pool.conflicts",
        "the same customer's record " + OwnerDisclosure.account(other.account()) + " (" + other.why()
            + ") is owned by " + disclosure(a, actor).name(Objects.requireNonNull(other.account().owner()))
            + "; transfer or merge that record too")));
  }

  private Changed executeTransfer(Attempt a, Account.Draft draft, RepId to, RepId actor, @Nullable RepId approvedBy,
      String note) {
    RepId from = Objects.requireNonNull(a.account.owner());
    ClaimRules rules = a.rules.pool(a.account.pool()).map(CompiledPool::claim).orElse(ClaimRules.unlimited());
    draft.changeOwner(OwnershipChangeKind.TRANSFERRED, to, actor, a.now, note, a.version(),
        a.now.plus(rules.protection()));
    Account saved = a.store(draft.build(), List.of());
    PoolPolicy policy = a.policy();
    List<Reason> trace = new ArrayList<>();
    int dealsMoved = 0;
    if (policy.dealsFollowTransfer()) {
      dealsMoved = deals.handOver(saved.id(), to, actor, note).size();
      trace.add(new Reason("pool.transfer.deals_follow", dealsMoved + " open deal(s) handed over to " + to.value()));
    }
    int tasksMoved = 0;
    if (policy.tasksFollowTransfer()) {
      tasksMoved = tasks.handOver(saved.id(), to, actor);
      trace.add(new Reason("pool.transfer.tasks_follow", tasksMoved + " open task(s) handed over to " + to.value()));
    }
    a.publish(List.of(new AccountTransferred(saved.id(), a.now, from, to, actor, approvedBy, note, dealsMoved,
        tasksMoved, a.version())));
    return new Changed(saved, trace);
  }

  /**
   * Registers the customer for the rep (报备), as of {@code registeredAt} — which may lie in the past, e.g. when a phone
   * syncs late. The first registration by timestamp wins the playbook's {@code registration_protection}, which expires
   * by itself: a registration timestamped later than an active one is refused (naming its holder where the playbook
   * reveals owners), an earlier one replaces it. A customer another rep owns cannot be registered.
   *
   * @throws ValidationException if {@code registeredAt} lies in the future
   */
  public AccountChange register(AccountId id, RepId rep, Instant registeredAt) {
    checkTenant(id, rep, "rep");
    Objects.requireNonNull(registeredAt, "registeredAt");
    return commands.run(id, a -> {
      if (registeredAt.isAfter(a.now)) {
        throw ValidationException.of("registeredAt", "a registration cannot lie in the future: " + registeredAt
            + " is after " + a.now);
      }
      Account account = a.account;
      Decision decision = registrations.decide(account, rep, registeredAt, a.now,
          a.policy().registrationProtection(), disclosure(a, rep));
      if (decision instanceof Refuse refuse) {
        if (refuse.conflict()) {
          a.publish(List.of(new ConflictDetected(account.id(), a.now, rep, Objects.requireNonNull(account.owner()),
              false, a.version())));
        }
        return new Refused(account.id(), ErrorCode.FORBIDDEN, refuse.reasons());
      }
      Register register = (Register) decision;
      Registration registration = register.registration();
      Account.Draft d = account.draft();
      d.registration = registration;
      d.record(OwnershipChangeKind.REGISTERED, account.owner(), rep, a.now, "registered at "
          + registration.registeredAt() + ", protected until " + registration.expiresAt()
          + (register.replaced() == null ? "" : ", replacing the later registration of "
              + register.replaced().value()), a.version());
      Account saved = a.store(d.build(), List.of(new AccountRegistered(account.id(), a.now, rep,
          registration.registeredAt(), registration.expiresAt(), register.replaced(), a.version())));
      return new Changed(saved, List.of());
    });
  }

  /**
   * Names the owner's stand-in (备份负责人), who can see and work the account while the owner is away.
   *
   * @throws ValidationException if the backup belongs to another tenant
   * @throws RuleViolationException {@link ErrorCode#FORBIDDEN} unless the actor is the owner or a manager above them
   */
  public AccountChange setBackupOwner(AccountId id, RepId backup, RepId actor) {
    checkTenant(id, backup, "backup");
    return changeBackup(id, backup, actor);
  }

  /** Clears the backup owner; same authority as {@link #setBackupOwner}. */
  public AccountChange clearBackupOwner(AccountId id, RepId actor) {
    return changeBackup(id, null, actor);
  }

  private AccountChange changeBackup(AccountId id, @Nullable RepId backup, RepId actor) {
    checkTenant(id, actor, "actor");
    return commands.run(id, a -> {
      Account account = a.account;
      RepId owner = account.owner();
      if (owner == null) {
        return inPool(account, "given a backup owner");
      }
      OwnerAuthority.requireOwnerOrAbove(account, owner, actor, a.chart(), "change the backup owner of");
      if (owner.equals(backup)) {
        return new Refused(account.id(), ErrorCode.INVALID_TRANSITION, List.of(new Reason("account.backup_owner",
            "the owner cannot be their own backup")));
      }
      if (Objects.equals(backup, account.backupOwner())) {
        return new Changed(account, List.of());
      }
      Account.Draft d = account.draft();
      d.backupOwner = backup;
      Account saved = a.store(d.build(), List.of(new BackupOwnerChanged(account.id(), a.now, account.backupOwner(),
          backup, actor)));
      return new Changed(saved, List.of());
    });
  }

  /**
   * Adds a collaborator to an owned account, or changes the role of one already on it.
   *
   * @throws ValidationException if the rep belongs to another tenant or the role is blank
   * @throws RuleViolationException {@link ErrorCode#FORBIDDEN} unless the actor is the owner or a manager above them
   */
  public AccountChange addCollaborator(AccountId id, RepId collaborator, String role, RepId actor) {
    checkTenant(id, actor, "actor");
    checkTenant(id, collaborator, "collaborator");
    Collaborator added = new Collaborator(collaborator, requireText(role, "role", "a collaborator needs a role"));
    return commands.run(id, a -> {
      Account account = a.account;
      RepId owner = account.owner();
      if (owner == null) {
        return inPool(account, "given collaborators");
      }
      OwnerAuthority.requireOwnerOrAbove(account, owner, actor, a.chart(), "add collaborators to");
      if (owner.equals(collaborator)) {
        return new Refused(account.id(), ErrorCode.INVALID_TRANSITION, List.of(new Reason("account.collaborators",
            "the owner cannot also be a collaborator")));
      }
      if (account.collaborators().contains(added)) {
        return new Changed(account, List.of());
      }
      Account.Draft d = account.draft();
      d.collaborators.removeIf(c -> c.rep().equals(collaborator));
      d.collaborators.add(added);
      d.collaborationRequests.removeIf(r -> r.requestedBy().equals(collaborator));
      Account saved = a.store(d.build(), List.of(new CollaboratorAdded(account.id(), a.now, collaborator,
          added.role(), actor)));
      return new Changed(saved, List.of());
    });
  }

  /** {@link #requestCollaboration(AccountId, RepId, String)} without a note. */
  public AccountChange requestCollaboration(AccountId id, RepId rep) {
    checkTenant(id, rep, "rep");
    return fileCollaboration(id, rep, null, false);
  }

  /**
   * Asks the owner of an account to let the rep collaborate on it. Asking again while a request is pending returns the
   * pending one. Refused for an account in the public pool (claim it instead), one the rep owns, or one they already
   * collaborate on.
   */
  public AccountChange requestCollaboration(AccountId id, RepId rep, String note) {
    checkTenant(id, rep, "rep");
    return fileCollaboration(id, rep, Objects.requireNonNull(note, "note"), false);
  }

  /**
   * Files the rep's collaboration request on an owned account; {@code conflict} when the rep ran into it by creating or
   * claiming it (then a {@link ConflictDetected} event is published too).
   */
  private AccountChange fileCollaboration(AccountId id, RepId rep, @Nullable String note, boolean conflict) {
    return commands.run(id, a -> {
      Account account = a.account;
      RepId owner = account.owner();
      if (owner == null) {
        return new Refused(account.id(), ErrorCode.INVALID_TRANSITION, List.of(new Reason("account.owner",
            OwnerDisclosure.account(account) + " is in the public pool; claim it instead")));
      }
      if (account.isWorkedOnBy(rep)) {
        return new Refused(account.id(), ErrorCode.INVALID_TRANSITION, List.of(new Reason("account.collaborators",
            "you already " + (owner.equals(rep) ? "own " : "collaborate on ") + OwnerDisclosure.account(account))));
      }
      OwnerDisclosure disclosure = disclosure(a, rep);
      Filing filing = collisions.file(account, rep, ids.next("CR"), a.now, note);
      List<PoolEvent> happened = new ArrayList<>();
      if (conflict) {
        happened.add(new ConflictDetected(account.id(), a.now, rep, owner, true, a.version()));
      }
      if (filing.isNew()) {
        happened.add(new CollaborationRequested(account.id(), a.now, filing.request().id(), rep, owner));
        a.store(filing.account(), happened);
      } else {
        a.publish(happened);
      }
      List<Reason> reasons = conflict ? List.of(collisions.reason(account, disclosure)) : List.of();
      return new Requested(account.id(), filing.request(), reasons);
    });
  }

  /**
   * Accepts a collaboration request: the requester joins the account as a {@value #COLLABORATOR_ROLE}.
   *
   * @throws NotFoundException if the account has no such pending request
   * @throws RuleViolationException {@link ErrorCode#FORBIDDEN} unless the actor is the owner or a manager above them
   */
  public AccountChange acceptCollaboration(AccountId id, String requestId, RepId actor) {
    return decideCollaboration(id, requestId, actor, true, null);
  }

  /** {@link #declineCollaboration(AccountId, String, RepId, String)} without a note. */
  public AccountChange declineCollaboration(AccountId id, String requestId, RepId actor) {
    return decideCollaboration(id, requestId, actor, false, null);
  }

  /** Declines a collaboration request; same authority and exceptions as {@link #acceptCollaboration}. */
  public AccountChange declineCollaboration(AccountId id, String requestId, RepId actor, String note) {
    return decideCollaboration(id, requestId, actor, false, Objects.requireNonNull(note, "note"));
  }

  private AccountChange decideCollaboration(AccountId id, String requestId, RepId actor, boolean accept,
      @Nullable String note) {
    checkTenant(id, actor, "actor");
    Objects.requireNonNull(requestId, "requestId");
    return commands.run(id, a -> {
      Account account = a.account;
      CollaborationRequest request = account.collaborationRequest(requestId)
          .orElseThrow(() -> new NotFoundException("collaboration request", id + "/" + requestId));
      // Pending requests end with the ownership, so a pending request means an owner.
      RepId owner = Objects.requireNonNull(account.owner());
      OwnerAuthority.requireOwnerOrAbove(account, owner, actor, a.chart(),
          (accept ? "accept" : "decline") + " collaboration on");
      Account.Draft d = account.draft();
      d.collaborationRequests.remove(request);
      PoolEvent event;
      if (accept) {
        d.collaborators.removeIf(c -> c.rep().equals(request.requestedBy()));
        d.collaborators.add(new Collaborator(request.requestedBy(), COLLABORATOR_ROLE));
        event = new CollaborationAccepted(account.id(), a.now, request.id(), request.requestedBy(), actor,
            COLLABORATOR_ROLE);
      } else {
        event = new CollaborationDeclined(account.id(), a.now, request.id(), request.requestedBy(), actor, note);
      }
      return new Changed(a.store(d.build(), List.of(event)), List.of());
    });
  }

  /**
   * Sets custom fields ({@code null} values unset them); the account's pool is recomputed from its fields. Built-in
   * fields cannot be written this way.
   *
   * @throws ValidationException naming every unknown, built-in or ill-typed field; nothing is written then
   */
  public Account updateFields(AccountId id, RepId actor, Map<String, ?> updates) {
    checkTenant(id, actor, "actor");
    Objects.requireNonNull(updates, "updates");
    return commands.run(id, a -> {
      FieldValues updated = a.account.fields().with(updates, false);
      if (updated.equals(a.account.fields())) {
        return a.account;
      }
      Account.Draft d = a.account.draft();
      d.fields = updated;
      return a.store(d.build(), List.of());
    });
  }

  /**
   * Marks the account a customer (a deal with it was won); the facade calls it when a deal of the account is won.
   * Marking a customer again changes nothing.
   */
  public Account markCustomer(AccountId id, RepId actor) {
    checkTenant(id, actor, "actor");
    return commands.run(id, a -> {
      if (a.account.status() == AccountStatus.CUSTOMER) {
        return a.account;
      }
      Account.Draft d = a.account.draft();
      d.status = AccountStatus.CUSTOMER;
      return a.store(d.build(), List.of(new AccountBecameCustomer(a.account.id(), a.now, a.account.owner(), actor)));
    });
  }

  /**
   * Records a follow-up (activity) on the account: its last follow-up becomes the later of the current one and {@code
   * at} (activities synced late do not move it back), and a pending recycle warning is withdrawn, since the due date
   * moved.
   *
   * @throws NotFoundException if the tenant has no such account
   * @throws ValidationException if the rep belongs to another tenant
   */
  @Override
  public void followedUp(AccountId account, RepId by, Instant at) {
    checkTenant(account, by, "by");
    Objects.requireNonNull(at, "at");
    commands.run(account, a -> {
      Instant last = a.account.lastFollowUpAt();
      if (last != null && !at.isAfter(last)) {
        return a.account;
      }
      Account.Draft d = a.account.draft();
      d.lastFollowUpAt = at;
      d.recycleWarning = null;
      return a.store(d.build(), List.of());
    });
  }

  // ---- shared pieces ----

  private static OwnerDisclosure disclosure(Attempt a, RepId viewer) {
    return new OwnerDisclosure(a.policy().revealOwner(), a.chart(), viewer);
  }

  private static Refused inPool(Account account, String what) {
    return new Refused(account.id(), ErrorCode.INVALID_TRANSITION, List.of(new Reason("account.owner",
        OwnerDisclosure.account(account) + " is in the public pool and cannot be " + what)));
  }

  private static String requireText(String text, String path, String message) {
    Objects.requireNonNull(text, path);
    if (text.isBlank()) {
      throw ValidationException.of(path, message);
    }
    return text.strip();
  }

  private static void checkTenant(AccountId id, RepId rep, String path) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(rep, path);
    if (!rep.tenant().equals(id.tenant())) {
      throw new ValidationException(List.of(new Problem(path, rep + " belongs to another tenant than "
          + id.tenant())));
    }
  }
}
