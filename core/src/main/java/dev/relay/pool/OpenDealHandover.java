package dev.relay.pool;

import dev.relay.common.AccountId;
import dev.relay.common.RepId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Port through which a transfer takes the account's open deals along (when the playbook's {@code
 * transfer.deals_follow} says so). The facade wires it to {@code pipelineService::reassignOpenDeals}; it runs in the
 * transfer's unit of work, after the account is written, and whatever it throws fails the transfer.
 */
@FunctionalInterface
public interface OpenDealHandover {
  /**
   * Hands every open deal of the account to {@code to}.
   *
   * @param note the transfer's handover note
   * @return the deals handed over (the pool reads only how many)
   */
  List<?> handOver(AccountId account, RepId to, RepId actor, @Nullable String note);

  /** A handover for hosts without the pipeline: moves nothing. */
  static OpenDealHandover none() {
    return (account, to, actor, note) -> List.of();
  }
}
