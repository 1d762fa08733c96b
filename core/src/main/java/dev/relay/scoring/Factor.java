package dev.relay.scoring;

import java.util.Objects;

/**
 * What one field contributed to a prediction, in log-odds: positive pushes towards won, negative towards lost.
 *
 * @param field the record field
 * @param level the record's value as the model saw it: a level ({@code bank}), a bin ({@code [30, 40)}), a number,
 *     or {@code (missing)}
 * @param contribution the log-odds it adds
 */
public record Factor(String field, String level, double contribution) {
  public Factor {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(level, "level");
  }

  @Override
  public String toString() {
    return field + " = " + level + " (" + (contribution >= 0 ? "+" : "") + String.format(java.util.Locale.ROOT,
        "%.3f", contribution) + ")";
  }
}
