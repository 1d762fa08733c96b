package dev.relay.assignment;

import dev.relay.common.Reason;
import java.util.List;

/**
 * One reason a member may not receive a lead now. Filters are pure functions of the member, the decision's context and
 * the ledger's counts; each answers with its reasons for excluding the member, or none. Every filter runs, so a trace
 * shows all that stands between a rep and a lead, not only the first obstacle.
 */
sealed interface EligibilityFilter
    permits ActiveRepFilter, RecentAssigneeFilter, PausedRepFilter, AbsenceFilter, WorkingHoursFilter,
        SeniorityFilter, CapacityFilter {

  /** The reasons this filter excludes the member; empty when it lets them through. */
  List<Reason> exclusions(Member member, RoutingContext context, RoutingLedger ledger);
}
