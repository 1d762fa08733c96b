package dev.relay.scoring;

import dev.relay.fields.EntityKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One scoring model of the playbook (评分模型): rule groups for fit and engagement, an overall cap, the grades, an
 * optional fit × engagement matrix, an optional predictive model and the blend of both, and the record fields the
 * score and grade are written to. Build with {@link #builder}; the playbook validates it against the subject's
 * fields ({@code scoring.models[0].groups[1].rules[2].when.all[0].field: unknown field 'budgt'}).
 *
 * @param key stable key, lower snake case
 * @param subject which records it scores: leads, accounts or deals
 * @param cap the most points all groups together give, or {@code null} for no overall cap
 * @param grades the grades of the final (blended) score
 * @param matrix the fit × engagement matrix, or {@code null}
 * @param predictive the predictive model to train and blend in, or {@code null} for rules only
 * @param scoreField the subject's integer or decimal field the score is written to, or {@code null}
 * @param gradeField the subject's enum field the grade is written to (and read back from on re-scoring), or {@code
 *     null}; assignment criteria and {@code assignment.grade_field} can read it
 */
public record ScoringModel(String key, String label, EntityKind subject, List<RuleGroup> groups, @Nullable Double cap,
    Grading grades, @Nullable GradeMatrix matrix, @Nullable PredictiveSpec predictive, Blend blend,
    @Nullable String scoreField, @Nullable String gradeField) {

  public ScoringModel {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(grades, "grades");
    Objects.requireNonNull(blend, "blend");
    groups = List.copyOf(groups);
    if (cap != null && !Double.isFinite(cap)) {
      throw new IllegalArgumentException("model '" + key + "' cap must be finite, got " + cap);
    }
  }

  /** A model with standard grades (A 80, B 50, C 20, D), rules only, no cap, matrix, model or fields. */
  public static Builder builder(String key, EntityKind subject) {
    return new Builder(key, subject);
  }

  /** Builds a {@link ScoringModel}; the playbook validates it against the rest of the configuration. */
  public static final class Builder {
    private final String key;
    private String label;
    private final EntityKind subject;
    private final List<RuleGroup> groups = new ArrayList<>();
    private @Nullable Double cap;
    private Grading grades = Grading.standard();
    private @Nullable GradeMatrix matrix;
    private @Nullable PredictiveSpec predictive;
    private Blend blend = Blend.rulesOnly();
    private @Nullable String scoreField;
    private @Nullable String gradeField;

    private Builder(String key, EntityKind subject) {
      this.key = Objects.requireNonNull(key, "key");
      this.label = key;
      this.subject = Objects.requireNonNull(subject, "subject");
    }

    public Builder label(String value) {
      this.label = Objects.requireNonNull(value, "label");
      return this;
    }

    public Builder group(RuleGroup value) {
      groups.add(Objects.requireNonNull(value, "group"));
      return this;
    }

    /** The overall cap on the rule score. */
    public Builder cap(double value) {
      this.cap = value;
      return this;
    }

    public Builder grades(Grading value) {
      this.grades = Objects.requireNonNull(value, "grades");
      return this;
    }

    public Builder matrix(GradeMatrix value) {
      this.matrix = Objects.requireNonNull(value, "matrix");
      return this;
    }

    public Builder predictive(PredictiveSpec value) {
      this.predictive = Objects.requireNonNull(value, "predictive");
      return this;
    }

    public Builder blend(Blend value) {
      this.blend = Objects.requireNonNull(value, "blend");
      return this;
    }

    public Builder scoreField(String value) {
      this.scoreField = Objects.requireNonNull(value, "scoreField");
      return this;
    }

    public Builder gradeField(String value) {
      this.gradeField = Objects.requireNonNull(value, "gradeField");
      return this;
    }

    /** @throws IllegalArgumentException if the cap is not finite */
    public ScoringModel build() {
      return new ScoringModel(key, label, subject, groups, cap, grades, matrix, predictive, blend, scoreField,
          gradeField);
    }
  }
}
