package dev.relay.assignment;

import dev.relay.common.LeadId;
import dev.relay.common.RepId;
import dev.relay.common.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Thread-safe in-memory {@link RoutingState}: the test double, the quickstart's store and the reference the contract
 * tests define. Each tenant has its own lock, so tenants route in parallel. A {@link #locked} call writes straight into
 * the tenant's state and keeps an undo log, which it plays back if the work throws. Assignments older than the
 * retention (measured back from the newest one) are pruned after each successful call. Nothing survives the JVM.
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
    Book book = books.computeIfAbsent(tenant, t -> new Book());
    book.lock.lock();
    Ledger ledger = new Ledger(tenant, book);
    try {
      T result = work.apply(ledger);
      ledger.close();
      book.prune(retention);
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
    final ReentrantLock lock = new ReentrantLock();
    final Map<String, RepId> cursors = new HashMap<>();
    final Map<String, Map<RepId, WeightedPointer>> pointers = new HashMap<>();
    final Map<RepId, Set<LeadId>> open = new HashMap<>();
    /** Per rep: assignment instant → how many at that instant, for counting windows by range. */
    final Map<RepId, NavigableMap<Instant, Integer>> received = new HashMap<>();
    /** Every retained assignment in the order recorded. */
    final Deque<AssignmentRecord> log = new ArrayDeque<>();
    Instant newest = Instant.MIN;

    void prune(Duration retention) {
      if (newest.equals(Instant.MIN)) {
        return;
      }
      Instant cutoff = newest.minus(retention);
      // The log is in recording order, which is time order unless a clock went back; prune the prefix only.
      while (!log.isEmpty() && log.peekFirst().at().isBefore(cutoff)) {
        log.pollFirst();
      }
      for (NavigableMap<Instant, Integer> times : received.values()) {
        times.headMap(cutoff, false).clear();
      }
    }
  }

  /** The ledger of one {@code locked} call: writes through to the book, remembering how to undo them. */
  private static final class Ledger implements RoutingLedger {
    private final TenantId tenant;
    private final Book book;
    private final Deque<Runnable> undo = new ArrayDeque<>();
    private boolean closed;

    Ledger(TenantId tenant, Book book) {
      this.tenant = tenant;
      this.book = book;
    }

    void close() {
      closed = true;
      undo.clear();
    }

    void rollBack() {
      closed = true;
      while (!undo.isEmpty()) {
        undo.pop().run();
      }
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
      undo.push(() -> {
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
      undo.push(() -> {
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
      Set<LeadId> leads = book.open.get(ours(rep));
      return leads == null ? 0 : leads.size();
    }

    @Override
    public int assignedSince(RepId rep, Instant since) {
      checkOpen();
      Objects.requireNonNull(since, "since");
      NavigableMap<Instant, Integer> times = book.received.get(ours(rep));
      if (times == null) {
        return 0;
      }
      int count = 0;
      for (int n : times.tailMap(since, true).values()) {
        count += n;
      }
      return count;
    }

    @Override
    public void recordAssignment(AssignmentRecord record) {
      checkOpen();
      Objects.requireNonNull(record, "record");
      RepId rep = ours(record.rep());
      LeadId lead = record.lead();
      boolean opened = book.open.computeIfAbsent(rep, r -> new HashSet<>()).add(lead);
      book.received.computeIfAbsent(rep, r -> new TreeMap<>()).merge(record.at(), 1, Integer::sum);
      book.log.addLast(record);
      Instant previousNewest = book.newest;
      if (record.at().isAfter(book.newest)) {
        book.newest = record.at();
      }
      undo.push(() -> {
        if (opened) {
          book.open.get(rep).remove(lead);
        }
        book.received.get(rep).computeIfPresent(record.at(), (at, n) -> n == 1 ? null : n - 1);
        book.log.removeLastOccurrence(record);
        book.newest = previousNewest;
      });
    }

    @Override
    public boolean release(RepId rep, LeadId lead) {
      checkOpen();
      Objects.requireNonNull(lead, "lead");
      if (!lead.tenant().equals(tenant)) {
        throw new IllegalArgumentException("lead " + lead + " does not belong to tenant " + tenant);
      }
      Set<LeadId> leads = book.open.get(ours(rep));
      boolean removed = leads != null && leads.remove(lead);
      if (removed) {
        undo.push(() -> leads.add(lead));
      }
      return removed;
    }
  }

  @Override
  public String toString() {
    return "InMemoryRoutingState[" + books.size() + " tenants, retention " + retention + "]";
  }
}
