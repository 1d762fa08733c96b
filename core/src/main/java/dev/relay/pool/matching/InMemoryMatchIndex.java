package dev.relay.pool.matching;

import dev.relay.common.AccountId;
import dev.relay.common.TenantId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.jspecify.annotations.Nullable;

/**
 * Thread-safe in-memory {@link MatchIndex}: hash maps from key to accounts, and an inverted index from each name's
 * {@linkplain NameGrams bigrams} (a one-character name: the character) to the accounts whose name has it. The
 * reference implementation, and the index an in-memory account store keeps beside its accounts.
 *
 * <p><b>Concurrency.</b> Each tenant has its own maps behind one read-write lock: lookups run in parallel, a {@link #put}
 * replaces an account's previous keys and grams in one step, so no reader sees an account under a mix of old and new
 * keys, and tenants never wait for each other.
 *
 * <p><b>Name candidates.</b> {@link #nameCandidates} reads only the postings of the query's grams, rarest first, and
 * scores every account found there by its exact Dice similarity, {@code 2·shared / (grams(query) + grams(account))},
 * best first, then by account id. So that a name made of very common grams ({@code 科技}, {@code 北京}, or the letter
 * pairs of English words) cannot make a lookup read a large part of the registry, it reads at most {@link
 * #ENUMERATION_BUDGET} postings in all: it takes whole posting lists while they fit and skips the rest, which are the
 * most common grams. What that costs is recall for an account that shares none of the query's rarer grams — an account
 * too unlike the query to matter, since a name at 80% similarity shares most grams, rare ones included. If even the
 * rarest gram is too common, the first accounts of its posting list are taken.
 *
 * <p>Accounts are numbered internally so that postings are arrays of ints. Adding to a posting list is O(1); removing
 * from one scans it, which for the most common grams of a million names costs a fraction of a millisecond per write.
 */
public final class InMemoryMatchIndex implements MatchIndex {
  /** The most postings one {@link #nameCandidates} lookup reads; see the class documentation. */
  public static final int ENUMERATION_BUDGET = 4096;

  private final ConcurrentHashMap<TenantId, TenantIndex> tenants = new ConcurrentHashMap<>();

