package dev.relay.scoring;

import dev.relay.common.EventPublisher;
import dev.relay.common.TeamId;
import dev.relay.common.TenantScopedId;
import dev.relay.fields.FieldDefinition;
import dev.relay.fields.FieldSchema;
import dev.relay.fields.FieldType;
import dev.relay.fields.FieldValues;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Scores records under one {@link ScoringModel}: the rule score, the predicted probability (when the model has a
 * predictive part), their blend, the grade and the matrix cell, with every contribution and factor.
 *
 * <p><b>How scores reach assignment and the pipeline.</b> A model names a score field and a grade field of its
 * subject (custom fields the playbook declares: a decimal or integer, and an enum whose options are the grades).
 * {@link #writeTo} puts the score and grade into a record's field values and {@link #fieldUpdates} gives them as a
 * field update, so they are ordinary fields: assignment rules test them with the same criteria ({@code lead_grade in
 * [A, B]}), {@code assignment.grade_field} can name the grade field for grade-based routing and SLAs, and pipeline
 * gates can require a score. Score a lead before capturing it, and deals through {@code PipelineService.updateFields}.
 *
 * <p>{@link #rescore} re-scores a batch (nightly, or after retraining) and publishes a {@link
 * ScoringEvent.GradeChanged} only for records whose grade changed. Immutable and thread-safe.
 */
public final class Scoring {
  private final ScoringModel model;
  private final RuleScorer rules;
  private final @Nullable PredictiveModel predictive;
  private final Clock clock;
  private final @Nullable FieldDefinition scoreField;
  private final @Nullable FieldDefinition gradeField;

  private Scoring(ScoringModel model, RuleScorer rules, @Nullable PredictiveModel predictive, Clock clock) {
    this.model = model;
    this.rules = rules;
    this.predictive = predictive;
    this.clock = clock;
    FieldSchema schema = rules.schema();
    this.scoreField = model.scoreField() == null ? null : field(schema, model.scoreField());
    this.gradeField = model.gradeField() == null ? null : field(schema, model.gradeField());
  }

  /**
   * Scoring under {@code model} for records of {@code schema}.
   *
   * @param predictive the model trained for {@code model}'s predictive part; {@code null} when it has none
   * @throws dev.relay.common.ValidationException if a rule does not fit the schema (with paths)
   * @throws IllegalArgumentException if the model blends in a probability but no predictive model is given (or one
   *     is given to a rules-only model), or its score or grade field is missing from the schema
   */
  public static Scoring of(ScoringModel model, FieldSchema schema, @Nullable PredictiveModel predictive,
      Clock clock) {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(clock, "clock");
    if ((model.predictive() == null) != (predictive == null)) {
      throw new IllegalArgumentException(model.predictive() == null
          ? "model '" + model.key() + "' has no predictive part, yet a predictive model was given"
          : "model '" + model.key() + "' needs its trained predictive model (ModelTraining.train)");
    }
    return new Scoring(model, RuleScorer.compile(model, schema), predictive, clock);
  }

  private static FieldDefinition field(FieldSchema schema, String name) {
    return schema.field(name).orElseThrow(() -> new IllegalArgumentException("no field '" + name + "' in "
        + schema.kind().jsonName()));
  }

  public ScoringModel model() {
    return model;
  }

  /** Scores a record now. */
  public Score score(FieldValues record, List<Engagement> engagements, @Nullable TeamId team) {
    Instant now = clock.instant();
    RuleScore ruleScore = rules.score(record, engagements, now);
    Prediction prediction = predictive == null ? null : predictive.predict(record, team);
    double value = model.blend().apply(ruleScore.score(), prediction == null ? 0 : prediction.probability());
    GradeMatrix matrix = model.matrix();
    return new Score(model.key(), value, model.grades().grade(value),
        matrix == null ? null : matrix.cell(ruleScore.fit(), ruleScore.engagement()), ruleScore, prediction, now);
  }

  /**
   * The score and grade as a field update for the model's score and grade fields (empty when it names neither).
   * Scores go to integer fields rounded half-even, to decimal fields with two decimals.
   */
  public Map<String, Object> fieldUpdates(Score score) {
    Map<String, Object> updates = new LinkedHashMap<>();
    if (scoreField != null) {
      BigDecimal value = BigDecimal.valueOf(score.value());
      updates.put(scoreField.name(), scoreField.type() == FieldType.INTEGER
          ? value.setScale(0, RoundingMode.HALF_EVEN).longValueExact()
          : value.setScale(2, RoundingMode.HALF_EVEN));
    }
    if (gradeField != null) {
      updates.put(gradeField.name(), score.grade());
    }
    return updates;
  }

  /**
   * The record with the score and grade written to the model's fields.
   *
   * @throws dev.relay.common.ValidationException if a field cannot take the value (a grade that is not an option)
   */
  public FieldValues writeTo(FieldValues record, Score score) {
    Map<String, Object> updates = fieldUpdates(score);
    return updates.isEmpty() ? record : record.with(updates, false);
  }

  /**
   * Re-scores a batch: each record is scored and written back ({@link Rescored#updated()}), and one {@link
   * ScoringEvent.GradeChanged} is published for every record whose grade differs from before (the grade field's value,
   * or {@link ScoringRequest#previousGrade()} for models without one). Nothing is published when no grade changed.
   */
  public RescoreReport rescore(List<ScoringRequest> batch, EventPublisher events) {
    Objects.requireNonNull(batch, "batch");
    Objects.requireNonNull(events, "events");
    List<Rescored> results = new ArrayList<>(batch.size());
    List<ScoringEvent> changes = new ArrayList<>();
    for (ScoringRequest request : batch) {
      Score score = score(request.record(), request.engagements(), request.team());
      String before = gradeField != null ? (String) request.record().get(gradeField.name())
          : request.previousGrade();
      if (!score.grade().equals(before)) {
        changes.add(new ScoringEvent.GradeChanged(request.subject(), model.key(), before, score.grade(),
            score.value(), score.scoredAt()));
      }
      results.add(new Rescored(request.subject(), before, score, writeTo(request.record(), score)));
    }
    if (!changes.isEmpty()) {
      events.publish(changes);
    }
    return new RescoreReport(results, changes);
  }

  /**
   * One record of a re-scoring batch.
   *
   * @param previousGrade its grade before, or {@code null}
   * @param updated its field values with the new score and grade written
   */
  public record Rescored(TenantScopedId subject, @Nullable String previousGrade, Score score, FieldValues updated) {}

  /**
   * What a re-scoring batch did.
   *
   * @param events the grade changes published, in batch order
   */
  public record RescoreReport(List<Rescored> results, List<ScoringEvent> events) {
    public RescoreReport {
      results = List.copyOf(results);
      events = List.copyOf(events);
    }
  }
}
