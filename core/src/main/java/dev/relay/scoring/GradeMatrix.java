package dev.relay.scoring;

import java.util.Objects;

/**
 * The fit × engagement matrix: the fit score graded by {@code fit} (A, B, C), the engagement score by {@code
 * engagement} (1, 2, 3), the cell named by both ({@code A1} = best fit, most engaged).
 */
public record GradeMatrix(Grading fit, Grading engagement) {
  public GradeMatrix {
    Objects.requireNonNull(fit, "fit");
    Objects.requireNonNull(engagement, "engagement");
  }

  /** The cell of a fit and an engagement score, e.g. {@code B2}. */
  public String cell(double fitScore, double engagementScore) {
    return fit.grade(fitScore) + engagement.grade(engagementScore);
  }
}
