package dev.relay.activity;

import dev.relay.common.AccountId;
import dev.relay.common.RepId;
import java.time.Instant;

/**
 * Told of every activity logged against an account, in the same unit of work, so that the customer pool can keep the
 * account's last follow-up (which recycle rules measure) in step.
 *
 * <p>{@link ActivityService#log} calls it before storing the activity, inside the same {@link
 * dev.relay.common.TransactionRunner} unit: an exception from the listener fails the log and nothing is recorded; a
 * {@link dev.relay.common.ConcurrencyConflictException} makes the service retry the whole log, so the listener may be
 * called more than once for one activity and must be idempotent. Activities can be logged late, so {@code at} may be
 * earlier than a follow-up already seen: keep the latest. Completing a task never calls it — a task is a plan, only an
 * activity is a follow-up.
 */
public interface FollowUpListener {
  /**
   * The account was followed up.
   *
   * @param account the account named by the activity's subject
   * @param by the activity's author
   * @param at when the activity occurred (not when it was logged)
   */
  void followedUp(AccountId account, RepId by, Instant at);

  /** A listener that does nothing. */
  static FollowUpListener none() {
    return (account, by, at) -> { };
  }
}
