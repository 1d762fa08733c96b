package dev.relay.pool;

import dev.relay.common.AccountId;
import dev.relay.common.Reason;
import dev.relay.common.RelayEvent;
import dev.relay.common.RepId;
import dev.relay.common.TenantId;
import dev.relay.pool.matching.DuplicateCandidate;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What happened in the customer pool, published through {@link dev.relay.common.EventPublisher} in the same unit of work
 * as the change (or, for {@link ClaimRejected}, {@link DuplicateRejected} and {@link ConflictDetected}, the refusal)
 * that caused it. Failures are events too, so hosts can notify people and audits can count refusals. Events that carry
 * an owner are meant for the host and its audit; showing them to reps is the host's decision.
 */
public sealed interface PoolEvent extends RelayEvent {

  /** The account the event is about (for a refused creation: the existing account it ran into). */
  AccountId account();

  @Override
  default TenantId tenant() {
    return account().tenant();
  }

  /** An account was created, into the public pool ({@code owner == null}) or straight to an owner. */
  record AccountCreated(AccountId account, Instant occurredAt, String name, AccountKind kind, @Nullable RepId owner,
      @Nullable String pool, RepId createdBy, int playbookVersion) implements PoolEvent {
    @Override
    public String type() {
      return "pool.account_created";
    }
  }

  /**
   * Creating an account was refused because it duplicates an existing one (the {@code reject} duplicate policy).
   *
   * @param account the existing account
   * @param name the name the rep tried to create
   * @param reasons the keys they share
   */
  record DuplicateRejected(AccountId account, Instant occurredAt, String name, RepId rep, List<Reason> reasons,
      int playbookVersion) implements PoolEvent {
    public DuplicateRejected {
      reasons = List.copyOf(reasons);
    }

    @Override
    public String type() {
      return "pool.duplicate_rejected";
    }
  }

  /** A duplicate's details were merged into an existing account (the {@code merge} duplicate policy). */
  record AccountMerged(AccountId account, Instant occurredAt, List<String> added, RepId actor, int playbookVersion)
      implements PoolEvent {
    public AccountMerged {
      added = List.copyOf(added);
    }

    @Override
    public String type() {
      return "pool.account_merged";
    }
  }

  /** A new account was flagged as a possible duplicate of existing ones, for people to resolve. */
  record PossibleDuplicateFlagged(AccountId account, Instant occurredAt, List<DuplicateCandidate> candidates)
      implements PoolEvent {
    public PossibleDuplicateFlagged {
      candidates = List.copyOf(candidates);
    }

    @Override
    public String type() {
      return "pool.possible_duplicate_flagged";
    }
  }

  /**
   * A rep ran into a customer another rep owns (撞单), by creating, claiming or registering it.
   *
   * @param account the owned account
   * @param rep the rep who ran into it
   * @param owner its owner
   * @param collaborationRequested whether a collaboration request was filed (otherwise the rep was refused)
   */
  record ConflictDetected(AccountId account, Instant occurredAt, RepId rep, RepId owner,
      boolean collaborationRequested, int playbookVersion) implements PoolEvent {
    @Override
    public String type() {
      return "pool.conflict_detected";
    }
  }

  /** A rep asked the owner to let them collaborate on the account. */
  record CollaborationRequested(AccountId account, Instant occurredAt, String requestId, RepId requester, RepId owner)
      implements PoolEvent {
    @Override
    public String type() {
      return "pool.collaboration_requested";
    }
  }

  /** The owner (or their manager) accepted a collaboration request; the requester is now a collaborator. */
  record CollaborationAccepted(AccountId account, Instant occurredAt, String requestId, RepId requester,
      RepId decidedBy, String role) implements PoolEvent {
    @Override
    public String type() {
      return "pool.collaboration_accepted";
    }
  }

  /** The owner (or their manager) declined a collaboration request. */
  record CollaborationDeclined(AccountId account, Instant occurredAt, String requestId, RepId requester,
      RepId decidedBy, @Nullable String note) implements PoolEvent {
    @Override
    public String type() {
      return "pool.collaboration_declined";
    }
  }

  /** Someone was added to the account as a collaborator by its owner (or their manager). */
  record CollaboratorAdded(AccountId account, Instant occurredAt, RepId collaborator, String role, RepId actor)
      implements PoolEvent {
    @Override
    public String type() {
      return "pool.collaborator_added";
    }
  }

