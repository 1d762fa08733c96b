package dev.relay.pool.matching;

import dev.relay.common.AccountId;
import dev.relay.common.TenantId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Finds the existing accounts that duplicate given keys — exact keys and similar names — through the {@link MatchIndex}
 * only, never by scanning the registry. Stateless and thread-safe if the index is.
 *
 * <p>A candidate is <b>exact</b> when it holds one of the keys (name, phone, e-mail, company domain, credit code), with
 * one {@link MatchReason#sameKey} reason per shared key, in {@link MatchKind} order and then by value. It is a
 * <b>possible duplicate</b> when its name is at least {@code threshold} {@linkplain NameGrams similar} (Dice over
 * character bigrams) to the new name, or when one is a branch of the other (see {@link AccountKeys}), whatever the
 * similarity. An account that qualifies both ways is one exact candidate carrying all its reasons, the name reason last.
 * Names are looked up among the {@link #NAME_CANDIDATES} accounts the index ranks best; a registry with more names
 * above the threshold than that reports only those.
 */
public final class DuplicateDetector {
  /** How many accounts the detector asks the index for by name. */
  public static final int NAME_CANDIDATES = 20;

  private static final Comparator<MatchKey> KEY_ORDER =
      Comparator.comparing(MatchKey::kind).thenComparing(MatchKey::value);

  private final MatchIndex index;

  /** A detector over {@code index}. */
  public DuplicateDetector(MatchIndex index) {
    this.index = Objects.requireNonNull(index, "index");
  }

  /**
   * The candidates, exact matches first, then possible duplicates; within each, by {@link
   * DuplicateCandidate#nameSimilarity()} descending, then account id ({@link DuplicateCandidate#BEST_FIRST}).
   *
   * @param keys the new or changed account's keys, as {@link AccountKeys#of} derives them
   * @param threshold the least name similarity, in [0, 1], that makes a possible duplicate, e.g. {@code 0.8}
   * @throws IllegalArgumentException if the threshold is outside [0, 1]
   */
  public List<DuplicateCandidate> find(TenantId tenant, Set<MatchKey> keys, double threshold) {
    return find(tenant, keys, threshold, null);
  }

  /**
   * As {@link #find(TenantId, Set, double)}, leaving out the account being changed, which always matches itself.
   *
   * @throws IllegalArgumentException if the threshold is outside [0, 1]
   */
  public List<DuplicateCandidate> findOthers(TenantId tenant, Set<MatchKey> keys, double threshold,
      AccountId changed) {
    return find(tenant, keys, threshold, Objects.requireNonNull(changed, "changed"));
  }

  private List<DuplicateCandidate> find(TenantId tenant, Set<MatchKey> keys, double threshold,
      @Nullable AccountId excluded) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(keys, "keys");
    if (!(threshold >= 0.0 && threshold <= 1.0)) {
      throw new IllegalArgumentException("threshold must be in [0, 1], got " + threshold);
    }
    Map<AccountId, List<MatchReason>> exact = new LinkedHashMap<>();
    List<MatchKey> sorted = keys.stream().sorted(KEY_ORDER).toList();
    for (MatchKey key : sorted) {
      // One lookup per key, because each shared key is a reason of its own.
      for (AccountId account : index.accountsWithKeys(tenant, List.of(key))) {
        exact.computeIfAbsent(account, a -> new ArrayList<>()).add(MatchReason.sameKey(key));
      }
    }
    Map<AccountId, MatchReason> byName = new LinkedHashMap<>();
    for (MatchKey name : sorted) {
      if (name.kind() == MatchKind.COMPANY_NAME || name.kind() == MatchKind.PERSON_NAME) {
        findByName(tenant, name, threshold, exact, byName);
      }
    }
    List<DuplicateCandidate> candidates = new ArrayList<>();
    for (Map.Entry<AccountId, List<MatchReason>> e : exact.entrySet()) {
      List<MatchReason> reasons = new ArrayList<>(e.getValue());
      MatchReason name = byName.remove(e.getKey());
      if (name != null) {
        reasons.add(name);
      }
      candidates.add(new DuplicateCandidate(e.getKey(), reasons, true));
    }
    for (Map.Entry<AccountId, MatchReason> e : byName.entrySet()) {
      candidates.add(new DuplicateCandidate(e.getKey(), List.of(e.getValue()), false));
    }
    if (excluded != null) {
      candidates.removeIf(c -> c.account().equals(excluded));
    }
    candidates.sort(DuplicateCandidate.BEST_FIRST);
    return List.copyOf(candidates);
  }

  private void findByName(TenantId tenant, MatchKey name, double threshold,
      Map<AccountId, List<MatchReason>> exact, Map<AccountId, MatchReason> byName) {
    NameGrams grams = NameGrams.of(name.value());
    Optional<MatchKey> parent = AccountKeys.parentCompany(name);
    if (parent.isPresent()) {
      double similarity = grams.dice(NameGrams.of(parent.get().value()));
      for (AccountId account : index.accountsWithKeys(tenant, List.of(parent.get()))) {
        byName.putIfAbsent(account, MatchReason.parentCompany(parent.get().value(), similarity));
      }
    }
    for (MatchIndex.NameCandidate candidate : index.nameCandidates(tenant, name.value(), NAME_CANDIDATES)) {
      AccountId account = candidate.account();
      if (byName.containsKey(account) || sharesKey(exact.get(account), name)) {
        continue;
      }
      double similarity = grams.dice(NameGrams.of(candidate.normalizedName()));
      if (name.kind() == MatchKind.COMPANY_NAME && isBranchOf(candidate.normalizedName(), name.value())) {
        byName.put(account, MatchReason.branch(candidate.normalizedName(), similarity));
      } else if (similarity >= threshold) {
        byName.put(account, MatchReason.similarName(name.kind(), candidate.normalizedName(), similarity));
      }
    }
  }

  /** Whether the candidate already holds the very name key, which its exact reasons say better. */
  private static boolean sharesKey(@Nullable List<MatchReason> exactReasons, MatchKey name) {
    if (exactReasons == null) {
      return false;
    }
    for (MatchReason r : exactReasons) {
      if (r.kind() == name.kind() && r.value().equals(name.value())) {
        return true;
      }
    }
    return false;
  }

  private static boolean isBranchOf(String candidateName, String companyName) {
    return AccountKeys.parentCompany(new MatchKey(MatchKind.COMPANY_NAME, candidateName))
        .map(p -> p.value().equals(companyName))
        .orElse(false);
  }
}
