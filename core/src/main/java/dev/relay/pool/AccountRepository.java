package dev.relay.pool;

import dev.relay.common.AccountId;
import dev.relay.common.ConcurrencyConflictException;
import dev.relay.common.RepId;
import dev.relay.common.TenantId;
import dev.relay.pool.matching.MatchIndex;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port storing {@link Account}s and the index of their match keys, every query scoped by tenant. Each write stores the
 * account and re-indexes its {@link Account#keys()} together: a lookup never sees an account without its keys or keys
 * of an account's earlier version. Writes are optimistic: a write based on a stale read fails with {@link
 * ConcurrencyConflictException} without changing anything. {@link InMemoryAccountRepository} is the reference
 * implementation; {@code AccountRepositoryContract} in the core test-jar certifies others.
 */
public interface AccountRepository extends MatchIndex {

  /** The account with this id, or empty if the tenant has none. */
  Optional<Account> find(AccountId id);

  /**
   * Stores a new account and indexes its keys.
   *
   * @throws ConcurrencyConflictException if an account with this id already exists (nothing is written)
   * @throws IllegalArgumentException if the account's version is not 1
   */
  void insert(Account account);

  /**
   * Replaces a stored account with its next version, if nobody changed it since it was read, and re-indexes it under
   * exactly its new keys.
   *
   * @param account the changed account, whose version must be {@code expectedVersion + 1}
   * @param expectedVersion the version the change was based on
   * @throws ConcurrencyConflictException if the stored version is not {@code expectedVersion} (nothing is written)
   * @throws dev.relay.common.NotFoundException if no such account is stored
   * @throws IllegalArgumentException if {@code account.version() != expectedVersion + 1}
   */
  void save(Account account, long expectedVersion);

  /** The accounts the rep owns, ordered by id value. */
  List<Account> findOwnedBy(RepId rep);

  /** Every owned account of the tenant (the recycle sweep's work list), ordered by id value. */
  List<Account> findOwned(TenantId tenant);

  /** The tenant's accounts in the public pool (公海), ordered by id value. */
  List<Account> findInPublicPool(TenantId tenant);

  /**
   * How many times the rep claimed an account from the public pool at or after {@code since}: the {@link
   * OwnershipChangeKind#CLAIMED} history entries to the rep, whatever became of the accounts since.
   */
  int countClaimsSince(RepId rep, Instant since);
}