  /** The backup owner was set ({@code to}) or cleared ({@code to == null}). */
  record BackupOwnerChanged(AccountId account, Instant occurredAt, @Nullable RepId from, @Nullable RepId to,
      RepId actor) implements PoolEvent {
    @Override
    public String type() {
      return "pool.backup_owner_changed";
    }
  }

  /** A rep claimed the account from the public pool; it is protected from recycling until {@code protectedUntil}. */
  record AccountClaimed(AccountId account, Instant occurredAt, RepId rep, @Nullable String pool,
      Instant protectedUntil, int playbookVersion) implements PoolEvent {
    @Override
    public String type() {
      return "pool.account_claimed";
    }
  }

  /** A claim was refused; the reasons name every rule that failed. */
  record ClaimRejected(AccountId account, Instant occurredAt, RepId rep, List<Reason> reasons, int playbookVersion)
      implements PoolEvent {
    public ClaimRejected {
      reasons = List.copyOf(reasons);
    }

    @Override
    public String type() {
      return "pool.claim_rejected";
    }
  }

  /** The owner locked the account: it is not recycled while locked (where the pool exempts locked accounts). */
  record AccountLocked(AccountId account, Instant occurredAt, RepId owner, int playbookVersion) implements PoolEvent {
    @Override
    public String type() {
      return "pool.account_locked";
    }
  }

  /** The owner unlocked the account. */
  record AccountUnlocked(AccountId account, Instant occurredAt, RepId owner, int playbookVersion)
      implements PoolEvent {
    @Override
    public String type() {
      return "pool.account_unlocked";
    }
  }

  /** The owner (or their manager) released the account back to the public pool. */
  record AccountReleased(AccountId account, Instant occurredAt, RepId from, RepId actor, String reason,
      int playbookVersion) implements PoolEvent {
    @Override
    public String type() {
      return "pool.account_released";
    }
  }

  /**
   * A transfer waits for approval by the owner's manager or anyone above them.
   *
   * @param approver the owner's manager, or {@code null} if the owner has none (then only someone above can approve,
   *     which nobody is: the host must decide)
   */
  record TransferRequested(AccountId account, Instant occurredAt, String requestId, RepId from, RepId to,
      RepId requestedBy, @Nullable RepId approver, String handoverNote) implements PoolEvent {
    @Override
    public String type() {
      return "pool.transfer_requested";
    }
  }

  /**
   * The account changed hands with a handover note; its open deals and tasks followed where the playbook says so.
   *
   * @param approvedBy who approved the transfer, or {@code null} if it needed no approval
   * @param dealsMoved how many open deals followed
   * @param tasksMoved how many open follow-up tasks followed
   */
  record AccountTransferred(AccountId account, Instant occurredAt, RepId from, RepId to, RepId actor,
      @Nullable RepId approvedBy, String handoverNote, int dealsMoved, int tasksMoved, int playbookVersion)
      implements PoolEvent {
    @Override
    public String type() {
      return "pool.account_transferred";
    }
  }

  /** A pending transfer was declined by the owner's manager (or above); the account stays with its owner. */
  record TransferDeclined(AccountId account, Instant occurredAt, String requestId, RepId from, RepId to,
      RepId decidedBy, @Nullable String note) implements PoolEvent {
    @Override
    public String type() {
      return "pool.transfer_declined";
    }
  }

  /**
   * A rep registered the customer (报备) and holds its protection until {@code expiresAt}.
   *
   * @param replaced the rep whose later-timestamped registration this earlier one replaced, or {@code null}
   */
  record AccountRegistered(AccountId account, Instant occurredAt, RepId rep, Instant registeredAt, Instant expiresAt,
      @Nullable RepId replaced, int playbookVersion) implements PoolEvent {
    @Override
    public String type() {
      return "pool.account_registered";
    }
  }

  /** The account became a customer (a deal with it was won). */
  record AccountBecameCustomer(AccountId account, Instant occurredAt, @Nullable RepId owner, RepId actor)
      implements PoolEvent {
    @Override
    public String type() {
      return "pool.account_became_customer";
    }
  }

  /** The recycle sweep returned a neglected account to the public pool under a recycle rule. */
  record AccountRecycled(AccountId account, Instant occurredAt, RepId from, String ruleKey, String reason)
      implements PoolEvent {
    @Override
    public String type() {
      return "pool.account_recycled";
    }
  }

  /** The recycle sweep warned the owner that the account will be recycled at {@code due} without a follow-up. */
  record RecycleWarningIssued(AccountId account, Instant occurredAt, RepId owner, String ruleKey, Instant due)
      implements PoolEvent {
    @Override
    public String type() {
      return "pool.recycle_warning_issued";
    }
  }
}
