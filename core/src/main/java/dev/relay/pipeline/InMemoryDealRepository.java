package dev.relay.pipeline;

import dev.relay.common.AccountId;
import dev.relay.common.ConcurrencyConflictException;
import dev.relay.common.DealId;
import dev.relay.common.NotFoundException;
import dev.relay.common.TenantId;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Thread-safe in-memory {@link DealRepository}: the test double, the quickstart's store and the reference the contract
 * tests define. The version check and the write happen in one {@link ConcurrentMap#compute} call, so two writers racing
 * on one deal can never both win.
 */
public final class InMemoryDealRepository implements DealRepository {
  private final ConcurrentMap<DealId, Deal> deals = new ConcurrentHashMap<>();

  @Override
  public Optional<Deal> find(DealId id) {
    return Optional.ofNullable(deals.get(Objects.requireNonNull(id, "id")));
  }

  @Override
  public void insert(Deal deal) {
    if (deal.version() != 1) {
      throw new IllegalArgumentException("a new deal has version 1, not " + deal.version() + ": " + deal.id());
    }
    Deal existing = deals.putIfAbsent(deal.id(), deal);
    if (existing != null) {
      throw new ConcurrencyConflictException(deal.id(), 0, existing.version());
    }
  }

  @Override
  public void save(Deal deal, long expectedVersion) {
    if (deal.version() != expectedVersion + 1) {
      throw new IllegalArgumentException("deal " + deal.id() + " saved as version " + deal.version()
          + " on top of version " + expectedVersion + "; versions grow by one");
    }
    deals.compute(deal.id(), (id, stored) -> {
      if (stored == null) {
        throw new NotFoundException("deal", id);
      }
      if (stored.version() != expectedVersion) {
        throw new ConcurrencyConflictException(id, expectedVersion, stored.version());
      }
      return deal;
    });
  }

  @Override
  public List<Deal> findByStatus(TenantId tenant, Set<DealStatus> statuses) {
    Objects.requireNonNull(tenant, "tenant");
    return deals.values().stream()
        .filter(d -> d.tenant().equals(tenant) && statuses.contains(d.status()))
        .sorted(Comparator.comparing(d -> d.id().value()))
        .toList();
  }

  @Override
  public List<Deal> findByAccount(AccountId account) {
    Objects.requireNonNull(account, "account");
    return deals.values().stream()
        .filter(d -> account.equals(d.account()))
        .sorted(Comparator.comparing(d -> d.id().value()))
        .toList();
  }
}
