package dev.relay.assignment;

import dev.relay.common.Reason;
import dev.relay.common.RepId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * {@link Strategy#ROUND_ROBIN}: the first eligible member after the one the rule's cursor last chose, in the member list
 * sorted by rep id, wrapping around. The cursor stores the rep, not a position, so a member joining or leaving the team
 * does not shift whose turn it is; if the last chosen rep left, the turn passes to the next id after theirs. Skipping
 * ineligible members keeps two always-eligible reps within one lead of each other.
 */
final class RoundRobinStrategy implements RoutingStrategy {
  static final String CURSOR = "cursor";

  @Override
  public Pick pick(StrategyInput input) {
    return rotate(input, Candidate::eligible, "round robin");
  }

  /**
   * Moves the rule's cursor to the next member after the last chosen one that {@code accept} takes, and explains it.
   * Writes nothing when no member is accepted.
   */
  static Pick rotate(StrategyInput input, Predicate<Candidate> accept, String how) {
    String key = input.context().stateKey();
    RoutingLedger ledger = input.ledger();
    RepId last = ledger.cursor(key).orElse(null);
    List<Candidate> members = input.members();
    int start = startAfter(members, last);
    List<Candidate> skipped = new ArrayList<>();
    Candidate chosen = null;
    for (int k = 0; k < members.size() && chosen == null; k++) {
      Candidate c = members.get((start + k) % members.size());
      if (accept.test(c)) {
        chosen = c;
      } else {
        skipped.add(c);
      }
    }
    if (chosen == null) {
      return Pick.none();
    }
    ledger.moveCursor(key, chosen.rep());
    String message = how + ": " + chosen.display() + (last == null ? " is first in the rotation"
        : " is next after " + last.value())
        + (skipped.isEmpty() ? "" : ", skipping " + skipped.stream().map(c -> c.rep().value())
            .collect(Collectors.joining(", ")));
    StrategyState state = new StrategyState(key, last == null ? Map.of() : Map.of(CURSOR, last.value()),
        Map.of(CURSOR, chosen.rep().value()));
    return new Pick(chosen, List.of(new Reason(input.path(), message)), state, Map.of());
  }

  /** The index of the first member whose id sorts after {@code last}, wrapping to 0. */
  private static int startAfter(List<Candidate> members, @Nullable RepId last) {
    if (last == null) {
      return 0;
    }
    for (int i = 0; i < members.size(); i++) {
      if (members.get(i).rep().value().compareTo(last.value()) > 0) {
        return i;
      }
    }
    return 0;
  }
}
