package dev.relay.pool;

import dev.relay.common.AccountId;
import dev.relay.common.ErrorCode;
import dev.relay.common.IdGenerator;
import dev.relay.common.Problem;
import dev.relay.common.Reason;
import dev.relay.common.RepId;
import dev.relay.common.TenantId;
import dev.relay.common.ValidationException;
import dev.relay.fields.FieldValues;
import dev.relay.org.OrgChart;
import dev.relay.pool.AccountCreation.Created;
import dev.relay.pool.AccountCreation.Merged;
import dev.relay.pool.AccountCreation.Refused;
import dev.relay.pool.AccountCreation.Requested;
import dev.relay.pool.DuplicateScreening.Clear;
import dev.relay.pool.DuplicateScreening.Conflict;
import dev.relay.pool.DuplicateScreening.Duplicate;
import dev.relay.pool.DuplicateScreening.Finding;
import dev.relay.pool.PoolEvent.AccountCreated;
import dev.relay.pool.PoolEvent.AccountMerged;
import dev.relay.pool.PoolEvent.ConflictDetected;
import dev.relay.pool.PoolEvent.DuplicateRejected;
import dev.relay.pool.PoolEvent.PossibleDuplicateFlagged;
import dev.relay.pool.PoolRules.CompiledPool;
import dev.relay.pool.matching.AccountKeys;
import dev.relay.pool.matching.DuplicateCandidate;
import dev.relay.pool.matching.DuplicateDetector;
import dev.relay.pool.matching.MatchKey;
import dev.relay.pool.matching.MatchReason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Account creation: validates the command, derives its match keys, looks for duplicates and conflicts, and creates,
 * merges, refuses or files a collaboration request as the playbook's {@code duplicates} and {@code conflicts} policies
 * say. Runs holding the {@link OwnershipGuard} locks of the new keys, so two reps creating one customer at the same time
 * in one process meet each other as duplicates.
 */
final class AccountIntake {

  /** Files a collaboration request on an owned account (the service's shared command). */
  @FunctionalInterface
  interface CollaborationFiling {
    AccountChange file(AccountId owned, RepId rep, @Nullable String note, boolean conflict);
  }

  private final AccountCommands commands;
  private final IdGenerator ids;
  private final CollisionPolicy collisions;
  private final CollaborationFiling filing;
  private final DuplicateScreening screening = new DuplicateScreening();
  private final AccountMerge merging = new AccountMerge();
  private final DuplicateDetector detector;

  AccountIntake(AccountCommands commands, IdGenerator ids, CollisionPolicy collisions, CollaborationFiling filing) {
    this.commands = commands;
    this.ids = ids;
    this.collisions = collisions;
    this.filing = filing;
    this.detector = new DuplicateDetector(commands.accounts);
  }

  AccountCreation create(TenantId tenant, NewAccount command) {
    PoolRules rules = commands.rules(tenant);
    Checked checked = check(tenant, command, rules);
    return commands.guard.holding(OwnershipGuard.keysOf(tenant, checked.keys()),
        () -> decide(tenant, command, checked));
  }

  /** The command's typed fields and match keys. */
  private record Checked(FieldValues fields, Set<MatchKey> keys) {}

