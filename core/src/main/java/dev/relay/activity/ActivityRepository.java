package dev.relay.activity;

import dev.relay.common.AccountId;
import dev.relay.common.ActivityId;
import dev.relay.common.ConcurrencyConflictException;
import dev.relay.common.DealId;
import dev.relay.common.RepId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port storing {@link Activity activities}, append-only, every query scoped by tenant through the id it takes.
 * Activities never change, so there is no save and no version. {@link InMemoryActivityRepository} is the reference
 * implementation; {@code ActivityRepositoryContract} in the core test-jar certifies others.
 *
 * <p>"Newest first" orders by {@link Activity#occurredAt()} descending, then {@link Activity#recordedAt()} descending;
 * activities equal in both come in an order of the store's choosing.
 */
public interface ActivityRepository {

  /**
   * Stores a new activity.
   *
   * @throws ConcurrencyConflictException if an activity with this id already exists (nothing is written)
   */
  void insert(Activity activity);

  /** The activity with this id, or empty if the tenant has none. */
  Optional<Activity> find(ActivityId id);

  /**
   * The account's activities, newest first, at most {@code limit} of them.
   *
   * @throws IllegalArgumentException if {@code limit < 1}
   */
  List<Activity> findByAccount(AccountId account, int limit);

  /**
   * The deal's activities, newest first, at most {@code limit} of them.
   *
   * @throws IllegalArgumentException if {@code limit < 1}
   */
  List<Activity> findByDeal(DealId deal, int limit);

  /**
   * The author's activities that occurred in {@code [from, to)}, oldest first (for reports and scorecards, which count
   * by when the contact happened, not when it was typed in).
   *
   * @throws IllegalArgumentException if {@code to} is before {@code from}
   */
  List<Activity> findByAuthor(RepId author, Instant from, Instant to);

  /** When the account's latest activity occurred, or empty if it has none. */
  Optional<Instant> latestActivityAt(AccountId account);
}
