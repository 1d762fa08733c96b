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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
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
 * <p><b>Name candidates.</b> {@link #nameCandidates} reads only the posting lists of the query's grams, rarest first,
 * counting for each account how many of them it appears in. So that a name made of very common grams ({@code 科技},
 * {@code 北京}, or the letter pairs of English words) cannot make a lookup read a large part of the registry, it reads at
 * most {@link #ENUMERATION_BUDGET} postings: whole lists while they fit, skipping the rest, which are the most common
 * grams (if even the rarest list is longer than the budget, its first accounts stand for it). The {@value #SHORTLIST}
 * or so accounts sharing the most of the grams read are then scored exactly — Dice, {@code 2·shared / (grams(query) +
 * grams(account))} — and the best returned, then by account id. A name similar to the query shares most of its grams,
 * the rare ones included, so it counts high and is scored; what the budget costs is recall for names that share only
 * common grams with the query, which are too unlike it to matter. With fewer than {@value #SHORTLIST} accounts every
 * one sharing a gram is scored, so the ranking is exact. A lookup thus costs at most the budget in postings read and
 * usually {@value #SHORTLIST} to {@value #SCORED_AT_MOST} exact scores: about 0.1–0.3 ms over a million names.
 *
 * <p>Accounts are numbered internally so that posting lists are arrays of ints, and each lookup counts in a scratch
 * array that it clears by what it touched. Adding to a posting list is O(1); removing from one scans it, which for the
 * most common grams of a million names costs a fraction of a millisecond per write.
 */
public final class InMemoryMatchIndex implements MatchIndex {
  /** The most postings one {@link #nameCandidates} lookup reads; see the class documentation. */
  public static final int ENUMERATION_BUDGET = 32_768;

  /** How many of the accounts sharing the most grams are scored exactly, at least; see the class documentation. */
  public static final int SHORTLIST = 200;

  /**
   * Past this many, accounts tied at the shortlist's lowest count are left out rather than all scored (unless that
   * would leave none).
   */
  public static final int SCORED_AT_MOST = 1024;

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

  private static final class TenantIndex {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<AccountId, Integer> slots = new HashMap<>();
    private Entry[] entries = new Entry[16];
    /** Each slot's gram codes, beside {@link #entries} so that scoring walks one dense array (null: no name). */
    private int[][] gramsAt = new int[16][];
    private int[] freeSlots = new int[0];
    private int freeCount;
    private int nextSlot;
    private final Map<MatchKey, Slots> byKey = new HashMap<>();
    private final Map<Integer, Slots> byGram = new HashMap<>();
    private final ConcurrentLinkedQueue<Scratch> scratches = new ConcurrentLinkedQueue<>();

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
        gramsAt[slot] = entry.grams() == null ? null : entry.grams().codes();
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
          gramsAt[slot] = null;
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
        gramsAt = Arrays.copyOf(gramsAt, gramsAt.length * 2);
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
      Scratch scratch = borrowScratch();
      try {
        List<Slots> lists = new ArrayList<>();
        for (int g : query.codes()) {
          Slots s = byGram.get(g);
          if (s != null) {
            lists.add(s);
          }
        }
        lists.sort(Comparator.comparingInt(s -> s.size));
        countSharedGrams(lists, scratch);
        int[] shortlist = shortlist(scratch, Math.max(SHORTLIST, limit));
        return best(query.codes(), shortlist, limit);
      } finally {
        scratch.clear();
        scratches.offer(scratch);
        lock.readLock().unlock();
      }
    }

    /** Counts, per account, the postings it appears in among the rarest grams' lists that fit in the budget. */
    private void countSharedGrams(List<Slots> rarestFirst, Scratch scratch) {
      int examined = 0;
      for (int i = 0; i < rarestFirst.size(); i++) {
        Slots postings = rarestFirst.get(i);
        int take = postings.size;
        if (examined + take > ENUMERATION_BUDGET) {
          if (i > 0) {
            break;
          }
          take = ENUMERATION_BUDGET; // even the rarest gram is too common: its first accounts stand for it
        }
        for (int j = 0; j < take; j++) {
          scratch.count(postings.items[j]);
        }
        examined += take;
      }
    }

    /**
     * The accounts worth scoring: those with the most shared grams, at least {@code wanted} of them unless that means
     * more than {@link #SCORED_AT_MOST}. Chosen by count alone, so the choice does not depend on internal order.
     */
    private static int[] shortlist(Scratch scratch, int wanted) {
      int[] histogram = new int[Byte.MAX_VALUE + 1];
      for (int i = 0; i < scratch.touchedCount; i++) {
        histogram[scratch.counts[scratch.touched[i]]]++;
      }
      int cut = Byte.MAX_VALUE;
      int selected = histogram[cut];
      while (cut > 1 && selected < wanted) {
        cut--;
        selected += histogram[cut];
      }
      if (selected > SCORED_AT_MOST && cut < Byte.MAX_VALUE && selected - histogram[cut] > 0) {
        selected -= histogram[cut];
        cut++;
      }
      int[] shortlist = new int[selected];
      int n = 0;
      for (int i = 0; i < scratch.touchedCount; i++) {
        int slot = scratch.touched[i];
        if (scratch.counts[slot] >= cut) {
          shortlist[n++] = slot;
        }
      }
      return shortlist;
    }

    /** The shortlisted accounts with the highest exact similarity, best first, then by account id. */
    private List<NameCandidate> best(int[] query, int[] shortlist, int limit) {
      int capacity = Math.min(limit, shortlist.length);
      // The best so far, best first, in primitive arrays: this loop is most of the cost of a lookup.
      double[] topDice = new double[capacity];
      int[] topSlot = new int[capacity];
      int count = 0;
      for (int slot : shortlist) {
        int[] grams = gramsAt[slot];
        double dice = NameGrams.dice(NameGrams.overlap(query, grams), query.length, grams.length);
        if (count == capacity && !better(dice, slot, topDice[count - 1], topSlot[count - 1])) {
          continue;
        }
        int at = count == capacity ? capacity - 1 : count++;
        while (at > 0 && better(dice, slot, topDice[at - 1], topSlot[at - 1])) {
          topDice[at] = topDice[at - 1];
          topSlot[at] = topSlot[at - 1];
          at--;
        }
        topDice[at] = dice;
        topSlot[at] = slot;
      }
      List<NameCandidate> out = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        Entry entry = entries[topSlot[i]];
        out.add(new NameCandidate(entry.account(), entry.name()));
      }
      return out;
    }

    /** A scratch for one lookup, big enough for every slot; readers each take their own. */
    private Scratch borrowScratch() {
      Scratch scratch = scratches.poll();
      if (scratch == null) {
        scratch = new Scratch();
      }
      if (scratch.counts.length < nextSlot) {
        scratch.counts = new byte[entries.length];
      }
      return scratch;
    }

    /** Higher similarity first, then the smaller account id. */
    private boolean better(double dice, int slot, double otherDice, int otherSlot) {
      if (dice != otherDice) {
        return dice > otherDice;
      }
      return entries[slot].account().value().compareTo(entries[otherSlot].account().value()) < 0;
    }

  }

  /**
   * Per-account counts of shared grams for one lookup, and which accounts were touched, so that clearing costs what
   * the lookup touched rather than the size of the registry.
   */
  private static final class Scratch {
    byte[] counts = new byte[0];
    int[] touched = new int[64];
    int touchedCount;

    void count(int slot) {
      byte c = counts[slot];
      if (c == 0) {
        if (touchedCount == touched.length) {
          touched = Arrays.copyOf(touched, touchedCount * 2);
        }
        touched[touchedCount++] = slot;
      }
      if (c != Byte.MAX_VALUE) {
        counts[slot] = (byte) (c + 1);
      }
    }

    void clear() {
      for (int i = 0; i < touchedCount; i++) {
        counts[touched[i]] = 0;
      }
      touchedCount = 0;
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
