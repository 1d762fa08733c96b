package dev.relay.pool;

import dev.relay.common.RepId;
import dev.relay.pool.matching.DuplicateCandidate;
import dev.relay.pool.matching.DuplicateDetector;
import java.util.Optional;

/**
 * One customer, one owner: the registry may hold several records of one customer (the {@code flag} duplicate policy
 * keeps them), but they never belong to two reps at once. Before an account goes to a rep (claim, transfer), its other
 * records — the accounts sharing one of its exact keys — are checked for another owner. Callers hold the {@link
 * OwnershipGuard} locks of the account's keys, so two records of one customer cannot change hands at the same time.
 */
final class CustomerExclusivity {
  private final DuplicateDetector detector;
  private final AccountRepository accounts;

  CustomerExclusivity(AccountRepository accounts) {
    this.accounts = accounts;
    this.detector = new DuplicateDetector(accounts);
  }

  /** Another record of the account's customer owned by a rep other than {@code newOwner}, if there is one. */
  Optional<Owned> ownedByAnother(Account account, RepId newOwner) {
    // Only exact keys matter here; the highest threshold keeps name-similarity work to a minimum.
    for (DuplicateCandidate c : detector.findOthers(account.tenant(), account.keys(), 1.0, account.id())) {
      if (!c.exact()) {
        continue;
      }
      Account other = accounts.find(c.account()).orElse(null);
      if (other != null && other.owner() != null && !other.owner().equals(newOwner)) {
        return Optional.of(new Owned(other, c));
      }
    }
    return Optional.empty();
  }

  /** Another record of the customer and why it is the same customer. */
  record Owned(Account account, DuplicateCandidate match) {
    /** The shared keys in words, e.g. {@code same phone +8613800138000}. */
    String why() {
      return String.join(", ", match.reasons().stream().map(r -> r.explanation()).toList());
    }
  }
}
