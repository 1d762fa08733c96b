package dev.relay.scoring;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Grades by thresholds, highest first: {@code A ≥ 80, B ≥ 50, C ≥ 20, D} otherwise. The last band has no minimum and
 * takes every score below the others.
 *
 * @param bands the bands, highest minimum first; the last without a minimum
 */
public record Grading(List<Band> bands) {
  public Grading {
    bands = List.copyOf(bands);
  }

  /**
   * One grade and the least score that earns it.
   *
   * @param min the least score, or {@code null} for the last (catch-all) band
   */
  public record Band(String grade, @Nullable Double min) {
    public Band {
      Objects.requireNonNull(grade, "grade");
    }
  }

  /** A - B - C - D at 80, 50, 20. */
  public static Grading standard() {
    return of("A", 80, "B", 50, "C", 20, "D");
  }

  /**
   * Bands from alternating grades and minimums ending with the catch-all grade: {@code of("A", 80, "B", 50, "C")}.
   *
   * @throws IllegalArgumentException if the arguments do not alternate grade, number, …, grade
   */
  public static Grading of(Object... gradesAndMinimums) {
    if (gradesAndMinimums.length % 2 == 0) {
      throw new IllegalArgumentException("expected grade, min, grade, min, …, last grade");
    }
    List<Band> out = new java.util.ArrayList<>();
    for (int i = 0; i < gradesAndMinimums.length; i += 2) {
      String grade = (String) gradesAndMinimums[i];
      Double min = i + 1 < gradesAndMinimums.length ? ((Number) gradesAndMinimums[i + 1]).doubleValue() : null;
      out.add(new Band(grade, min));
    }
    return new Grading(out);
  }

  /** The grades, highest first. */
  public List<String> grades() {
    return bands.stream().map(Band::grade).toList();
  }

  /** The grade of a score: the first band whose minimum it reaches. */
  public String grade(double score) {
    for (Band band : bands) {
      if (band.min() == null || score >= band.min()) {
        return band.grade();
      }
    }
    return bands.get(bands.size() - 1).grade();
  }
}
