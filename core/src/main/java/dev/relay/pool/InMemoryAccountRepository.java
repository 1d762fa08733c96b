package dev.relay.pool;

import dev.relay.common.AccountId;
import dev.relay.common.ConcurrencyConflictException;
import dev.relay.common.NotFoundException;
import dev.relay.common.RepId;
import dev.relay.common.TenantId;
import dev.relay.pool.matching.InMemoryMatchIndex;
import dev.relay.pool.matching.MatchKey;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Thread-safe in-memory {@link AccountRepository}: the test double, the quickstart's store and the reference the contract
 * tests define. Accounts live in a concurrent map, keys in an embedded {@link InMemoryMatchIndex}. A write holds a
 * write lock across the version check, the store and the re-indexing, and index lookups hold the read lock, so the
 * pair changes atomically; {@link #find} reads the map without locking.
 */
public final class InMemoryAccountRepository implements AccountRepository {
  private final ConcurrentMap<AccountId, Account> accounts = new ConcurrentHashMap<>();
  private final InMemoryMatchIndex index = new InMemoryMatchIndex();
  private final ReadWriteLock lock = new ReentrantReadWriteLock();

  @Override
  public Optional<Account> find(AccountId id) {
    return Optional.ofNullable(accounts.get(Objects.requireNonNull(id, "id")));
  }

  @Override
  public void insert(Account account) {
    if (account.version() != 1) {
      throw new IllegalArgumentException("a new account has version 1, not " + account.version() + ": "
          + account.id());
    }
    writing(() -> {
      Account existing = accounts.putIfAbsent(account.id(), account);
      if (existing != null) {
        throw new ConcurrencyConflictException(account.id(), 0, existing.version());
      }
      index.put(account.tenant(), account.id(), account.keys());
    });
  }

  @Override
  public void save(Account account, long expectedVersion) {
    if (account.version() != expectedVersion + 1) {
      throw new IllegalArgumentException("account " + account.id() + " saved as version " + account.version()
          + " on top of version " + expectedVersion + "; versions grow by one");
    }
    writing(() -> {
      Account stored = accounts.get(account.id());
      if (stored == null) {
        throw new NotFoundException("account", account.id());
      }
      if (stored.version() != expectedVersion) {
        throw new ConcurrencyConflictException(account.id(), expectedVersion, stored.version());
      }
      accounts.put(account.id(), account);
      if (!stored.keys().equals(account.keys())) {
        index.put(account.tenant(), account.id(), account.keys());
      }
    });
  }

  private void writing(Runnable write) {
    Lock w = lock.writeLock();
    w.lock();
    try {
      write.run();
    } finally {
      w.unlock();
    }
  }

  private <T> T reading(Supplier<T> read) {
    Lock r = lock.readLock();
    r.lock();
    try {
      return read.get();
    } finally {
      r.unlock();
    }
  }

  @Override
  public List<Account> findOwnedBy(RepId rep) {
    Objects.requireNonNull(rep, "rep");
    return list(rep.tenant(), a -> rep.equals(a.owner()));
  }

  @Override
  public List<Account> findOwned(TenantId tenant) {
    return list(tenant, a -> a.owner() != null);
  }

  @Override
  public List<Account> findInPublicPool(TenantId tenant) {
    return list(tenant, Account::isInPool);
  }

  private List<Account> list(TenantId tenant, Predicate<Account> filter) {
    Objects.requireNonNull(tenant, "tenant");
    return accounts.values().stream()
        .filter(a -> a.tenant().equals(tenant) && filter.test(a))
        .sorted(Comparator.comparing(a -> a.id().value()))
        .toList();
  }

  @Override
  public int countClaimsSince(RepId rep, Instant since) {
    Objects.requireNonNull(rep, "rep");
    Objects.requireNonNull(since, "since");
    int claims = 0;
    for (Account a : accounts.values()) {
      if (!a.tenant().equals(rep.tenant())) {
        continue;
      }
      for (OwnershipChange c : a.history()) {
        if (c.kind() == OwnershipChangeKind.CLAIMED && rep.equals(c.to()) && !c.at().isBefore(since)) {
          claims++;
        }
      }
    }
    return claims;
  }

  @Override
  public Set<AccountId> accountsWithKeys(TenantId tenant, Collection<MatchKey> keys) {
    return reading(() -> index.accountsWithKeys(tenant, keys));
  }

  @Override
  public List<NameCandidate> nameCandidates(TenantId tenant, String normalizedName, int limit) {
    return reading(() -> index.nameCandidates(tenant, normalizedName, limit));
  }
}
