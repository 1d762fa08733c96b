package dev.relay.pool.matching;

import dev.relay.common.AccountId;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * An existing account that matches a new or changed one. Constructing one without a reason throws {@link
 * IllegalArgumentException}.
 *
 * @param account the existing account
 * @param reasons every reason it matched, exact keys first, at least one
 * @param exact whether it shares an exact key (otherwise it is only a "possible duplicate" by name similarity or as
 *     parent or branch)
 */
public record DuplicateCandidate(AccountId account, List<MatchReason> reasons, boolean exact) {
  /**
   * The order {@link DuplicateDetector#find} returns candidates in: exact ones first, then by {@link #nameSimilarity()}
   * descending, then by account id.
   */
  public static final Comparator<DuplicateCandidate> BEST_FIRST = Comparator
      .comparing(DuplicateCandidate::exact).reversed()
      .thenComparing(Comparator.comparingDouble(DuplicateCandidate::nameSimilarity).reversed())
      .thenComparing(c -> c.account().value());

  public DuplicateCandidate {
    Objects.requireNonNull(account, "account");
    reasons = List.copyOf(reasons);
    if (reasons.isEmpty()) {
      throw new IllegalArgumentException("a duplicate candidate needs at least one reason");
    }
  }

  /** How alike the names are: 1 for the same name key, the similarity of a name reason, or 0 if names played no part. */
  public double nameSimilarity() {
    double best = 0.0;
    for (MatchReason r : reasons) {
      if (r.kind() == MatchKind.COMPANY_NAME || r.kind() == MatchKind.PERSON_NAME) {
        best = Math.max(best, r.similarity());
      }
    }
    return best;
  }
}