  /** @throws ValidationException listing every problem of the command */
  private static Checked check(TenantId tenant, NewAccount command, PoolRules rules) {
    List<Problem> problems = new ArrayList<>();
    if (command.owner() != null && !command.owner().tenant().equals(tenant)) {
      problems.add(new Problem("owner", command.owner() + " belongs to another tenant than " + tenant));
    }
    if (!command.createdBy().tenant().equals(tenant)) {
      problems.add(new Problem("createdBy", command.createdBy() + " belongs to another tenant than " + tenant));
    }
    Set<MatchKey> keys = Set.of();
    try {
      keys = AccountKeys.of(command.kind(), command.name(), command.phones(), command.emails(), command.creditCode(),
          rules.policy().defaultRegion());
    } catch (ValidationException e) {
      problems.addAll(e.problems());
    }
    FieldValues fields = FieldValues.empty(rules.schema());
    try {
      fields = fields.with(command.fields(), false);
    } catch (ValidationException e) {
      problems.addAll(e.problems());
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
    return new Checked(fields, keys);
  }

  private AccountCreation decide(TenantId tenant, NewAccount command, Checked checked) {
    // The rules are read again under the locks: a playbook saved meanwhile decides.
    PoolRules rules = commands.rules(tenant);
    PoolPolicy policy = rules.policy();
    List<DuplicateCandidate> candidates = detector.find(tenant, checked.keys(), policy.similarNameThreshold());
    Map<AccountId, Account> existing = new LinkedHashMap<>();
    for (DuplicateCandidate c : candidates) {
      commands.accounts.find(c.account()).ifPresent(a -> existing.put(a.id(), a));
    }
    RepId rep = command.actingRep();
    Finding finding = screening.screen(candidates, existing, rep);
    if (finding instanceof Conflict conflict) {
      return conflict(conflict, rep, rules);
    }
    if (finding instanceof Duplicate duplicate) {
      return switch (policy.duplicates()) {
        case REJECT -> reject(command, duplicate, rep, rules);
        case MERGE -> merge(command, checked, duplicate);
        case FLAG -> insert(tenant, command, checked, duplicate.all(), rules);
      };
    }
    return insert(tenant, command, checked, ((Clear) finding).similar(), rules);
  }

  private AccountCreation conflict(Conflict conflict, RepId rep, PoolRules rules) {
    Account owned = conflict.owned();
    if (collisions.requestsCollaboration(rules.policy())) {
      AccountChange filed = filing.file(owned.id(), rep, null, true);
      if (filed instanceof AccountChange.Requested requested) {
        return new Requested(requested.accountId(), (CollaborationRequest) requested.request(),
            requested.reasons());
      }
      // The owner let go of it meanwhile, or the rep already works on it: say so rather than create a duplicate.
      AccountChange.Refused refused = (AccountChange.Refused) filed;
      return new Refused(refused.code(), refused.reasons(), List.of(owned.id()));
    }
    Instant now = commands.clock.instant();
    OwnerDisclosure disclosure = new OwnerDisclosure(rules.policy().revealOwner(), chart(owned.tenant()), rep);
    Reason reason = collisions.reason(owned, disclosure);
    Reason why = new Reason(reason.rule(), reason.message() + " (" + explain(conflict.match()) + ")");
    commands.publish(List.of(new ConflictDetected(owned.id(), now, rep, Objects.requireNonNull(owned.owner()),
        false, rules.version())));
    return new Refused(ErrorCode.FORBIDDEN, List.of(why), List.of(owned.id()));
  }

  private AccountCreation reject(NewAccount command, Duplicate duplicate, RepId rep, PoolRules rules) {
    List<Reason> reasons = new ArrayList<>();
    List<AccountId> existing = new ArrayList<>();
    for (DuplicateCandidate c : duplicate.all()) {
      if (c.exact()) {
        Account account = commands.accounts.find(c.account()).orElse(null);
        String name = account == null ? c.account().value() : OwnerDisclosure.account(account);
        reasons.add(new Reason("pool.duplicates", "duplicates " + name + ": " + explain(c)));
        existing.add(c.account());
      }
    }
    commands.publish(List.of(new DuplicateRejected(duplicate.existing().id(), commands.clock.instant(),
        command.name(), rep, reasons, rules.version())));
    return new Refused(ErrorCode.INVALID_TRANSITION, reasons, existing);
  }

  private AccountCreation merge(NewAccount command, Checked checked, Duplicate duplicate) {
    return commands.run(duplicate.existing().id(), a -> {
      FieldValues incoming = checked.fields().rebind(a.rules.schema());
      AccountMerge.Result result = merging.merge(a.account, command, incoming, a.policy().defaultRegion());
      if (result.added().isEmpty()) {
        return new Merged(a.account, duplicate.match(), List.of());
      }
      Account.Draft d = result.merged().draft();
      String note = String.join("; ", result.added());
      d.record(OwnershipChangeKind.MERGED, a.account.owner(), command.createdBy(), a.now, note, a.version());
      Account saved = a.store(d.build(), List.of(new AccountMerged(a.account.id(), a.now, result.added(),
          command.createdBy(), a.version())));
      return new Merged(saved, duplicate.match(), result.added());
    });
  }

  private AccountCreation insert(TenantId tenant, NewAccount command, Checked checked,
      List<DuplicateCandidate> flagged, PoolRules rules) {
    Instant now = commands.clock.instant();
    RepId owner = command.owner();
    AccountId id = AccountId.of(tenant, ids.next("C"));
    OwnershipChange created = new OwnershipChange(OwnershipChangeKind.CREATED, null, owner, command.createdBy(), now,
        null, rules.version());
    Account draft = new Account(id, command.kind(), command.name().strip(), command.phones(), command.emails(),
        blankToNull(command.creditCode()), checked.keys(), checked.fields(), null, owner, null, List.of(),
        AccountStatus.PROSPECT, false, owner == null ? null : now, owner == null ? null : now, null, null, List.of(),
        List.of(), flagged, null, List.of(created), now, command.createdBy(), rules.version(), 1);
    Account account = rules.derive(draft);
    if (owner != null) {
      // A rep who brings a customer in owns it as if claimed: protected for the pool's claim protection.
      CompiledPool pool = rules.pool(account.pool()).orElse(null);
      Account.Draft d = account.draft();
      d.protectedUntil = now.plus(pool == null ? java.time.Duration.ZERO : pool.claim().protection());
      account = d.build();
    }
    List<PoolEvent> happened = new ArrayList<>();
    happened.add(new AccountCreated(id, now, account.name(), account.kind(), owner, account.pool(),
        command.createdBy(), rules.version()));
    if (!flagged.isEmpty()) {
      happened.add(new PossibleDuplicateFlagged(id, now, flagged));
    }
    return new Created(commands.insert(account, happened), flagged);
  }

  private OrgChart chart(TenantId tenant) {
    return commands.org.chart(tenant);
  }

  private static String explain(DuplicateCandidate c) {
    return c.reasons().stream().map(MatchReason::explanation).collect(Collectors.joining(", "));
  }

  private static @Nullable String blankToNull(@Nullable String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
