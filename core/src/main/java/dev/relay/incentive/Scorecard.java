package dev.relay.incentive;

import dev.relay.common.Problem;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A scorecard for one role (多维考核): weighted dimensions, each normalised as raw ÷ target, capped at {@code cap}
 * (over-achievement counts up to that), then weighted; the score is the weighted sum × 100, so a rep exactly on every
 * target scores 100.
 *
 * @param role the role it applies to, e.g. {@code sales_rep}
 * @param dimensions the dimensions, each kind at most once, weights totalling 1
 * @param cap the highest normalised value a dimension can reach, at least 1 (e.g. 1.2)
 */
public record Scorecard(String role, List<ScorecardDimension> dimensions, BigDecimal cap) {
  public Scorecard {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(cap, "cap");
    dimensions = List.copyOf(dimensions);
  }

  /** Every problem, each path under {@code base}: weights not totalling 1, a kind twice, a cap below 1. */
  public List<Problem> problems(String base) {
    String prefix = base.isEmpty() ? "" : base + ".";
    List<Problem> problems = new ArrayList<>();
    if (dimensions.isEmpty()) {
      problems.add(new Problem(prefix + "dimensions", "a scorecard needs at least one dimension"));
    }
    BigDecimal total = BigDecimal.ZERO;
    Set<DimensionKind> seen = new HashSet<>();
    for (int i = 0; i < dimensions.size(); i++) {
      ScorecardDimension d = dimensions.get(i);
      total = total.add(d.weight());
      if (!seen.add(d.kind())) {
        problems.add(new Problem(prefix + "dimensions[" + i + "].kind", "dimension '" + d.kind().jsonName()
            + "' appears twice"));
      }
    }
    if (!dimensions.isEmpty() && total.compareTo(BigDecimal.ONE) != 0) {
      problems.add(new Problem(prefix + "dimensions", "weights must total 1, not " + total.toPlainString()));
    }
    if (cap.compareTo(BigDecimal.ONE) < 0) {
      problems.add(new Problem(prefix + "cap", "the cap must be at least 1, not " + cap.toPlainString()));
    }
    return problems;
  }

  /** The rep's score with its breakdown; a dimension without a measure counts as 0. */
  public ScorecardResult score(dev.relay.common.RepId rep, Map<DimensionKind, BigDecimal> measures) {
    List<ScorecardResult.DimensionScore> parts = new ArrayList<>();
    BigDecimal score = BigDecimal.ZERO;
    for (ScorecardDimension d : dimensions) {
      BigDecimal raw = measures.getOrDefault(d.kind(), BigDecimal.ZERO);
      BigDecimal normalised = raw.divide(d.target(), MathContext.DECIMAL64).min(cap).max(BigDecimal.ZERO);
      BigDecimal points = normalised.multiply(d.weight()).multiply(BigDecimal.valueOf(100))
          .setScale(2, RoundingMode.HALF_EVEN);
      parts.add(new ScorecardResult.DimensionScore(d.kind(), raw, d.target(), normalised.setScale(4,
          RoundingMode.HALF_EVEN), d.weight(), points));
      score = score.add(points);
    }
    return new ScorecardResult(rep, role, score, parts);
  }
}
