package dev.relay.assignment;

import dev.relay.common.Reason;
import java.util.List;

/**
 * {@link Strategy#LEAST_LOADED}: the eligible member with the fewest open leads. Ties go round robin — the first tied
 * member after the rule's cursor, which then moves — rather than to the first by id, which would hand every tie (and so
 * a quiet team's whole morning) to the same rep.
 */
final class LeastLoadedStrategy implements RoutingStrategy {
  static final LeastLoadedStrategy INSTANCE = new LeastLoadedStrategy();

  private LeastLoadedStrategy() {}

  @Override
  public Pick pick(StrategyInput input) {
    List<Candidate> eligible = input.eligible();
    if (eligible.isEmpty()) {
      return Pick.none();
    }
    int fewest = eligible.stream().mapToInt(Candidate::openLeads).min().orElseThrow();
    long tied = eligible.stream().filter(c -> c.openLeads() == fewest).count();
    Pick pick = RoundRobinStrategy.rotate(input, c -> c.eligible() && c.openLeads() == fewest,
        "rotation among the " + tied + " tied");
    Candidate chosen = pick.chosen();
    if (chosen == null) {
      return pick;
    }
    Reason why = new Reason(input.path(), "least loaded: " + chosen.display() + " has the fewest open leads ("
        + fewest + ")" + (tied > 1 ? ", tied with " + (tied - 1) + " other" + (tied > 2 ? "s" : "") : ""));
    return tied > 1 ? pick.after(why) : new Pick(chosen, List.of(why), pick.state(), pick.scores());
  }
}
