package dev.relay.pool;

import com.google.common.util.concurrent.Striped;
import dev.relay.common.TenantId;
import dev.relay.pool.matching.MatchKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.locks.Lock;
import java.util.function.Supplier;

/**
 * In-process locks for the decisions optimistic locking on one account cannot protect, because they read several
 * accounts: a rep's claim limits (the rep's other accounts) and one customer's exclusive ownership (the other records
 * sharing its keys). A command holds the locks of its rep and of its accounts' match keys across its check and its
 * write, commit included, so two claims by one rep, or two claims of records of one customer, run one after the other.
 *
 * <p>This protects one process only. Several processes on one database need the database to serialise these decisions:
 * a database adapter takes a row lock on the rep (and on the key rows) in the same transaction, e.g. {@code SELECT … FOR
 * UPDATE}, where this guard only narrows the window.
 *
 * <p>Locks are striped (a fixed number, shared by hashing), taken together in stripe order, so commands never deadlock
 * each other; a collision only makes unrelated commands wait for one another briefly.
 */
final class OwnershipGuard {
  private static final int STRIPES = 256;

  private final Striped<Lock> stripes = Striped.lock(STRIPES);

  /** A match key of one tenant, as a lock key (keys of different tenants never meet). */
  record KeyOf(TenantId tenant, MatchKey key) {}

  /** The lock keys of an account's match keys. */
  static List<Object> keysOf(TenantId tenant, Collection<MatchKey> keys) {
    List<Object> out = new ArrayList<>(keys.size());
    for (MatchKey k : keys) {
      out.add(new KeyOf(tenant, k));
    }
    return out;
  }

  /** Runs {@code work} holding the locks of every key (reps, {@link KeyOf}s). */
  <T> T holding(Collection<?> keys, Supplier<T> work) {
    // bulkGet returns the stripes in a fixed global order: taking them in that order cannot deadlock.
    List<Lock> locks = new ArrayList<>();
    for (Lock l : stripes.bulkGet(keys)) {
      locks.add(l);
    }
    int held = 0;
    try {
      for (Lock l : locks) {
        l.lock();
        held++;
      }
      return work.get();
    } finally {
      for (int i = held - 1; i >= 0; i--) {
        locks.get(i).unlock();
      }
    }
  }
}
