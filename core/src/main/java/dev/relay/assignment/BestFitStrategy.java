package dev.relay.assignment;

import dev.relay.common.Reason;
import dev.relay.common.RepId;
import dev.relay.fields.FieldValues;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@link Strategy#BEST_FIT}: the eligible member whose profile best covers the lead. A member scores the weight of each
 * of the rule's {@link BestFitCriterion} terms whose lead field value is in the member's attribute set; for an enum-list
 * field (say, the languages a contact speaks) the term counts once if any of the values is. Values compare exactly.
 * The highest score wins; ties go to the fewest open leads, then to member order. Every member's score is traced,
 * eligible or not, so people can see who would have fitted.
 */
final class BestFitStrategy implements RoutingStrategy {
  static final BestFitStrategy INSTANCE = new BestFitStrategy();

  private BestFitStrategy() {}

  @Override
  public Pick pick(StrategyInput input) {
    List<BestFitCriterion> terms = input.context().routingRule().bestFit();
    FieldValues lead = input.context().fields();
    Map<RepId, Integer> scores = new HashMap<>();
    Map<RepId, List<String>> matches = new HashMap<>();
    for (Candidate c : input.members()) {
      List<String> matched = new ArrayList<>();
      scores.put(c.rep(), score(c.member().profile(), lead, terms, matched));
      matches.put(c.rep(), matched);
    }
    Candidate best = null;
    for (Candidate c : input.eligible()) {
      if (best == null || better(c, best, scores)) {
        best = c;
      }
    }
    if (best == null) {
      return new Pick(null, List.of(), StrategyState.none(), scores);
    }
    List<String> matched = matches.get(best.rep());
    String message = "best fit: " + best.display() + " scores " + scores.get(best.rep())
        + (matched.isEmpty() ? " (no term matches)" : " (" + String.join(", ", matched) + ")");
    Candidate chosen = best;
    long tied = input.eligible().stream().filter(c -> scores.get(c.rep()).equals(scores.get(chosen.rep()))).count();
    if (tied > 1) {
      message += "; of " + tied + " tied members, the fewest open leads (" + chosen.openLeads()
          + ") and then member order decide";
    }
    return new Pick(chosen, List.of(new Reason(input.path(), message)), StrategyState.none(), scores);
  }

  private static boolean better(Candidate c, Candidate best, Map<RepId, Integer> scores) {
    int byScore = Integer.compare(scores.get(c.rep()), scores.get(best.rep()));
    if (byScore != 0) {
      return byScore > 0;
    }
    return c.openLeads() < best.openLeads();
  }

  /** The member's score for the lead; {@code matched} receives each matching term in words. */
  static int score(RepProfile profile, FieldValues lead, List<BestFitCriterion> terms, List<String> matched) {
    int score = 0;
    for (BestFitCriterion term : terms) {
      Set<String> attribute = attribute(profile, term.attribute());
      Object value = lead.get(term.leadField());
      String hit = null;
      if (value instanceof Collection<?> values) {
        for (Object v : values) {
          if (attribute.contains(String.valueOf(v))) {
            hit = String.valueOf(v);
            break;
          }
        }
      } else if (value != null && attribute.contains(String.valueOf(value))) {
        hit = String.valueOf(value);
      }
      if (hit != null) {
        score += term.weight();
        matched.add(term.attribute().jsonName() + " has " + term.leadField() + " '" + hit + "' +" + term.weight());
      }
    }
    return score;
  }

  private static Set<String> attribute(RepProfile profile, BestFitCriterion.Attribute attribute) {
    return switch (attribute) {
      case SKILLS -> profile.skills();
      case INDUSTRIES -> profile.industries();
      case REGIONS -> profile.regions();
      case LANGUAGES -> profile.languages();
    };
  }
}
