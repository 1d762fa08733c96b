package dev.relay.pool;

import dev.relay.common.AccountId;
import dev.relay.common.RepId;
import dev.relay.common.TenantId;
import dev.relay.fields.FieldValues;
import dev.relay.pipeline.Collaborator;
import dev.relay.pool.matching.DuplicateCandidate;
import dev.relay.pool.matching.MatchKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A customer (客户) in the tenant's shared registry: owned by a rep, or in the public pool (公海) when {@link #owner()} is
 * {@code null}. The aggregate the {@link PoolService} changes and an {@link AccountRepository} stores. Immutable; every
 * stored change yields a new {@code Account} whose {@link #version()} is one higher, which the repository uses for
 * optimistic locking.
 *
 * <p>The built-in fields ({@link AccountFields}: name, kind, owner, in_pool, status, locked) are mirrored into {@link
 * #fields()} on every change, and {@link #pool()} is recomputed from the fields, so pool membership, recycle scopes and
 * exemptions read them like custom fields.
 *
 * <p>Storage adapters rebuild accounts through the canonical constructor; {@link #fields()} must then be bound to the
 * {@code ACCOUNT} schema of playbook version {@link #playbookVersion()} (or any later one; the service rebinds), and
 * {@link #keys()} are the keys to index.
 *
 * @param id tenant-scoped id
 * @param kind company or person
 * @param name display name as entered, not blank
 * @param phones phone numbers as entered
 * @param emails e-mail addresses as entered
 * @param creditCode the unified social credit code (统一社会信用代码) as entered, or {@code null}
 * @param keys the normalised match keys of name, phones, e-mails and credit code, indexed for duplicate detection
 * @param fields built-in and custom field values
 * @param pool the key of the pool the account belongs to (the first whose criteria its fields match), or {@code null}
 *     if it matches none
 * @param owner the owning rep, or {@code null} while it is in the public pool
 * @param backupOwner the owner's stand-in (备份负责人), or {@code null}; only while owned
 * @param collaborators reps working on it beside the owner, at most one entry each, never the owner
 * @param status prospect or customer
 * @param locked whether the owner locked it against recycling; only while owned
 * @param claimedAt when the current owner got it (claim, creation with an owner, transfer); {@code null} while in the
 *     pool
 * @param protectedUntil until when the current owner's fresh ownership is protected from recycling; {@code null} while
 *     in the pool
 * @param lastFollowUpAt the latest follow-up (activity) logged against it by anyone, or {@code null}
 * @param registration the latest deal registration (报备), active or expired, or {@code null}
 * @param collaborationRequests pending collaboration requests, oldest first
 * @param transferRequests pending transfer requests, oldest first; only while owned
 * @param possibleDuplicates existing accounts this one possibly duplicates, as found when it was created
 * @param recycleWarning the recycle warning issued for the current neglect, or {@code null}
 * @param history every ownership change, oldest first; starts with {@link OwnershipChangeKind#CREATED} and ends with
 *     the current owner
 * @param createdAt when the account was created
 * @param createdBy who created it
 * @param playbookVersion the playbook version of the last change (and the schema {@code fields} is bound to)
 * @param version optimistic-locking version: 1 when created, +1 for every change
 * @throws IllegalArgumentException if the parts contradict each other (another tenant's rep, a lock or a backup owner
 *     without an owner, a history not chaining or not ending with the owner, …)
 */
public record Account(
    AccountId id,
    AccountKind kind,
    String name,
    List<String> phones,
    List<String> emails,
    @Nullable String creditCode,
    Set<MatchKey> keys,
    FieldValues fields,
    @Nullable String pool,
    @Nullable RepId owner,
    @Nullable RepId backupOwner,
    List<Collaborator> collaborators,
    AccountStatus status,
    boolean locked,
    @Nullable Instant claimedAt,
    @Nullable Instant protectedUntil,
    @Nullable Instant lastFollowUpAt,
    @Nullable Registration registration,
    List<CollaborationRequest> collaborationRequests,
    List<TransferRequest> transferRequests,
    List<DuplicateCandidate> possibleDuplicates,
    @Nullable RecycleWarning recycleWarning,
    List<OwnershipChange> history,
    Instant createdAt,
    RepId createdBy,
    int playbookVersion,
    long version) {

  public Account {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(fields, "fields");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(createdBy, "createdBy");
    phones = List.copyOf(phones);
    emails = List.copyOf(emails);
    keys = Set.copyOf(keys);
    collaborators = List.copyOf(collaborators);
    collaborationRequests = List.copyOf(collaborationRequests);
    transferRequests = List.copyOf(transferRequests);
    possibleDuplicates = List.copyOf(possibleDuplicates);
    history = List.copyOf(history);
    if (name.isBlank()) {
      throw new IllegalArgumentException("account " + id + " needs a name");
    }
    TenantId tenant = id.tenant();
    requireTenant(tenant, owner, "owner");
    requireTenant(tenant, backupOwner, "backup owner");
    requireTenant(tenant, createdBy, "creator");
    for (Collaborator c : collaborators) {
      requireTenant(tenant, c.rep(), "collaborator");
      if (c.rep().equals(owner)) {
        throw new IllegalArgumentException("the owner of " + id + " cannot also be its collaborator");
      }
    }
    if (collaborators.stream().map(Collaborator::rep).distinct().count() != collaborators.size()) {
      throw new IllegalArgumentException("account " + id + " lists a collaborator twice: " + collaborators);
    }
    if (registration != null) {
      requireTenant(tenant, registration.rep(), "registering rep");
    }
    for (CollaborationRequest r : collaborationRequests) {
      requireTenant(tenant, r.requestedBy(), "collaboration requester");
    }
    for (TransferRequest r : transferRequests) {
      requireTenant(tenant, r.to(), "transfer recipient");
      requireTenant(tenant, r.requestedBy(), "transfer requester");
    }
    for (DuplicateCandidate d : possibleDuplicates) {
      if (!d.account().tenant().equals(tenant)) {
        throw new IllegalArgumentException("possible duplicate " + d.account() + " belongs to another tenant");
      }
    }
    if (owner == null && (locked || backupOwner != null || claimedAt != null || protectedUntil != null
        || !transferRequests.isEmpty())) {
      throw new IllegalArgumentException("account " + id + " is in the public pool, so it has no lock, backup owner, "
          + "claim time, protection or transfer request");
    }
    if (owner != null && owner.equals(backupOwner)) {
      throw new IllegalArgumentException("the owner of " + id + " cannot be their own backup");
    }
    checkHistory(id, history, owner);
    if (playbookVersion < 1 || version < 1) {
      throw new IllegalArgumentException("account " + id + " has playbook version " + playbookVersion
          + " and version " + version + "; both start at 1");
    }
  }

  private static void requireTenant(TenantId tenant, @Nullable RepId rep, String what) {
    if (rep != null && !rep.tenant().equals(tenant)) {
      throw new IllegalArgumentException(what + " " + rep + " belongs to another tenant than " + tenant);
    }
  }

  private static void checkHistory(AccountId id, List<OwnershipChange> history, @Nullable RepId owner) {
    if (history.isEmpty() || history.get(0).kind() != OwnershipChangeKind.CREATED || history.get(0).from() != null) {
      throw new IllegalArgumentException("account " + id + " history must start with its creation");
    }
    for (int i = 1; i < history.size(); i++) {
      if (!Objects.equals(history.get(i - 1).to(), history.get(i).from())) {
        throw new IllegalArgumentException("account " + id + " history entry " + i + " starts from "
            + history.get(i).from() + " but the previous one ended with " + history.get(i - 1).to());
      }
    }
    if (!Objects.equals(history.get(history.size() - 1).to(), owner)) {
      throw new IllegalArgumentException("account " + id + " is owned by " + owner + " but its history ends with "
          + history.get(history.size() - 1).to());
    }
  }

  public TenantId tenant() {
    return id.tenant();
  }

  /** Whether the account sits in the public pool (公海), owned by nobody. */
  public boolean isInPool() {
    return owner == null;
  }

  /** Whether the rep owns the account. */
  public boolean isOwnedBy(RepId rep) {
    return rep.equals(owner);
  }

  /** Whether the rep owns the account or collaborates on it. */
  public boolean isWorkedOnBy(RepId rep) {
    return isOwnedBy(rep) || collaborators.stream().anyMatch(c -> c.rep().equals(rep));
  }

  /** The registration protecting the customer at {@code now}, if one does. */
  public Optional<Registration> activeRegistration(Instant now) {
    return registration != null && registration.isActiveAt(now) ? Optional.of(registration) : Optional.empty();
  }

  public OwnershipChange lastChange() {
    return history.get(history.size() - 1);
  }

  public Optional<CollaborationRequest> collaborationRequest(String requestId) {
    return collaborationRequests.stream().filter(r -> r.id().equals(requestId)).findFirst();
  }

  public Optional<TransferRequest> transferRequest(String requestId) {
    return transferRequests.stream().filter(r -> r.id().equals(requestId)).findFirst();
  }

  /** The pending collaboration request of a rep, if any. */
  public Optional<CollaborationRequest> collaborationRequestOf(RepId rep) {
    return collaborationRequests.stream().filter(r -> r.requestedBy().equals(rep)).findFirst();
  }

  /**
   * When the rep last lost the account, by releasing it or having it recycled away from them, if ever; the reclaim
   * cool-down runs from then.
   */
  public Optional<Instant> lastLostBy(RepId rep) {
    for (int i = history.size() - 1; i >= 0; i--) {
      OwnershipChange c = history.get(i);
      if ((c.kind() == OwnershipChangeKind.RELEASED || c.kind() == OwnershipChangeKind.RECYCLED)
          && rep.equals(c.from())) {
        return Optional.of(c.at());
      }
    }
    return Optional.empty();
  }

  // ---- changes, used by the pool service and its sweep; none of them bumps the version (see nextVersion) ----

  /** A copy to change; {@link Draft#build()} checks the result like the canonical constructor. */
  Draft draft() {
    return new Draft(this);
  }

  /** The version a stored change of this account gets, stamped with the playbook version that made it. */
  Account nextVersion(int byPlaybookVersion) {
    Draft d = draft();
    d.playbookVersion = byPlaybookVersion;
    d.version = version + 1;
    return d.build();
  }

  /** A copy whose built-in fields mirror the account (its fields stay bound to the same schema). */
  Account withBuiltIns() {
    Map<String, @Nullable Object> builtIns = new HashMap<>();
    builtIns.put(AccountFields.NAME, name);
    builtIns.put(AccountFields.KIND, kind.jsonName());
    builtIns.put(AccountFields.OWNER, owner == null ? null : owner.value());
    builtIns.put(AccountFields.IN_POOL, owner == null);
    builtIns.put(AccountFields.STATUS, status.jsonName());
    builtIns.put(AccountFields.LOCKED, locked);
    Draft d = draft();
    d.fields = fields.with(builtIns, true);
    return d.build();
  }

  /**
   * A mutable copy of an account's parts, so that a change names only what it changes. Ownership changes go through
   * {@link #record}, which keeps the history chained.
   */
  static final class Draft {
    AccountId id;
    AccountKind kind;
    String name;
    List<String> phones;
    List<String> emails;
    @Nullable String creditCode;
    Set<MatchKey> keys;
    FieldValues fields;
    @Nullable String pool;
    @Nullable RepId owner;
    @Nullable RepId backupOwner;
    List<Collaborator> collaborators;
    AccountStatus status;
    boolean locked;
    @Nullable Instant claimedAt;
    @Nullable Instant protectedUntil;
    @Nullable Instant lastFollowUpAt;
    @Nullable Registration registration;
    List<CollaborationRequest> collaborationRequests;
    List<TransferRequest> transferRequests;
    List<DuplicateCandidate> possibleDuplicates;
    @Nullable RecycleWarning recycleWarning;
    List<OwnershipChange> history;
    Instant createdAt;
    RepId createdBy;
    int playbookVersion;
    long version;

    private Draft(Account a) {
      id = a.id;
      kind = a.kind;
      name = a.name;
      phones = a.phones;
      emails = a.emails;
      creditCode = a.creditCode;
      keys = a.keys;
      fields = a.fields;
      pool = a.pool;
      owner = a.owner;
      backupOwner = a.backupOwner;
      collaborators = new ArrayList<>(a.collaborators);
      status = a.status;
      locked = a.locked;
      claimedAt = a.claimedAt;
      protectedUntil = a.protectedUntil;
      lastFollowUpAt = a.lastFollowUpAt;
      registration = a.registration;
      collaborationRequests = new ArrayList<>(a.collaborationRequests);
      transferRequests = new ArrayList<>(a.transferRequests);
      possibleDuplicates = a.possibleDuplicates;
      recycleWarning = a.recycleWarning;
      history = new ArrayList<>(a.history);
      createdAt = a.createdAt;
      createdBy = a.createdBy;
      playbookVersion = a.playbookVersion;
      version = a.version;
    }

    /** Appends a history entry from the current owner and makes its {@code to} the owner. */
    Draft record(OwnershipChangeKind changeKind, @Nullable RepId to, @Nullable RepId actor, Instant at,
        @Nullable String note, int byPlaybookVersion) {
      history.add(new OwnershipChange(changeKind, owner, to, actor, at, note, byPlaybookVersion));
      owner = to;
      return this;
    }

    /**
     * The account gets a new owner (claim, transfer) or goes back to the pool ({@code to == null}: release, recycle):
     * what belonged to the old ownership ends — lock, backup owner, pending transfers, recycle warning — and a new owner
     * starts afresh, protected until {@code protectedUntil}. Collaborators stay unless the account goes to the pool or
     * one of them becomes the owner.
     */
    Draft changeOwner(OwnershipChangeKind changeKind, @Nullable RepId to, @Nullable RepId actor, Instant at,
        @Nullable String note, int byPlaybookVersion, @Nullable Instant protectedUntilAt) {
      record(changeKind, to, actor, at, note, byPlaybookVersion);
      locked = false;
      backupOwner = null;
      transferRequests.clear();
      recycleWarning = null;
      if (to == null) {
        claimedAt = null;
        protectedUntil = null;
        collaborators.clear();
        collaborationRequests.clear();
      } else {
        claimedAt = at;
        protectedUntil = protectedUntilAt;
        collaborators.removeIf(c -> c.rep().equals(to));
        collaborationRequests.removeIf(r -> r.requestedBy().equals(to));
      }
      return this;
    }

    Account build() {
      return new Account(id, kind, name, phones, emails, creditCode, keys, fields, pool, owner, backupOwner,
          collaborators, status, locked, claimedAt, protectedUntil, lastFollowUpAt, registration,
          collaborationRequests, transferRequests, possibleDuplicates, recycleWarning, history, createdAt, createdBy,
          playbookVersion, version);
    }
  }
}
