package dev.relay.assignment;

import dev.relay.common.RepId;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How evenly leads were shared among reps over {@code [from, to)}, made by {@link FairnessAnalytics}: per rep the leads
 * received against the share their weight entitles them to. Immutable. {@link #render()} prints it as a plain-text
 * table.
 *
 * @param from start of the range, inclusive
 * @param to end of the range, exclusive
 * @param reps one row per rep compared, in the order the weights were given
 * @param others leads in the range given to reps outside the comparison (not counted in the shares)
 */
public record FairnessReport(Instant from, Instant to, List<RepShare> reps, int others) {
  public FairnessReport {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    reps = List.copyOf(reps);
  }

  /** The leads shared among the compared reps. */
  public int total() {
    return reps.stream().mapToInt(RepShare::received).sum();
  }

  /** The rep furthest from their expected share, either way (the first such in row order); empty without reps. */
  public Optional<RepShare> largestDeviation() {
    RepShare worst = null;
    for (RepShare r : reps) {
      if (worst == null || Math.abs(r.deviation()) > Math.abs(worst.deviation())) {
        worst = r;
      }
    }
    return Optional.ofNullable(worst);
  }

  /** The row of one rep. */
  public Optional<RepShare> rep(RepId rep) {
    return reps.stream().filter(r -> r.rep().equals(rep)).findFirst();
  }

  /** A plain-text table: rep, weight, received, expected, deviation; then the total and the largest deviation. */
  public String render() {
    List<String[]> rows = new java.util.ArrayList<>();
    rows.add(new String[] {"rep", "weight", "received", "expected", "deviation"});
    for (RepShare r : reps) {
      rows.add(new String[] {r.rep().value(), Integer.toString(r.weight()), Integer.toString(r.received()),
          format(r.expected()), signed(r.deviation())});
    }
    int[] widths = new int[5];
    for (String[] row : rows) {
      for (int c = 0; c < widths.length; c++) {
        widths[c] = Math.max(widths[c], row[c].length());
      }
    }
    StringBuilder out = new StringBuilder("Fairness " + from + " – " + to + ": " + total() + " leads to "
        + reps.size() + " reps" + (others > 0 ? " (" + others + " to others)" : "") + "\n");
    for (String[] row : rows) {
      for (int c = 0; c < widths.length; c++) {
        String cell = row[c];
        String pad = " ".repeat(widths[c] - cell.length());
        out.append(c == 0 ? cell + pad : "  " + pad + cell);
      }
      out.append('\n');
    }
    largestDeviation().ifPresent(r -> out.append("largest deviation: ").append(r.rep().value()).append(' ')
        .append(signed(r.deviation())).append('\n'));
    return out.toString();
  }

  private static String format(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  private static String signed(double v) {
    return (v >= 0 ? "+" : "") + format(v);
  }

  /**
   * One rep's share.
   *
   * @param rep the rep
   * @param weight the rep's weight (1 each for an equal share)
   * @param share the fraction of the leads the weight entitles the rep to: {@code weight / Σ weights}
   * @param received leads received in the range
   * @param expected those leads in numbers: {@code total × share}
   * @param deviation {@code received − expected}: positive for more than the share
   */
  public record RepShare(RepId rep, int weight, double share, int received, double expected, double deviation) {
    public RepShare {
      Objects.requireNonNull(rep, "rep");
    }
  }
}
