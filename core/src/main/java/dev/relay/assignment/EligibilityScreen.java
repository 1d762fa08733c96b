package dev.relay.assignment;

import dev.relay.common.Reason;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs every eligibility filter over a member, in the order a person would check: still here, not just had the lead,
 * not paused, not away, at work, senior enough, below every cap.
 */
final class EligibilityScreen {
  // One field per filter, called in turn rather than through a list: every member of every decision passes through
  // here, and a call site that sees seven filter classes cannot be inlined (it costs more than most filters do).
  private static final ActiveRepFilter ACTIVE = new ActiveRepFilter();
  private static final RecentAssigneeFilter RECENT_ASSIGNEE = new RecentAssigneeFilter();
  private static final PausedRepFilter PAUSED = new PausedRepFilter();
  private static final AbsenceFilter ABSENCE = new AbsenceFilter();
  private static final WorkingHoursFilter WORKING_HOURS = new WorkingHoursFilter();
  private static final SeniorityFilter SENIORITY = new SeniorityFilter();
  private static final CapacityFilter CAPACITY = new CapacityFilter();

  Candidate screen(Member member, RoutingContext context, RoutingLedger ledger) {
    boolean readsLoad = context.readsLoad();
    if (member.alwaysAvailable() && context.screensOnlyAvailability()) {
      // No filter can exclude this member for this lead.
      return readsLoad ? new Candidate(member, List.of(), ledger.openLeads(member.rep())) : member.eligibleUnloaded();
    }
    int openLeads = readsLoad ? ledger.openLeads(member.rep()) : Candidate.UNREAD;
    List<Reason> exclusions = List.of();
    exclusions = and(exclusions, ACTIVE.exclusions(member, context, ledger));
    exclusions = and(exclusions, RECENT_ASSIGNEE.exclusions(member, context, ledger));
    exclusions = and(exclusions, PAUSED.exclusions(member, context, ledger));
    exclusions = and(exclusions, ABSENCE.exclusions(member, context, ledger));
    exclusions = and(exclusions, WORKING_HOURS.exclusions(member, context, ledger));
    exclusions = and(exclusions, SENIORITY.exclusions(member, context, ledger));
    exclusions = and(exclusions, CAPACITY.exclusions(member, context, ledger));
    return new Candidate(member, exclusions.isEmpty() ? List.of() : List.copyOf(exclusions), openLeads);
  }

  /** The reasons so far and then {@code found}; most members pass every filter, so only an excluded one gets a list. */
  private static List<Reason> and(List<Reason> so, List<Reason> found) {
    if (found.isEmpty()) {
      return so;
    }
    if (so.isEmpty()) {
      return found;
    }
    List<Reason> all = new ArrayList<>(so.size() + found.size());
    all.addAll(so);
    all.addAll(found);
    return all;
  }
}
