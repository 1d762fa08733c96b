package dev.relay.assignment;

import dev.relay.common.Reason;
import dev.relay.common.RepId;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * {@link Strategy#ROUND_ROBIN}: the first eligible member after the one the rule's cursor last chose, in the member list
 * sorted by rep id, wrapping around. The cursor stores the rep, not a position, so a member joining or leaving the team
 * does not shift whose turn it is; if the last chosen rep left, the turn passes to the next id after theirs. Skipping
 * ineligible members keeps two always-eligible reps within one lead of each other.
 */
final class RoundRobinStrategy implements RoutingStrategy {
  static final RoundRobinStrategy INSTANCE = new RoundRobinStrategy();

  private RoundRobinStrategy() {}
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
    int skipped = 0;
    Candidate chosen = null;
    for (int k = 0; k < members.size() && chosen == null; k++) {
      Candidate c = members.get((start + k) % members.size());
      if (accept.test(c)) {
        chosen = c;
      } else {
        skipped++;
      }
    }
    if (chosen == null) {
      return Pick.none();
    }
    ledger.moveCursor(key, chosen.rep());
    StringBuilder message = new StringBuilder(64 + 12 * skipped).append(how).append(": ").append(chosen.display())
        .append(last == null ? " is first in the rotation" : " is next after ");
    if (last != null) {
      message.append(last.value());
    }
    // The members skipped are those walked before the chosen one.
    for (int k = 0; k < skipped; k++) {
      message.append(k == 0 ? ", skipping " : ", ").append(members.get((start + k) % members.size()).rep().value());
    }
    StrategyState state = new StrategyState(key, last == null ? Map.of() : Map.of(CURSOR, last.value()),
        Map.of(CURSOR, chosen.rep().value()));
    return new Pick(chosen, List.of(new Reason(input.path(), message.toString())), state, Map.of());
  }

  /** The index of the first member whose id sorts after {@code last}, wrapping to 0 (members are sorted by id). */
  private static int startAfter(List<Candidate> members, @Nullable RepId last) {
    if (last == null) {
      return 0;
    }
    String after = last.value();
    int low = 0;
    int high = members.size();
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (members.get(mid).rep().value().compareTo(after) > 0) {
        high = mid;
      } else {
        low = mid + 1;
      }
    }
    return low == members.size() ? 0 : low;
  }
}
