package dev.relay.assignment;

import dev.relay.common.Reason;
import java.util.List;

/**
 * Leads of a grade the rule lists under {@code min_seniority} go only to reps at that seniority or above, by the
 * policy's ordered levels (A leads to senior reps). A rep whose seniority is not one of the levels ranks below all.
 */
final class SeniorityFilter implements EligibilityFilter {

  @Override
  public List<Reason> exclusions(Member member, RoutingContext context, RoutingLedger ledger) {
    String grade = context.grade();
    if (grade == null) {
      return List.of();
    }
    String minimum = context.routingRule().minSeniority().get(grade);
    List<String> levels = context.policy().seniorityLevels();
    int required = minimum == null ? -1 : levels.indexOf(minimum);
    if (required < 0) {
      return List.of();
    }
    String seniority = member.profile().seniority();
    if (levels.indexOf(seniority) >= required) {
      return List.of();
    }
    return List.of(new Reason(context.rule().path() + ".min_seniority." + grade, "grade " + grade
        + " leads need " + minimum + " or above; " + member.display() + " is " + seniority));
  }
}
