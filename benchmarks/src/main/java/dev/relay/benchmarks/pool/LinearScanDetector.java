package dev.relay.benchmarks.pool;

import dev.relay.common.AccountId;
import dev.relay.pool.matching.AccountKeys;
import dev.relay.pool.matching.DuplicateCandidate;
import dev.relay.pool.matching.MatchKey;
import dev.relay.pool.matching.MatchKind;
import dev.relay.pool.matching.MatchReason;
import dev.relay.pool.matching.NameGrams;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The baseline of {@link DuplicateCheckBenchmark}: what {@link dev.relay.pool.matching.DuplicateDetector} decides, by
 * comparing the query with every account of the registry. It is a fair baseline: keys are stored normalised, the query
 * keys are hashed once, and every name's bigrams are computed ahead, so a comparison is a few hash lookups and one merge
 * of two sorted int arrays — no allocation, no string work. What it cannot avoid is touching all accounts.
 */
final class LinearScanDetector {
  private static final Comparator<MatchKey> KEY_ORDER =
      Comparator.comparing(MatchKey::kind).thenComparing(MatchKey::value);

  private final AccountId[] accounts;
  private final MatchKey[][] keys;
  private final MatchKey[] names;
  private final NameGrams[] grams;

  /**
   * A registry of {@code accounts.length} accounts; arrays are index for index, {@code names[i]} is account i's name
   * key and {@code grams[i]} its bigrams. The arrays are used as given, not copied.
   */
  LinearScanDetector(AccountId[] accounts, MatchKey[][] keys, MatchKey[] names, NameGrams[] grams) {
    this.accounts = accounts;
    this.keys = keys;
    this.names = names;
    this.grams = grams;
  }

  int size() {
    return accounts.length;
  }

  /** The same candidates, reasons and order as {@code DuplicateDetector.find}. */
  List<DuplicateCandidate> find(Set<MatchKey> query, double threshold) {
    Set<MatchKey> queryKeys = new HashSet<>(query);
    MatchKey queryName = query.stream()
        .filter(k -> k.kind() == MatchKind.COMPANY_NAME || k.kind() == MatchKind.PERSON_NAME)
        .findFirst().orElseThrow(() -> new IllegalArgumentException("the query has no name"));
    NameGrams queryGrams = NameGrams.of(queryName.value());
    Optional<MatchKey> parent = AccountKeys.parentCompany(queryName);
    String branchPrefix = queryName.value() + "/";
    boolean company = queryName.kind() == MatchKind.COMPANY_NAME;
    List<DuplicateCandidate> found = new ArrayList<>();
    for (int i = 0; i < accounts.length; i++) {
      List<MatchKey> shared = null;
      for (MatchKey k : keys[i]) {
        if (queryKeys.contains(k)) {
          if (shared == null) {
            shared = new ArrayList<>(2);
          }
          shared.add(k);
        }
      }
      MatchKey name = names[i];
      double similarity = queryGrams.dice(grams[i]);
      MatchReason byName = null;
      if (name.equals(queryName)) {
        byName = null; // the exact name key says it all
      } else if (parent.isPresent() && name.equals(parent.get())) {
        byName = MatchReason.parentCompany(name.value(), similarity);
      } else if (company && name.value().startsWith(branchPrefix)) {
        byName = MatchReason.branch(name.value(), similarity);
      } else if (similarity >= threshold) {
        byName = MatchReason.similarName(queryName.kind(), name.value(), similarity);
      }
      if (shared == null && byName == null) {
        continue;
      }
      List<MatchReason> reasons = new ArrayList<>();
      if (shared != null) {
        shared.sort(KEY_ORDER);
        for (MatchKey k : shared) {
          reasons.add(MatchReason.sameKey(k));
        }
      }
      if (byName != null) {
        reasons.add(byName);
      }
      found.add(new DuplicateCandidate(accounts[i], reasons, shared != null));
    }
    found.sort(DuplicateCandidate.BEST_FIRST);
    return found;
  }
}
