package dev.relay.assignment;

import dev.relay.common.Reason;
import java.util.List;

/** A rep who paused receiving leads gets none until they resume. */
final class PausedRepFilter implements EligibilityFilter {
  static final String RULE = "eligibility.paused";

  @Override
  public List<Reason> exclusions(Member member, RoutingContext context, RoutingLedger ledger) {
    if (member.profile().paused()) {
      return List.of(new Reason(RULE, member.display() + " has paused receiving leads"));
    }
    return List.of();
  }
}
