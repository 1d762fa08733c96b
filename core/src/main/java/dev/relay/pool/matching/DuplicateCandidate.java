package dev.relay.pool.matching;

import dev.relay.common.AccountId;
import java.util.List;
import java.util.Objects;

/**
 * An existing account that matches a new or changed one.
 *
 * @param account the existing account
 * @param reasons every reason it matched, exact keys first
 * @param exact whether it shares an exact key (otherwise it is only a "possible duplicate" by name similarity)
 */
public record DuplicateCandidate(AccountId account, List<MatchReason> reasons, boolean exact) {
  public DuplicateCandidate {
    Objects.requireNonNull(account, "account");
    reasons = List.copyOf(reasons);
  }
}
