package dev.relay.activity;

import dev.relay.common.AccountId;
import dev.relay.common.ConcurrencyConflictException;
import dev.relay.common.RepId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for the customer pool: records every follow-up it is told of and keeps each account's last one, as the
 * pool would. Can be told to lose its next races on the account, to show how the service retries.
 */
final class RecordingFollowUpListener implements FollowUpListener {
  /** One call of the listener. */
  record FollowUp(AccountId account, RepId by, Instant at) {}

  private final List<FollowUp> calls = new CopyOnWriteArrayList<>();
  private final AtomicInteger racesToLose = new AtomicInteger();

  @Override
  public void followedUp(AccountId account, RepId by, Instant at) {
    calls.add(new FollowUp(account, by, at));
    if (racesToLose.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      throw new ConcurrencyConflictException(account, 1, 2);
    }
  }

  /** The next {@code n} calls fail as if someone else changed the account meanwhile. */
  void loseNextRaces(int n) {
    racesToLose.set(n);
  }

  List<FollowUp> calls() {
    return new ArrayList<>(calls);
  }

  /** The account's last follow-up as the pool would keep it: the latest time it was told of. */
  Optional<Instant> lastFollowUp(AccountId account) {
    return calls.stream().filter(c -> c.account().equals(account)).map(FollowUp::at)
        .max(Comparator.naturalOrder());
  }
}
