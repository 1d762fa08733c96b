package dev.relay.pool.matching;

import dev.relay.common.AccountId;
import dev.relay.common.TenantId;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/** Thread-safe in-memory {@link MatchIndex}: hash maps from key to accounts, and an n-gram index of names. */
public final class InMemoryMatchIndex implements MatchIndex {
  /** Indexes (or re-indexes) an account under exactly these keys. */
  public void put(TenantId tenant, AccountId account, Set<MatchKey> keys) {
    throw new UnsupportedOperationException("TODO");
  }

  /** Removes an account from the index. */
  public void remove(TenantId tenant, AccountId account) {
    throw new UnsupportedOperationException("TODO");
  }

  @Override
  public Set<AccountId> accountsWithKeys(TenantId tenant, Collection<MatchKey> keys) {
    throw new UnsupportedOperationException("TODO");
  }

  @Override
  public List<NameCandidate> nameCandidates(TenantId tenant, String normalizedName, int limit) {
    throw new UnsupportedOperationException("TODO");
  }
}
