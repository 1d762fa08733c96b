package dev.relay.assignment;

import dev.relay.common.Reason;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs every eligibility filter over a member, in the order a person would check: still here, not just had the lead,
 * not paused, not away, at work, senior enough, below every cap.
 */
final class EligibilityScreen {
  private static final List<EligibilityFilter> FILTERS = List.of(new ActiveRepFilter(), new RecentAssigneeFilter(),
      new PausedRepFilter(), new AbsenceFilter(), new WorkingHoursFilter(), new SeniorityFilter(),
      new CapacityFilter());

  Candidate screen(Member member, RoutingContext context, RoutingLedger ledger) {
    List<Reason> exclusions = new ArrayList<>();
    for (EligibilityFilter filter : FILTERS) {
      exclusions.addAll(filter.exclusions(member, context, ledger));
    }
    return new Candidate(member, new CandidateTrace(member.rep(), exclusions.isEmpty(), exclusions, null,
        ledger.openLeads(member.rep())));
  }
}
