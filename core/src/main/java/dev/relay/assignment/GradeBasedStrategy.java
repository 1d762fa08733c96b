package dev.relay.assignment;

import dev.relay.common.Reason;

/**
 * {@link Strategy#GRADE_BASED}: round robin among the members senior enough for the lead's grade. The seniority itself
 * is an eligibility filter ({@code SeniorityFilter}), so the trace shows who was too junior; this strategy adds why the
 * grade mattered.
 */
final class GradeBasedStrategy implements RoutingStrategy {
  static final GradeBasedStrategy INSTANCE = new GradeBasedStrategy();

  private GradeBasedStrategy() {}

  @Override
  public Pick pick(StrategyInput input) {
    Pick pick = RoundRobinStrategy.rotate(input, Candidate::eligible, "round robin by grade");
    if (pick.chosen() == null) {
      return pick;
    }
    RoutingContext context = input.context();
    String grade = context.grade();
    String minimum = grade == null ? null : context.routingRule().minSeniority().get(grade);
    String why = grade == null ? "the lead has no grade, so every member qualifies"
        : minimum == null ? "grade " + grade + " leads need no minimum seniority"
        : "grade " + grade + " leads go to " + minimum + " reps or above";
    return pick.after(new Reason(input.path(), why));
  }
}
