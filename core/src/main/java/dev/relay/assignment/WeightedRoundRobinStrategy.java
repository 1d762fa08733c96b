package dev.relay.assignment;

import dev.relay.common.Reason;
import dev.relay.common.RepId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@link Strategy#WEIGHTED_ROUND_ROBIN} by the pointer scheme: every member has a pointer; the eligible member with the
 * lowest pointer gets the lead (ties by member order) and its pointer rises by {@code 1/weight}.
 *
 * <p><b>Exact.</b> Pointers are fractions on each member's own grid ({@link WeightedPointer}), so there is no rounding:
 * starting level, weights 2:1:1 hand out exactly 2, 1 and 1 of every 4 leads, interleaved (li, sun, zhang, li). After
 * each pick, the whole rounds every pointer has passed are subtracted from all, which keeps the numbers small forever.
 *
 * <p><b>No banking.</b> A member without a pointer (new to the target) starts at the lowest pointer of the eligible
 * members. A member who is ineligible for this lead (away, paused, at a cap, a recent assignee) is kept at least at
 * that level, before and after the pick, so nobody comes back to a flood of catch-up leads: an absent rep returns level
 * with the others and takes their next turn in member order. A changed weight moves the member's pointer to the new
 * grid, rounded up. Members who left the target lose their pointer.
 */
final class WeightedRoundRobinStrategy implements RoutingStrategy {
  static final WeightedRoundRobinStrategy INSTANCE = new WeightedRoundRobinStrategy();

  private WeightedRoundRobinStrategy() {}

  @Override
  public Pick pick(StrategyInput input) {
    List<Candidate> eligible = input.eligible();
    if (eligible.isEmpty()) {
      return Pick.none();
    }
    String key = input.context().stateKey();
    Map<RepId, WeightedPointer> stored = input.ledger().pointers(key);
    Map<RepId, WeightedPointer> pointers = new LinkedHashMap<>();
    for (Candidate c : input.members()) {
      WeightedPointer p = stored.get(c.rep());
      if (p != null) {
        pointers.put(c.rep(), p.reweighted(c.member().weight()));
      }
    }
    WeightedPointer floor = floor(eligible, pointers);
    for (Candidate c : input.members()) {
      WeightedPointer p = pointers.get(c.rep());
      if (p == null) {
        pointers.put(c.rep(), floor.reweighted(c.member().weight()));
      } else if (!c.eligible()) {
        pointers.put(c.rep(), p.atLeast(floor));
      }
    }
    Candidate chosen = eligible.get(0);
    for (Candidate c : eligible) {
      if (pointers.get(c.rep()).compareTo(pointers.get(chosen.rep())) < 0) {
        chosen = c;
      }
    }
    WeightedPointer was = pointers.get(chosen.rep());
    Map<String, String> before = show(pointers);
    pointers.put(chosen.rep(), was.advanced());
    // Ineligible members follow the eligible ones up, so they come back level instead of owed a burst of leads.
    WeightedPointer level = floor(eligible, pointers);
    for (Candidate c : input.members()) {
      if (!c.eligible()) {
        pointers.put(c.rep(), pointers.get(c.rep()).atLeast(level));
      }
    }
    long rounds = pointers.values().stream().mapToLong(WeightedPointer::wholeRounds).min().orElse(0);
    if (rounds != 0) {
      pointers.replaceAll((rep, p) -> p.minusRounds(rounds));
    }
    input.ledger().putPointers(key, pointers);
    String message = "weighted round robin: " + chosen.display() + " has the lowest pointer " + was + " (weight "
        + chosen.member().weight() + ") among " + eligible.stream()
            .map(c -> c.rep().value() + " " + before.get(c.rep().value())).collect(Collectors.joining(", "))
        + (rounds > 0 ? "; pointers then drop by " + rounds + " whole round" + (rounds > 1 ? "s" : "") : "");
    return new Pick(chosen, List.of(new Reason(input.path(), message)), new StrategyState(key, before,
        show(pointers)), Map.of());
  }

  /**
   * Where newcomers and returning members start: the lowest pointer among eligible members who have one, else the
   * lowest pointer anyone has, else zero.
   */
  private static WeightedPointer floor(List<Candidate> eligible, Map<RepId, WeightedPointer> pointers) {
    WeightedPointer lowest = null;
    for (Candidate c : eligible) {
      WeightedPointer p = pointers.get(c.rep());
      if (p != null && (lowest == null || p.compareTo(lowest) < 0)) {
        lowest = p;
      }
    }
    if (lowest == null) {
      lowest = pointers.values().stream().min(WeightedPointer::compareTo).orElse(WeightedPointer.zero(1));
    }
    return lowest;
  }

  private static Map<String, String> show(Map<RepId, WeightedPointer> pointers) {
    Map<String, String> out = new LinkedHashMap<>();
    pointers.forEach((rep, p) -> out.put(rep.value(), p.toString()));
    return out;
  }
}
