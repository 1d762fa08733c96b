package dev.relay.activity;

import dev.relay.common.AccountId;
import dev.relay.common.ActivityId;
import dev.relay.common.ConcurrencyConflictException;
import dev.relay.common.DealId;
import dev.relay.common.RepId;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Predicate;

/**
 * Thread-safe in-memory {@link ActivityRepository}: the test double, the quickstart's store and the reference the
 * contract tests define. Queries scan every stored activity, which suits tests and small embedded use.
 */
public final class InMemoryActivityRepository implements ActivityRepository {
  private static final Comparator<Activity> NEWEST_FIRST = Comparator.comparing(Activity::occurredAt)
      .thenComparing(Activity::recordedAt).thenComparing(a -> a.id().value()).reversed();
  private static final Comparator<Activity> OLDEST_FIRST = Comparator.comparing(Activity::occurredAt)
      .thenComparing(Activity::recordedAt).thenComparing(a -> a.id().value());

  private final ConcurrentMap<ActivityId, Activity> activities = new ConcurrentHashMap<>();

  @Override
  public void insert(Activity activity) {
    Objects.requireNonNull(activity, "activity");
    if (activities.putIfAbsent(activity.id(), activity) != null) {
      throw new ConcurrencyConflictException(activity.id(), 0, 1);
    }
  }

  @Override
  public Optional<Activity> find(ActivityId id) {
    return Optional.ofNullable(activities.get(Objects.requireNonNull(id, "id")));
  }

  @Override
  public List<Activity> findByAccount(AccountId account, int limit) {
    Objects.requireNonNull(account, "account");
    return newest(a -> a.subject().concerns(account), limit);
  }

  @Override
  public List<Activity> findByDeal(DealId deal, int limit) {
    Objects.requireNonNull(deal, "deal");
    return newest(a -> a.subject().concerns(deal), limit);
  }

  @Override
  public List<Activity> findByAuthor(RepId author, Instant from, Instant to) {
    Objects.requireNonNull(author, "author");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("time range ends at " + to + " before it starts at " + from);
    }
    return activities.values().stream()
        .filter(a -> a.author().equals(author) && !a.occurredAt().isBefore(from) && a.occurredAt().isBefore(to))
        .sorted(OLDEST_FIRST)
        .toList();
  }

  @Override
  public Optional<Instant> latestActivityAt(AccountId account) {
    Objects.requireNonNull(account, "account");
    return activities.values().stream()
        .filter(a -> a.subject().concerns(account))
        .map(Activity::occurredAt)
        .max(Comparator.naturalOrder());
  }

  private List<Activity> newest(Predicate<Activity> about, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, got " + limit);
    }
    return activities.values().stream().filter(about).sorted(NEWEST_FIRST).limit(limit).toList();
  }
}
