package dev.relay.scoring;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A record's score under one scoring model, with everything that explains it.
 *
 * @param model the scoring model's key
 * @param value the final score: the blend of the rule score and the probability
 * @param grade the grade of {@code value}
 * @param matrixCell the fit × engagement cell ({@code B2}), or {@code null} when the model has no matrix
 * @param rules the rule score and its contributions
 * @param prediction the predicted win probability and its factors, or {@code null} for a rules-only model
 * @param scoredAt when it was scored (from the injected clock; engagements are aged to this instant)
 */
public record Score(String model, double value, String grade, @Nullable String matrixCell, RuleScore rules,
    @Nullable Prediction prediction, Instant scoredAt) {
  public Score {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(grade, "grade");
    Objects.requireNonNull(rules, "rules");
    Objects.requireNonNull(scoredAt, "scoredAt");
  }
}
