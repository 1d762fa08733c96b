package dev.relay.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * A rule score with its explanation.
 *
 * @param score the points after group caps and the overall cap
 * @param fit the points of the fit groups (after their caps, before the overall cap), which the matrix grades
 * @param engagement the points of the engagement groups (likewise)
 * @param contributions the lines that add up to {@code score}
 */
public record RuleScore(double score, double fit, double engagement, List<Contribution> contributions) {
  public RuleScore {
    contributions = List.copyOf(contributions);
  }

  /** The sum of the contributions; equals {@link #score()} up to floating-point rounding. */
  public double contributionTotal() {
    double sum = 0;
    for (Contribution c : contributions) {
      sum += c.points();
    }
    return sum;
  }

  /** Points as people read them: at most two decimals, no trailing zeros ({@code 12.5}, {@code -3}). */
  static String format(double points) {
    return BigDecimal.valueOf(points).setScale(2, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("score ").append(format(score)).append(" (fit ").append(format(fit))
        .append(", engagement ").append(format(engagement)).append(")");
    for (Contribution c : contributions) {
      sb.append("\n  ").append(c);
    }
    return sb.toString();
  }
}
