package dev.relay.pool;

import dev.relay.common.AccountId;
import dev.relay.common.RepId;

/**
 * Port through which a transfer takes the account's open follow-up tasks along (when the playbook's {@code
 * transfer.tasks_follow} says so). The facade wires it to {@code ActivityService::reassignOpenTasks}; it runs in the
 * transfer's unit of work, after the account is written, and whatever it throws fails the transfer.
 */
@FunctionalInterface
public interface OpenTaskHandover {
  /**
   * Reassigns every open task of the account to {@code to}.
   *
   * @return how many tasks were reassigned
   */
  int handOver(AccountId account, RepId to, RepId actor);

  /** A handover for hosts without activities: moves nothing. */
  static OpenTaskHandover none() {
    return (account, to, actor) -> 0;
  }
}
