package dev.relay.pool;

import dev.relay.common.AccountId;
import dev.relay.common.RepId;
import dev.relay.pool.matching.DuplicateCandidate;
import java.util.List;
import java.util.Map;

/**
 * What the duplicates found for a new account come to, before any policy choice: a conflict with another rep's customer
 * (撞单) outranks a plain duplicate, which outranks similar names. Exact candidates are checked in the detector's
 * order, best first; a candidate the registry no longer holds is ignored.
 */
final class DuplicateScreening {

  /** The outcome of screening. */
  sealed interface Finding permits Conflict, Duplicate, Clear {}

  /** An exact duplicate is owned by a rep other than the one the new account is for. */
  record Conflict(Account owned, DuplicateCandidate match) implements Finding {}

  /** An exact duplicate exists, in the pool or owned by the same rep: the duplicate policy decides. */
  record Duplicate(Account existing, DuplicateCandidate match, List<DuplicateCandidate> all) implements Finding {}

  /** No exact duplicate; the possible duplicates by name are flagged and never block. */
  record Clear(List<DuplicateCandidate> similar) implements Finding {}

  /**
   * @param candidates as the detector found them, exact ones first
   * @param existing the stored accounts of the candidates
   * @param rep the rep the new account is for ({@link NewAccount#actingRep()})
   */
  Finding screen(List<DuplicateCandidate> candidates, Map<AccountId, Account> existing, RepId rep) {
    Duplicate duplicate = null;
    for (DuplicateCandidate c : candidates) {
      Account account = existing.get(c.account());
      if (!c.exact() || account == null) {
        continue;
      }
      if (account.owner() != null && !account.owner().equals(rep)) {
        return new Conflict(account, c);
      }
      if (duplicate == null) {
        duplicate = new Duplicate(account, c, candidates.stream().filter(d -> existing.containsKey(d.account()))
            .toList());
      }
    }
    if (duplicate != null) {
      return duplicate;
    }
    return new Clear(candidates.stream().filter(c -> !c.exact() && existing.containsKey(c.account())).toList());
  }
}
