package dev.relay.assignment;

import dev.relay.common.Reason;
import java.util.List;

/** A re-routed lead skips its recent assignees, whom the request names. */
final class RecentAssigneeFilter implements EligibilityFilter {
  static final String RULE = "eligibility.recent_assignee";

  @Override
  public List<Reason> exclusions(Member member, RoutingContext context, RoutingLedger ledger) {
    if (context.avoid().contains(member.rep())) {
      return List.of(new Reason(RULE, member.display() + " had this lead recently; a re-route skips them"));
    }
    return List.of();
  }
}
