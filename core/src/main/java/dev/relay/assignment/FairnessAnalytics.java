package dev.relay.assignment;

import dev.relay.common.RepId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Computes a {@link FairnessReport}: a pure function of the assignments, the range and the weights, so hosts can report
 * over any log — the {@link RoutingState}'s retained assignments ({@link LeadRouter#fairness} does that for one rule) or
 * their own history of decisions.
 *
 * <p>Only assignments with {@code from <= at < to} count. The weights name the reps compared: each gets {@code total ×
 * weight / Σ weights} of the leads those reps received, where equal weights mean equal shares. Assignments to anyone
 * else are counted as {@link FairnessReport#others()}. With weighted round robin and always-eligible reps the deviation
 * is zero at every multiple of the weight sum.
 */
public final class FairnessAnalytics {

  /**
   * The report over {@code [from, to)}.
   *
   * @param weights the reps to compare and their weights (each at least 1), in the order the rows should follow
   * @throws IllegalArgumentException if a weight is below 1 or {@code to} is before {@code from}
   */
  public FairnessReport report(Collection<AssignmentRecord> assignments, Instant from, Instant to,
      Map<RepId, Integer> weights) {
    Objects.requireNonNull(assignments, "assignments");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("the range ends before it starts: " + from + " – " + to);
    }
    long weightSum = 0;
    for (Map.Entry<RepId, Integer> w : weights.entrySet()) {
      if (w.getValue() < 1) {
        throw new IllegalArgumentException("weight of " + w.getKey() + " must be at least 1: " + w.getValue());
      }
      weightSum += w.getValue();
    }
    Map<RepId, Integer> received = new HashMap<>();
    int others = 0;
    for (AssignmentRecord r : assignments) {
      if (r.at().isBefore(from) || !r.at().isBefore(to)) {
        continue;
      }
      if (weights.containsKey(r.rep())) {
        received.merge(r.rep(), 1, Integer::sum);
      } else {
        others++;
      }
    }
    int total = received.values().stream().mapToInt(Integer::intValue).sum();
    List<FairnessReport.RepShare> rows = new ArrayList<>();
    for (Map.Entry<RepId, Integer> w : weights.entrySet()) {
      int got = received.getOrDefault(w.getKey(), 0);
      double share = (double) w.getValue() / weightSum;
      double expected = (double) total * w.getValue() / weightSum;
      rows.add(new FairnessReport.RepShare(w.getKey(), w.getValue(), share, got, expected, got - expected));
    }
    return new FairnessReport(from, to, rows, others);
  }

  /** Weight 1 for each rep, for an equal share, in the given order. */
  public static Map<RepId, Integer> equalWeights(Collection<RepId> reps) {
    Map<RepId, Integer> out = new LinkedHashMap<>();
    reps.forEach(r -> out.put(Objects.requireNonNull(r, "rep"), 1));
    return out;
  }
}
