package dev.relay.assignment;

import dev.relay.common.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * Port storing what routing remembers between decisions: round-robin cursors, weighted pointers, each rep's open leads
 * and the recent assignments that capacity windows count. {@link InMemoryRoutingState} is the reference
 * implementation; {@code RoutingStateContract} in the core test-jar certifies others.
 *
 * <p><b>Contract.</b> Every read and write goes through {@link #locked}, which runs one routing decision as a unit:
 * <ul>
 *   <li><b>Exclusive per tenant.</b> While {@code work} runs, no other {@code locked} call for the same tenant runs —
 *       in this process or, for a shared database, in any other. Decisions of different tenants may run in parallel.
 *       The lock is per tenant, not per rule, because caps count a rep's leads across every rule: two rules whose
 *       targets share a rep must not both see the rep one lead below a cap.
 *   <li><b>All or nothing.</b> If {@code work} returns, all its writes become visible together to later calls; if it
 *       throws, none do and the exception propagates unchanged.
 *   <li><b>Not re-entrant.</b> {@code work} must not call {@code locked} again (a database adapter would deadlock or
 *       nest transactions); the result is undefined.
 *   <li><b>Retention.</b> Assignments are kept at least {@link #MIN_RETENTION} after the newest one of the tenant, so
 *       hourly, daily and weekly windows count exactly.
 * </ul>
 *
 * <p>A JDBC adapter implements {@code locked} as one transaction that first locks the tenant's row of a routing table
 * ({@code SELECT … FOR UPDATE}, inserting it on first use), then reads and writes cursor, pointer, open-lead and
 * assignment rows, and commits when {@code work} returns or rolls back when it throws.
 */
public interface RoutingState {
  /** The shortest time assignments are kept: the longest calendar window (a week) plus a day of slack. */
  Duration MIN_RETENTION = Duration.ofDays(8);

  /**
   * Runs {@code work} with exclusive access to the tenant's routing state and applies its writes atomically.
   *
   * @return what {@code work} returned
   * @throws dev.relay.common.StorageException if the store fails (nothing is written)
   */
  <T> T locked(TenantId tenant, Function<RoutingLedger, T> work);

  /** The tenant's logged assignments with {@code from <= at < to}, oldest first (ties in the order recorded). */
  List<AssignmentRecord> assignments(TenantId tenant, Instant from, Instant to);
}
