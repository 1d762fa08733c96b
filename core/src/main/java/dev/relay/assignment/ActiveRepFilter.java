package dev.relay.assignment;

import dev.relay.common.Reason;
import java.util.List;

/** Only active reps the org directory knows receive leads. */
final class ActiveRepFilter implements EligibilityFilter {
  static final String RULE = "eligibility.active";

  @Override
  public List<Reason> exclusions(Member member, RoutingContext context, RoutingLedger ledger) {
    if (member.person() == null) {
      return List.of(new Reason(RULE, member.display() + " is not in the org directory"));
    }
    if (!member.active()) {
      return List.of(new Reason(RULE, member.display() + " is inactive"));
    }
    return List.of();
  }
}
