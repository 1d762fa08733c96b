package dev.relay.scoring;

import java.util.Objects;

/**
 * One line of a rule score's explanation. A score's contributions add up to it: the points of every rule that gave
 * any, then what each group cap and the overall cap took away.
 *
 * @param kind a rule's points, or a cap's clipping
 * @param path the rule ({@code engagement.email_opened}), the group ({@code engagement}) or the model key
 * @param text why, in words: {@code industry in [bank, insurance]}, {@code 3 × email_opened within P30D}, {@code
 *     capped at 40 (55 before)}
 * @param points the points it adds (negative for a penalty or a cap)
 */
public record Contribution(Kind kind, String path, String text, double points) {
  public Contribution {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(text, "text");
  }

  /** What produced a contribution. */
  public enum Kind {
    /** A fit or engagement rule that matched. */
    RULE,
    /** A group's cap clipping the group's points. */
    GROUP_CAP,
    /** The model's overall cap clipping the total. */
    MODEL_CAP
  }

  @Override
  public String toString() {
    return path + ": " + text + " → " + RuleScore.format(points);
  }
}
