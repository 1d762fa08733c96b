package dev.relay.activity;

import dev.relay.common.AccountId;
import dev.relay.common.RepId;
import java.time.Instant;

/**
 * Told of every activity logged against an account, in the same unit of work, so that the customer pool can keep the
 * account's last follow-up (which recycle rules measure) in step.
 */
public interface FollowUpListener {
  void followedUp(AccountId account, RepId by, Instant at);

  /** A listener that does nothing. */
  static FollowUpListener none() {
    return (account, by, at) -> { };
  }
}
