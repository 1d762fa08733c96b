package dev.relay.pool.matching;

import dev.relay.common.TenantId;
import java.util.List;
import java.util.Set;

/** Finds the existing accounts that duplicate given keys: exact keys and similar names, through the index only. */
public final class DuplicateDetector {
  private final MatchIndex index;

  public DuplicateDetector(MatchIndex index) {
    this.index = index;
  }

  /**
   * The candidates, exact matches first, then possible duplicates by name similarity at or above {@code threshold}.
   */
  public List<DuplicateCandidate> find(TenantId tenant, Set<MatchKey> keys, double threshold) {
    throw new UnsupportedOperationException("TODO");
  }
}
