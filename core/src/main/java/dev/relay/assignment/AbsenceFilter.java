package dev.relay.assignment;

import dev.relay.common.Reason;
import java.util.List;

/** A rep out of office (休假) gets no leads during the absence. */
final class AbsenceFilter implements EligibilityFilter {
  static final String RULE = "eligibility.absence";

  @Override
  public List<Reason> exclusions(Member member, RoutingContext context, RoutingLedger ledger) {
    RepProfile profile = member.profile();
    if (!profile.isAbsentAt(context.now())) {
      return List.of();
    }
    // Name the absence that covers now, so people see until when and why.
    RepProfile.Absence absence = profile.absences().stream()
        .filter(a -> !context.now().isBefore(a.from()) && context.now().isBefore(a.until())).findFirst().orElseThrow();
    return List.of(new Reason(RULE, member.display() + " is out of office until " + absence.until() + " ("
        + absence.reason() + ")"));
  }
}
