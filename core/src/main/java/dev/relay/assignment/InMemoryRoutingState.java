package dev.relay.assignment;

import dev.relay.common.LeadId;
import dev.relay.common.RepId;
import dev.relay.common.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Thread-safe in-memory {@link RoutingState}: the test double, the quickstart's store and the reference the contract
 * tests define. Each tenant has its own lock, so tenants route in parallel. A {@link #locked} call writes straight into
 * the tenant's state and keeps an undo log of what it wrote, which it plays back if the work throws. Assignments older
 * than the retention (measured back from the newest one) are forgotten after each successful call. Nothing survives
 * the JVM.
 *
 * <p>Every call costs the same however long the history: open leads are counted per rep as they open and close, a
 * window count is a binary search in the rep's sorted assignment times, and forgetting is paid once per assignment, by
 * the call that moves the retention past it.
 */
public final class InMemoryRoutingState implements RoutingState {
  private final Duration retention;
  private final ConcurrentMap<TenantId, Book> books = new ConcurrentHashMap<>();

  /** A state keeping assignments for {@link RoutingState#MIN_RETENTION}. */
  public InMemoryRoutingState() {
    this(MIN_RETENTION);
  }

  /**
   * A state keeping assignments longer, e.g. 35 days for monthly fairness reports.
   *
   * @throws IllegalArgumentException if {@code retention} is shorter than {@link RoutingState#MIN_RETENTION}
   */
  public InMemoryRoutingState(Duration retention) {
    Objects.requireNonNull(retention, "retention");
    if (retention.compareTo(MIN_RETENTION) < 0) {
      throw new IllegalArgumentException("assignments must be kept at least " + MIN_RETENTION + ": " + retention);
    }
    this.retention = retention;
  }

  @Override
  public <T> T locked(TenantId tenant, Function<RoutingLedger, T> work) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(work, "work");
    Book book = books.get(tenant);
    if (book == null) {
      book = books.computeIfAbsent(tenant, t -> new Book());
    }
    book.lock.lock();
    Ledger ledger = new Ledger(tenant, book);
    try {
      T result = work.apply(ledger);
      ledger.close();
      book.forget(retention);
      return result;
    } catch (RuntimeException | Error e) {
      ledger.rollBack();
      throw e;
    } finally {
      book.lock.unlock();
    }
  }

  @Override
  public List<AssignmentRecord> assignments(TenantId tenant, Instant from, Instant to) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Book book = books.get(tenant);
    if (book == null) {
      return List.of();
    }
    book.lock.lock();
    try {
      return book.log.stream().filter(r -> !r.at().isBefore(from) && r.at().isBefore(to))
          .sorted(java.util.Comparator.comparing(AssignmentRecord::at)).toList();
    } finally {
      book.lock.unlock();
    }
  }

  /** One tenant's state; guarded by its lock. */
  private static final class Book {
    /** How far the retention may move before every rep's times are swept (in between, reads skip what is older). */
    private static final Duration SWEEP_EVERY = Duration.ofDays(1);
    /** Into how many steps forgetting divides the retention. */
    private static final int FORGET_STEPS = 1000;

    final ReentrantLock lock = new ReentrantLock();
    final Map<String, RepId> cursors = new HashMap<>();
    final Map<String, Map<RepId, WeightedPointer>> pointers = new HashMap<>();
    // Per-rep maps are keyed by the rep's and the lead's local ids: the book is one tenant's, and a string hashes once.
    /** Per rep: the leads open. */
    final Map<String, Set<String>> open = new HashMap<>();
    /** Per rep: when each retained assignment was received, for counting windows. */
    final Map<String, ReceivedTimes> received = new HashMap<>();
    /** Every retained assignment in the order recorded. */
    final Deque<AssignmentRecord> log = new ArrayDeque<>();
    Instant newest = Instant.MIN;
    /**
     * Assignments received before this are forgotten: the newest minus the retention, as of the last successful call.
     * Received times still stored below it are skipped by every count and dropped when their rep is next written to
     * or at the next sweep.
     */
    Instant forgottenBefore = Instant.MIN;
    /** When the newest assignment is this late, forgetting moves again. */
    private Instant forgetAgainAt = Instant.MIN;
    private Instant sweptAt = Instant.MIN;

    /** Forgets the assignments older than the retention, measured back from the newest one. */
    void forget(Duration retention) {
      // Forgetting moves in steps of a thousandth of the retention (under 12 minutes for 8 days), not at every
      // assignment: what is older than the retention is still forgotten, a step later at most, and a busy tenant
      // pays for it once per step instead of once per lead.
      if (newest.equals(Instant.MIN) || newest.isBefore(forgetAgainAt)) {
        return;
      }
      forgetAgainAt = newest.plus(retention.dividedBy(FORGET_STEPS));
      Instant cutoff = newest.minus(retention);
      forgottenBefore = cutoff;
      // The log is in recording order, which is time order unless a clock went back; forget the prefix only.
      while (!log.isEmpty() && log.peekFirst().at().isBefore(cutoff)) {
        log.pollFirst();
      }
      if (!sweptAt.plus(SWEEP_EVERY).isAfter(cutoff)) {
        sweptAt = cutoff;
        received.values().forEach(times -> times.dropBefore(cutoff));
      }
    }
  }

  /**
   * One rep's assignment times, sorted, with room to append: routing records in time order, so an append is the
   * common case and counting a window is a binary search. A clock that went back inserts in the middle.
   */
  private static final class ReceivedTimes {
    private Instant[] times = new Instant[8];
    private int first;
    private int end;

    void add(Instant at) {
      if (end == times.length) {
        compact();
      }
      int index = end == first || !at.isBefore(times[end - 1]) ? end : upperBound(at);
      System.arraycopy(times, index, times, index + 1, end - index);
      times[index] = at;
      end++;
    }

    /** Removes one occurrence of {@code at} (undoing an {@link #add}); the newest first. */
    void remove(Instant at) {
      int index = upperBound(at) - 1;
      if (index >= first && times[index].equals(at)) {
        System.arraycopy(times, index + 1, times, index, end - index - 1);
        times[--end] = null;
      }
    }

    /** How many times are at or after {@code since}. */
    int countSince(Instant since) {
      int low = first;
      int high = end;
      while (low < high) {
        int mid = (low + high) >>> 1;
        if (times[mid].isBefore(since)) {
          low = mid + 1;
        } else {
          high = mid;
        }
      }
      return end - low;
    }

    void dropBefore(Instant cutoff) {
      while (first < end && times[first].isBefore(cutoff)) {
        times[first++] = null;
      }
    }

    /** The index after the last time at or before {@code at}. */
    private int upperBound(Instant at) {
      int low = first;
      int high = end;
      while (low < high) {
        int mid = (low + high) >>> 1;
        if (times[mid].isAfter(at)) {
          high = mid;
        } else {
          low = mid + 1;
        }
      }
      return low;
    }

    /** Moves the times to the front, growing the array if more than half of it is in use. */
    private void compact() {
      int size = end - first;
      Instant[] target = size * 2 > times.length ? new Instant[times.length * 2] : times;
      System.arraycopy(times, first, target, 0, size);
      if (target == times) {
        Arrays.fill(times, size, end, null);
      }
      times = target;
      first = 0;
      end = size;
    }
  }

  /** The ledger of one {@code locked} call: writes through to the book, remembering how to undo them. */
  private static final class Ledger implements RoutingLedger {
    private final TenantId tenant;
    private final Book book;
    /** How to take back each write, newest first; {@code null} until the first write. */
    private @Nullable Deque<Runnable> undo;
    /** Assignments recorded by this call before the retention's cutoff (a clock that went back); usually none. */
    private @Nullable List<AssignmentRecord> recordedBeforeCutoff;
    private boolean closed;

    Ledger(TenantId tenant, Book book) {
      this.tenant = tenant;
      this.book = book;
    }

    void close() {
      closed = true;
      undo = null;
    }

    void rollBack() {
      closed = true;
      Deque<Runnable> writes = undo;
      while (writes != null && !writes.isEmpty()) {
        writes.pop().run();
      }
    }

    private Deque<Runnable> undo() {
      Deque<Runnable> writes = undo;
      if (writes == null) {
        writes = new ArrayDeque<>(4);
        undo = writes;
      }
      return writes;
    }

    private void checkOpen() {
      if (closed) {
        throw new IllegalStateException("the routing ledger of " + tenant + " is used outside its locked call");
      }
    }

    private RepId ours(RepId rep) {
      Objects.requireNonNull(rep, "rep");
      if (!rep.tenant().equals(tenant)) {
        throw new IllegalArgumentException("rep " + rep + " does not belong to tenant " + tenant);
      }
      return rep;
    }

    /** The rep's key in the book's per-rep maps. */
    private String local(RepId rep) {
      return ours(rep).value();
    }

    /** The lead's key in the book's open leads. */
    private String local(LeadId lead) {
      Objects.requireNonNull(lead, "lead");
      if (!lead.tenant().equals(tenant)) {
        throw new IllegalArgumentException("lead " + lead + " does not belong to tenant " + tenant);
      }
      return lead.value();
    }

    @Override
    public Optional<RepId> cursor(String key) {
      checkOpen();
      return Optional.ofNullable(book.cursors.get(Objects.requireNonNull(key, "key")));
    }

    @Override
    public void moveCursor(String key, RepId chosen) {
      checkOpen();
      Objects.requireNonNull(key, "key");
      RepId previous = book.cursors.put(key, ours(chosen));
      undo().push(() -> {
        if (previous == null) {
          book.cursors.remove(key);
        } else {
          book.cursors.put(key, previous);
        }
      });
    }

    @Override
    public Map<RepId, WeightedPointer> pointers(String key) {
      checkOpen();
      return book.pointers.getOrDefault(Objects.requireNonNull(key, "key"), Map.of());
    }

    @Override
    public void putPointers(String key, Map<RepId, WeightedPointer> pointers) {
      checkOpen();
      Objects.requireNonNull(key, "key");
      Map<RepId, WeightedPointer> copy = new LinkedHashMap<>();
      pointers.forEach((rep, pointer) -> copy.put(ours(rep), Objects.requireNonNull(pointer, "pointer")));
      Map<RepId, WeightedPointer> previous = book.pointers.put(key, java.util.Collections.unmodifiableMap(copy));
      undo().push(() -> {
        if (previous == null) {
          book.pointers.remove(key);
        } else {
          book.pointers.put(key, previous);
        }
      });
    }

    @Override
    public int openLeads(RepId rep) {
      checkOpen();
      Set<String> leads = book.open.get(local(rep));
      return leads == null ? 0 : leads.size();
    }

    @Override
    public int assignedSince(RepId rep, Instant since) {
      checkOpen();
      Objects.requireNonNull(since, "since");
      ReceivedTimes times = book.received.get(local(rep));
      if (times == null) {
        return 0;
      }
      // What was forgotten does not count, except assignments this call recorded before the cutoff.
      boolean reachesBack = since.isBefore(book.forgottenBefore);
      int count = times.countSince(reachesBack ? book.forgottenBefore : since);
      if (reachesBack && recordedBeforeCutoff != null) {
        for (AssignmentRecord r : recordedBeforeCutoff) {
          if (r.rep().equals(rep) && !r.at().isBefore(since)) {
            count++;
          }
        }
      }
      return count;
    }

    @Override
    public void recordAssignment(AssignmentRecord record) {
      checkOpen();
      Objects.requireNonNull(record, "record");
      String rep = local(record.rep());
      String lead = local(record.lead());
      boolean opened = book.open.computeIfAbsent(rep, r -> new HashSet<>()).add(lead);
      ReceivedTimes times = book.received.computeIfAbsent(rep, r -> new ReceivedTimes());
      times.dropBefore(book.forgottenBefore);
      times.add(record.at());
      if (record.at().isBefore(book.forgottenBefore)) {
        // A clock that went back past the retention: counted by this call only, as the forgetting after it drops it.
        if (recordedBeforeCutoff == null) {
          recordedBeforeCutoff = new ArrayList<>();
        }
        recordedBeforeCutoff.add(record);
      }
      book.log.addLast(record);
      Instant previousNewest = book.newest;
      if (record.at().isAfter(book.newest)) {
        book.newest = record.at();
      }
      undo().push(() -> {
        if (opened) {
          book.open.get(rep).remove(lead);
        }
        times.remove(record.at());
        book.log.removeLastOccurrence(record);
        book.newest = previousNewest;
      });
    }

    @Override
    public boolean release(RepId rep, LeadId lead) {
      checkOpen();
      String id = local(lead);
      Set<String> leads = book.open.get(local(rep));
      boolean removed = leads != null && leads.remove(id);
      if (removed) {
        undo().push(() -> leads.add(id));
      }
      return removed;
    }
  }

  @Override
  public String toString() {
    return "InMemoryRoutingState[" + books.size() + " tenants, retention " + retention + "]";
  }
}
