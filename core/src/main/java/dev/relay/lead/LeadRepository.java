package dev.relay.lead;

import dev.relay.common.ConcurrencyConflictException;
import dev.relay.common.LeadId;
import dev.relay.common.TenantId;
import dev.relay.pool.matching.MatchKey;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Port storing {@link Lead}s and the index of their match keys, every query scoped by tenant. Each write stores the
 * lead and re-indexes its {@link Lead#keys()} together. Writes are optimistic: a write based on a stale read fails with
 * {@link ConcurrencyConflictException} without changing anything. {@link InMemoryLeadRepository} is the reference
 * implementation; {@code LeadRepositoryContract} in the core test-jar certifies others.
 *
 * <p>Lists are ordered by capture time, then by id value, so that queues are served first come, first served.
 */
public interface LeadRepository {

  /** The lead with this id, or empty if the tenant has none. */
  Optional<Lead> find(LeadId id);

  /**
   * Stores a new lead and indexes its keys.
   *
   * @throws ConcurrencyConflictException if a lead with this id already exists (nothing is written)
   * @throws IllegalArgumentException if the lead's version is not 1
   */
  void insert(Lead lead);

  /**
   * Replaces a stored lead with its next version, if nobody changed it since it was read, and re-indexes it under
   * exactly its new keys.
   *
   * @param lead the changed lead, whose version must be {@code expectedVersion + 1}
   * @param expectedVersion the version the change was based on
   * @throws ConcurrencyConflictException if the stored version is not {@code expectedVersion} (nothing is written)
   * @throws dev.relay.common.NotFoundException if no such lead is stored
   * @throws IllegalArgumentException if {@code lead.version() != expectedVersion + 1}
   */
  void save(Lead lead, long expectedVersion);

  /** The tenant's leads in any of these statuses (e.g. the queue: {@link LeadStatus#NEW}). */
  List<Lead> findByStatus(TenantId tenant, Set<LeadStatus> statuses);

  /**
   * The tenant's {@link LeadStatus#ASSIGNED} leads not contacted yet: the SLA sweep's work list. A database adapter
   * serves it from an index on (tenant, status).
   */
  List<Lead> findAssignedNotContacted(TenantId tenant);

  /** The tenant's leads, in any status, holding any of the keys; empty for no keys. */
  List<Lead> leadsWithKeys(TenantId tenant, Collection<MatchKey> keys);
}
