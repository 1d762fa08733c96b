package dev.relay.lead;

import dev.relay.common.ConcurrencyConflictException;
import dev.relay.common.LeadId;
import dev.relay.common.NotFoundException;
import dev.relay.common.TenantId;
import dev.relay.pool.matching.MatchKey;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Thread-safe in-memory {@link LeadRepository}: the test double, the quickstart's store and the reference the contract
 * tests define. Leads live in a concurrent map, their keys in a per-tenant hash index. A write holds a write lock
 * across the version check, the store and the re-indexing, and key lookups hold the read lock, so the pair changes
 * atomically; {@link #find} reads the map without locking.
 */
public final class InMemoryLeadRepository implements LeadRepository {
  private static final Comparator<Lead> FIRST_COME =
      Comparator.comparing(Lead::capturedAt).thenComparing(l -> l.id().value());

  private final ConcurrentMap<LeadId, Lead> leads = new ConcurrentHashMap<>();
  private final Map<TenantId, Map<MatchKey, Set<LeadId>>> index = new HashMap<>();
  private final ReadWriteLock lock = new ReentrantReadWriteLock();

  @Override
  public Optional<Lead> find(LeadId id) {
    return Optional.ofNullable(leads.get(Objects.requireNonNull(id, "id")));
  }

  @Override
  public void insert(Lead lead) {
    if (lead.version() != 1) {
      throw new IllegalArgumentException("a new lead has version 1, not " + lead.version() + ": " + lead.id());
    }
    writing(() -> {
      Lead existing = leads.putIfAbsent(lead.id(), lead);
      if (existing != null) {
        throw new ConcurrencyConflictException(lead.id(), 0, existing.version());
      }
      indexKeys(lead, Set.of());
    });
  }

  @Override
  public void save(Lead lead, long expectedVersion) {
    if (lead.version() != expectedVersion + 1) {
      throw new IllegalArgumentException("lead " + lead.id() + " saved as version " + lead.version()
          + " on top of version " + expectedVersion + "; versions grow by one");
    }
    writing(() -> {
      Lead stored = leads.get(lead.id());
      if (stored == null) {
        throw new NotFoundException("lead", lead.id());
      }
      if (stored.version() != expectedVersion) {
        throw new ConcurrencyConflictException(lead.id(), expectedVersion, stored.version());
      }
      leads.put(lead.id(), lead);
      indexKeys(lead, stored.keys());
    });
  }

  /** Moves the lead from its previous keys to its current ones; runs under the write lock. */
  private void indexKeys(Lead lead, Set<MatchKey> previous) {
    if (previous.equals(lead.keys())) {
      return;
    }
    Map<MatchKey, Set<LeadId>> byKey = index.computeIfAbsent(lead.tenant(), t -> new HashMap<>());
    for (MatchKey k : previous) {
      Set<LeadId> ids = byKey.get(k);
      if (ids != null && ids.remove(lead.id()) && ids.isEmpty()) {
        byKey.remove(k);
      }
    }
    for (MatchKey k : lead.keys()) {
      byKey.computeIfAbsent(k, x -> new HashSet<>()).add(lead.id());
    }
  }

  @Override
  public List<Lead> findByStatus(TenantId tenant, Set<LeadStatus> statuses) {
    Set<LeadStatus> wanted = Set.copyOf(statuses);
    return list(tenant, l -> wanted.contains(l.status()));
  }

  @Override
  public List<Lead> findAssignedNotContacted(TenantId tenant) {
    return list(tenant, l -> l.status() == LeadStatus.ASSIGNED && l.firstContactAt() == null);
  }

  @Override
  public List<Lead> leadsWithKeys(TenantId tenant, Collection<MatchKey> keys) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(keys, "keys");
    // The leads are read under the lock too, so that none is returned in a version that no longer holds the key.
    return reading(() -> {
      Map<MatchKey, Set<LeadId>> byKey = index.getOrDefault(tenant, Map.of());
      Set<LeadId> found = new HashSet<>();
      for (MatchKey k : keys) {
        found.addAll(byKey.getOrDefault(k, Set.of()));
      }
      return found.stream().map(leads::get).sorted(FIRST_COME).toList();
    });
  }

  private List<Lead> list(TenantId tenant, Predicate<Lead> filter) {
    Objects.requireNonNull(tenant, "tenant");
    return leads.values().stream()
        .filter(l -> l.tenant().equals(tenant) && filter.test(l))
        .sorted(FIRST_COME)
        .toList();
  }

  private void writing(Runnable write) {
    lock.writeLock().lock();
    try {
      write.run();
    } finally {
      lock.writeLock().unlock();
    }
  }

  private <T> T reading(Supplier<T> read) {
    lock.readLock().lock();
    try {
      return read.get();
    } finally {
      lock.readLock().unlock();
    }
  }
}
