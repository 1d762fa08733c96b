package dev.relay.pipeline;

import dev.relay.common.AccountId;
import dev.relay.common.ConcurrencyConflictException;
import dev.relay.common.DealId;
import dev.relay.common.TenantId;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Port storing {@link Deal}s, every query scoped by tenant. Writes are optimistic: each deal carries a {@link
 * Deal#version()}, and a write based on a stale read fails with {@link ConcurrencyConflictException} without changing
 * anything. {@link InMemoryDealRepository} is the reference implementation; {@code DealRepositoryContract} in the core
 * test-jar certifies others.
 */
public interface DealRepository {

  /** The deal with this id, or empty if the tenant has none. */
  Optional<Deal> find(DealId id);

  /**
   * Stores a new deal.
   *
   * @throws ConcurrencyConflictException if a deal with this id already exists (nothing is written)
   * @throws IllegalArgumentException if the deal's version is not 1
   */
  void insert(Deal deal);

  /**
   * Replaces a stored deal with its next version, if nobody changed it since it was read.
   *
   * @param deal the changed deal, whose version must be {@code expectedVersion + 1}
   * @param expectedVersion the version the change was based on
   * @throws ConcurrencyConflictException if the stored version is not {@code expectedVersion} (nothing is written)
   * @throws dev.relay.common.NotFoundException if no such deal is stored
   * @throws IllegalArgumentException if {@code deal.version() != expectedVersion + 1}
   */
  void save(Deal deal, long expectedVersion);

  /** The tenant's deals with one of these statuses, ordered by id value. */
  List<Deal> findByStatus(TenantId tenant, Set<DealStatus> statuses);

  /** The deals with a customer account, whatever their status, ordered by id value. */
  List<Deal> findByAccount(AccountId account);

  /** The tenant's open deals, ordered by id value. */
  default List<Deal> findOpen(TenantId tenant) {
    return findByStatus(tenant, EnumSet.of(DealStatus.OPEN));
  }

  /** Every deal of the tenant whatever its status, ordered by id value (for analytics). */
  default List<Deal> findAll(TenantId tenant) {
    return findByStatus(tenant, EnumSet.allOf(DealStatus.class));
  }
}
