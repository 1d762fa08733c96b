package dev.relay.pool.matching;

import dev.relay.common.AccountId;
import dev.relay.common.TenantId;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Port to the index of accounts' normalised keys, kept by the account store in the same write as the account. Lookups
 * never scan the registry: exact keys are hashed (or uniquely indexed), names are found through their n-grams.
 */
public interface MatchIndex {
  /** The accounts of the tenant holding any of the keys; empty for no keys. */
  Set<AccountId> accountsWithKeys(TenantId tenant, Collection<MatchKey> keys);

  /**
   * Up to {@code limit} accounts of the tenant whose normalised name shares the most {@linkplain NameGrams bigrams} with
   * {@code normalizedName} relative to both names' sizes (Dice), best first, each with its normalised name so that the
   * caller can score the similarity. Names of companies and persons are searched together: a sole trader and their
   * business are often one customer.
   *
   * @throws IllegalArgumentException if {@code limit} is negative
   */
  List<NameCandidate> nameCandidates(TenantId tenant, String normalizedName, int limit);

  /**
   * An account found by name.
   *
   * @param account the account
   * @param normalizedName its normalised name
   */
  record NameCandidate(AccountId account, String normalizedName) {}
}
