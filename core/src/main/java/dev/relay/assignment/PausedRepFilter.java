package dev.relay.assignment;

import dev.relay.common.Reason;
import java.util.List;

/** A rep who paused receiving leads gets none until they resume. */
final class PausedRepFilter implements EligibilityFilter {
  static final String RULE = "eligibility.paused";

  @Override
  public List<Reason> exclusions(Member member, RoutingContext context, RoutingLedger ledger) {
    Reason paused = member.pausedReason();
    return paused == null ? List.of() : List.of(paused);
  }
}