  /**
   * Indexes (or re-indexes) an account under exactly these keys, replacing whatever it was indexed under before. Its
   * name for {@link #nameCandidates} is its {@link MatchKind#COMPANY_NAME} or {@link MatchKind#PERSON_NAME} key, if any.
   *
   * @throws IllegalArgumentException if the account belongs to another tenant or the keys hold more than one name
   */
  public void put(TenantId tenant, AccountId account, Set<MatchKey> keys) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(account, "account");
    checkTenant(tenant, account);
    Set<MatchKey> copy = Set.copyOf(keys);
    @Nullable String name = null;
    for (MatchKey k : copy) {
      if (k.kind() == MatchKind.COMPANY_NAME || k.kind() == MatchKind.PERSON_NAME) {
        if (name != null) {
          throw new IllegalArgumentException("an account has one name, " + account + " was given " + keys);
        }
        name = k.value();
      }
    }
    Entry entry = new Entry(account, copy, name, name == null ? null : NameGrams.of(name));
    tenants.computeIfAbsent(tenant, t -> new TenantIndex()).put(entry);
  }

  /** Removes an account from the index; nothing happens if it is not there. */
  public void remove(TenantId tenant, AccountId account) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(account, "account");
    checkTenant(tenant, account);
    TenantIndex index = tenants.get(tenant);
    if (index != null) {
      index.remove(account);
    }
  }

  /** How many accounts of the tenant are indexed. */
  public int size(TenantId tenant) {
    TenantIndex index = tenants.get(Objects.requireNonNull(tenant, "tenant"));
    return index == null ? 0 : index.size();
  }

  @Override
  public Set<AccountId> accountsWithKeys(TenantId tenant, Collection<MatchKey> keys) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(keys, "keys");
    TenantIndex index = tenants.get(tenant);
    return index == null ? Set.of() : index.accountsWithKeys(keys);
  }

  @Override
  public List<NameCandidate> nameCandidates(TenantId tenant, String normalizedName, int limit) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(normalizedName, "normalizedName");
    if (limit < 0) {
      throw new IllegalArgumentException("limit must not be negative, got " + limit);
    }
    TenantIndex index = tenants.get(tenant);
    if (index == null || limit == 0) {
      return List.of();
    }
    return index.nameCandidates(NameGrams.of(normalizedName), limit);
  }

  private static void checkTenant(TenantId tenant, AccountId account) {
    if (!account.tenant().equals(tenant)) {
      throw new IllegalArgumentException("account " + account + " does not belong to tenant " + tenant);
    }
  }

  /** What an account is indexed under; name and grams are null for an account without a name key. */
  private record Entry(AccountId account, Set<MatchKey> keys, @Nullable String name, @Nullable NameGrams grams) {}

  /** An account found by name and its similarity to the query. */
  private record Scored(Entry entry, double dice) {}

  private static final Comparator<Scored> BEST_FIRST = Comparator.comparingDouble(Scored::dice).reversed()
      .thenComparing(s -> s.entry().account().value());

  private static final class TenantIndex {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<AccountId, Integer> slots = new HashMap<>();
    private Entry[] entries = new Entry[16];
    private int[] freeSlots = new int[0];
    private int freeCount;
    private int nextSlot;
    private final Map<MatchKey, Slots> byKey = new HashMap<>();
    private final Map<Integer, Slots> byGram = new HashMap<>();

    void put(Entry entry) {
      lock.writeLock().lock();
      try {
        Integer existing = slots.get(entry.account());
        int slot;
        if (existing != null) {
          slot = existing;
          unindex(slot, entries[slot]);
        } else {
          slot = newSlot();
          slots.put(entry.account(), slot);
        }
        entries[slot] = entry;
        for (MatchKey k : entry.keys()) {
          byKey.computeIfAbsent(k, x -> new Slots()).add(slot);
        }
        if (entry.grams() != null) {
          for (int g : entry.grams().codes()) {
            byGram.computeIfAbsent(g, x -> new Slots()).add(slot);
          }
        }
      } finally {
        lock.writeLock().unlock();
      }
    }

    void remove(AccountId account) {
      lock.writeLock().lock();
      try {
        Integer slot = slots.remove(account);
        if (slot != null) {
          unindex(slot, entries[slot]);
          entries[slot] = null;
          if (freeCount == freeSlots.length) {
            freeSlots = Arrays.copyOf(freeSlots, Math.max(16, freeCount * 2));
          }
          freeSlots[freeCount++] = slot;
        }
      } finally {
        lock.writeLock().unlock();
      }
    }

    int size() {
      lock.readLock().lock();
      try {
        return slots.size();
      } finally {
        lock.readLock().unlock();
      }
    }

    private int newSlot() {
      if (freeCount > 0) {
        return freeSlots[--freeCount];
      }
      if (nextSlot == entries.length) {
        entries = Arrays.copyOf(entries, entries.length * 2);
      }
      return nextSlot++;
    }

    private void unindex(int slot, Entry old) {
      for (MatchKey k : old.keys()) {
        Slots s = byKey.get(k);
        if (s.remove(slot) == 0) {
          byKey.remove(k);
        }
      }
      if (old.grams() != null) {
        for (int g : old.grams().codes()) {
          Slots s = byGram.get(g);
          if (s.remove(slot) == 0) {
            byGram.remove(g);
          }
        }
      }
    }

    Set<AccountId> accountsWithKeys(Collection<MatchKey> keys) {
      lock.readLock().lock();
      try {
        Set<AccountId> found = new HashSet<>();
        for (MatchKey k : keys) {
          Slots s = byKey.get(k);
          if (s != null) {
            for (int i = 0; i < s.size; i++) {
              found.add(entries[s.items[i]].account());
            }
          }
        }
        return Set.copyOf(found);
      } finally {
        lock.readLock().unlock();
      }
    }

    List<NameCandidate> nameCandidates(NameGrams query, int limit) {
      lock.readLock().lock();
      try {
        List<Slots> lists = new ArrayList<>();
        for (int g : query.codes()) {
          Slots s = byGram.get(g);
          if (s != null) {
            lists.add(s);
          }
        }
        if (lists.isEmpty()) {
          return List.of();
        }
        lists.sort(Comparator.comparingInt(s -> s.size));
        int[] found = new int[Math.min(ENUMERATION_BUDGET, totalSize(lists))];
        int n = 0;
        for (Slots s : lists) {
          if (n + s.size > found.length) {
            break;
          }
          System.arraycopy(s.items, 0, found, n, s.size);
          n += s.size;
        }
        if (n == 0) {
          // Even the rarest gram is too common to read whole: take the first of its accounts.
          n = found.length;
          System.arraycopy(lists.get(0).items, 0, found, 0, n);
        }
        Arrays.sort(found, 0, n);
        PriorityQueue<Scored> best = new PriorityQueue<>(limit + 1, BEST_FIRST.reversed());
        for (int i = 0; i < n; i++) {
          if (i > 0 && found[i] == found[i - 1]) {
            continue;
          }
          Entry entry = entries[found[i]];
          double dice = query.dice(entry.grams());
          if (best.size() == limit && dice < best.peek().dice()) {
            continue;
          }
          best.add(new Scored(entry, dice));
          if (best.size() > limit) {
            best.poll();
          }
        }
        Scored[] ranked = best.toArray(new Scored[0]);
        Arrays.sort(ranked, BEST_FIRST);
        List<NameCandidate> out = new ArrayList<>(ranked.length);
        for (Scored s : ranked) {
          out.add(new NameCandidate(s.entry().account(), s.entry().name()));
        }
        return out;
      } finally {
        lock.readLock().unlock();
      }
    }

    private static int totalSize(List<Slots> lists) {
      long total = 0;
      for (Slots s : lists) {
        total += s.size;
      }
      return (int) Math.min(Integer.MAX_VALUE, total);
    }
  }

  /** The internal numbers of the accounts under one key or gram, in insertion order but for removals. */
  private static final class Slots {
    int[] items = new int[1];
    int size;

    void add(int slot) {
      if (size == items.length) {
        items = Arrays.copyOf(items, size < 8 ? size + 2 : size + (size >> 1));
      }
      items[size++] = slot;
    }

    /** Removes the slot (moving the last one into its place); the new size. */
    int remove(int slot) {
      for (int i = size - 1; i >= 0; i--) {
        if (items[i] == slot) {
          items[i] = items[--size];
          return size;
        }
      }
      return size;
    }
  }
}
