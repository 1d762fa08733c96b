package dev.relay.pool;

import dev.relay.common.ConflictRetry;
import dev.relay.common.AccountId;
import dev.relay.common.EventPublisher;
import dev.relay.common.NotFoundException;
import dev.relay.common.TenantId;
import dev.relay.common.TransactionRunner;
import dev.relay.org.OrgChart;
import dev.relay.org.OrgDirectory;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The unit of work every pool command runs in: read the account, decide with the tenant's current pool rules (compiled
 * once per version, field values rebound when the version changed), write it with an optimistic version check, publish
 * its events — all inside one {@link TransactionRunner} unit, re-run from the read up to {@value #MAX_ATTEMPTS} times
 * when the write loses a race. Commands whose decision reads other accounts (claim limits, a customer's other records)
 * also hold the {@link OwnershipGuard} locks of their rep and of the account's match keys, from before the read until
 * after the commit. Shared by the {@link PoolService}'s use cases and the recycle sweep.
 */
final class AccountCommands {
  /** Attempts of a command that keeps losing optimistic-locking races. */
  static final int MAX_ATTEMPTS = 3;

  final AccountRepository accounts;
  final CompiledPools pools;
  final OrgDirectory org;
  final EventPublisher events;
  final TransactionRunner transactions;
  final Clock clock;
  final OwnershipGuard guard = new OwnershipGuard();
  private final ConflictRetry retrying = new ConflictRetry(MAX_ATTEMPTS);

  AccountCommands(AccountRepository accounts, CompiledPools pools, OrgDirectory org, EventPublisher events,
      TransactionRunner transactions, Clock clock) {
    this.accounts = accounts;
    this.pools = pools;
    this.org = org;
    this.events = events;
    this.transactions = transactions;
    this.clock = clock;
  }

  /** @throws NotFoundException if the tenant has no such account */
  Account get(AccountId id) {
    return accounts.find(id).orElseThrow(() -> new NotFoundException("account", id));
  }

  /** Runs a command on an account, retried on lost races. */
  <T> T run(AccountId id, Function<Attempt, T> work) {
    return retrying.run(() -> transactions.inTransaction(() -> work.apply(attempt(id))));
  }

  /**
   * Runs a command on an account holding the guard's locks of {@code extraKeys} (e.g. the claiming rep) and of the
   * account's match keys. The keys are read before locking; should a merge have changed them meanwhile, the command
   * lets go and starts again with the new keys.
   */
  <T> T runGuarded(AccountId id, Collection<?> extraKeys, Function<Attempt, T> work) {
    for (int i = 1; ; i++) {
      Account peek = get(id);
      Set<Object> locked = lockKeys(peek, extraKeys);
      Optional<T> outcome = guard.holding(locked, () -> retrying.run(() -> transactions.inTransaction(() -> {
        Attempt a = attempt(id);
        return locked.containsAll(lockKeys(a.account, extraKeys)) ? Optional.of(work.apply(a)) : Optional.<T>empty();
      })));
      if (outcome.isPresent()) {
        return outcome.get();
      }
      if (i >= MAX_ATTEMPTS) {
        // Keys keep moving under us: fall back to the optimistic check alone rather than spin.
        return run(id, work);
      }
    }
  }

  private static Set<Object> lockKeys(Account account, Collection<?> extraKeys) {
    Set<Object> keys = new HashSet<>(extraKeys);
    keys.addAll(OwnershipGuard.keysOf(account.tenant(), account.keys()));
    return keys;
  }

  private Attempt attempt(AccountId id) {
    Account stored = get(id);
    PoolRules rules = pools.current(id.tenant());
    return new Attempt(rules.bind(stored), stored.version(), rules, clock.instant());
  }

  /** One attempt of a command: the account as read, the rules in force and the moment. */
  final class Attempt {
    final Account account;
    final long readVersion;
    final PoolRules rules;
    final Instant now;
    private @Nullable OrgChart chart;

    Attempt(Account account, long readVersion, PoolRules rules, Instant now) {
      this.account = account;
      this.readVersion = readVersion;
      this.rules = rules;
      this.now = now;
    }

    PoolPolicy policy() {
      return rules.policy();
    }

    int version() {
      return rules.version();
    }

    /** Built lazily: most commands need no organisation. */
    OrgChart chart() {
      OrgChart c = chart;
      if (c == null) {
        c = org.chart(account.tenant());
        chart = c;
      }
      return c;
    }

    /** Writes the change as the next version if nobody else wrote first, then publishes its events. */
    Account store(Account changed, List<? extends PoolEvent> happened) {
      Account next = rules.derive(changed).nextVersion(rules.version());
      accounts.save(next, readVersion);
      publish(happened);
      return next;
    }

    /** Publishes events of a refusal, which writes nothing. */
    void publish(List<? extends PoolEvent> happened) {
      if (!happened.isEmpty()) {
        events.publish(happened);
      }
    }
  }

  /** The tenant's current rules, for commands that start without an account (creation). */
  PoolRules rules(TenantId tenant) {
    return pools.current(tenant);
  }

  /** Publishes the events of a refusal that read no account in a unit of work (a refused creation). */
  void publish(List<? extends PoolEvent> happened) {
    transactions.inTransaction(() -> {
      events.publish(happened);
      return happened;
    });
  }

  /**
   * Stores a new account, already {@linkplain PoolRules#derive derived}, and publishes its events in one unit of
   * work.
   */
  Account insert(Account account, List<? extends PoolEvent> happened) {
    return transactions.inTransaction(() -> {
      accounts.insert(account);
      if (!happened.isEmpty()) {
        events.publish(happened);
      }
      return account;
    });
  }
}
