package dev.relay.playbook;

import dev.relay.fields.EntityKind;
import dev.relay.fields.FieldDefinition;
import dev.relay.fields.FieldSchema;
import dev.relay.fields.FieldType;
import dev.relay.scoring.FeatureSpec;
import dev.relay.scoring.Grading;
import dev.relay.scoring.PredictiveSpec;
import dev.relay.scoring.RuleGroup;
import dev.relay.scoring.ScoringModel;
import dev.relay.scoring.ScoringPolicy;
import dev.relay.scoring.ScoringRule;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Checks the {@code scoring} section: model keys unique, and per model: groups and rules with unique keys, fit rules
 * only in fit groups and engagement rules only in engagement groups, criteria over the subject's fields, signals in
 * lower snake case, non-negative caps; grades (and the matrix's two gradings) distinct with descending minimums and
 * a last band without one; the score field an integer or decimal field and the grade field an enum field holding
 * every grade; predictive features declared fields (numeric ones integer or decimal); a blend that weighs the
 * probability only with a predictive part.
 */
final class ScoringSectionValidator {
  private final ValidationContext context;
  private final Map<EntityKind, FieldSchema> schemas;

  ScoringSectionValidator(ValidationContext context, Map<EntityKind, FieldSchema> schemas) {
    this.context = context;
    this.schemas = schemas;
  }

  void check(ScoringPolicy policy) {
    Map<String, String> firstAt = new HashMap<>();
    for (int i = 0; i < policy.models().size(); i++) {
      String path = "scoring.models[" + i + "]";
      if (!context.isUnreadable(path)) {
        checkModel(policy.models().get(i), path, firstAt);
      }
    }
  }

  private void checkModel(ScoringModel model, String path, Map<String, String> firstAt) {
    FieldSchema schema = schemas.get(model.subject());
    context.checkUniqueKey(path, "model key", model.key(), firstAt);
    context.checkLabel(path + ".label", model.label());
    checkCap(path + ".cap", model.cap());
    Map<String, String> groupsAt = new HashMap<>();
    for (int g = 0; g < model.groups().size(); g++) {
      String groupPath = path + ".groups[" + g + "]";
      if (!context.isUnreadable(groupPath)) {
        checkGroup(model.groups().get(g), groupPath, groupsAt, schema);
      }
    }
    boolean gradesKnown = checkGrading(model.grades(), path + ".grades");
    if (model.matrix() != null) {
      checkGrading(model.matrix().fit(), path + ".matrix.fit");
      checkGrading(model.matrix().engagement(), path + ".matrix.engagement");
    }
    if (model.scoreField() != null) {
      FieldDefinition field = context.declaredField(path + ".score_field", model.scoreField(), schema);
      if (field != null && !field.type().isNumeric()) {
        context.problem(path + ".score_field", "'" + field.name() + "' is " + ValidationContext.describe(field.type())
            + "; a score field must be an integer or decimal field");
      }
    }
    if (model.gradeField() != null) {
      checkGradeField(model, path + ".grade_field", schema, gradesKnown);
    }
    if (model.predictive() != null && !context.isUnreadable(path + ".predictive")) {
      checkPredictive(model.predictive(), path + ".predictive", schema);
    }
    if (model.blend().probabilityWeight() > 0 && model.predictive() == null
        && !context.isUnreadable(path + ".predictive")) {
      context.problem(path + ".blend.probability_weight", "weighs a probability, but the model has no 'predictive'"
          + " part");
    }
  }

  private void checkCap(String path, @Nullable Double cap) {
    if (cap != null && cap < 0) {
      context.problem(path, "must not be negative, got " + cap);
    }
  }

  private void checkGroup(RuleGroup group, String path, Map<String, String> firstAt, FieldSchema schema) {
    context.checkUniqueKey(path, "group key", group.key(), firstAt);
    context.checkLabel(path + ".label", group.label());
    checkCap(path + ".cap", group.cap());
    if (group.rules().isEmpty() && !context.isUnreadable(path + ".rules")) {
      context.problem(path + ".rules", "a group needs at least one rule");
    }
    Map<String, String> rulesAt = new HashMap<>();
    for (int r = 0; r < group.rules().size(); r++) {
      String rulePath = path + ".rules[" + r + "]";
      if (context.isUnreadable(rulePath)) {
        continue;
      }
      ScoringRule rule = group.rules().get(r);
      context.checkUniqueKey(rulePath, "rule key", rule.key(), rulesAt);
      context.checkLabel(rulePath + ".label", rule.label());
      if (rule instanceof ScoringRule.FitRule fit) {
        if (group.dimension() != dev.relay.scoring.Dimension.FIT) {
          context.problem(rulePath, "a fit rule (with 'when') belongs in a fit group");
        }
        context.checkCriteria(fit.when(), schema, rulePath + ".when");
      } else {
        ScoringRule.EngagementRule engagement = (ScoringRule.EngagementRule) rule;
        if (group.dimension() != dev.relay.scoring.Dimension.ENGAGEMENT) {
          context.problem(rulePath, "an engagement rule (with 'signals') belongs in an engagement group");
        }
        List<String> signals = engagement.signals();
        for (int s = 0; s < signals.size(); s++) {
          context.checkKey(rulePath + ".signals[" + s + "]", "signal", signals.get(s));
        }
        context.checkNames(signals, rulePath + ".signals", "signal");
      }
    }
  }

  /** Reports bad bands; returns whether the grades can be relied on. */
  private boolean checkGrading(Grading grading, String path) {
    if (context.isUnreadable(path)) {
      return false;
    }
    List<Grading.Band> bands = grading.bands();
    if (bands.isEmpty()) {
      context.problem(path, "needs at least one grade");
      return false;
    }
    boolean fine = context.checkNames(grading.grades(), path, "grade");
    Double previous = null;
    for (int i = 0; i < bands.size(); i++) {
      Grading.Band band = bands.get(i);
      boolean last = i == bands.size() - 1;
      if (last && band.min() != null) {
        context.problem(path + "[" + i + "].min", "the last grade takes every lower score and has no 'min'");
        fine = false;
      } else if (!last && band.min() == null) {
        context.problem(path + "[" + i + "]", "missing required key 'min' (only the last grade has none)");
        fine = false;
      } else if (band.min() != null && previous != null && band.min() >= previous) {
        context.problem(path + "[" + i + "].min", "minimums must descend, got " + band.min() + " after " + previous);
        fine = false;
      }
      if (band.min() != null) {
        previous = band.min();
      }
    }
    return fine;
  }

  private void checkGradeField(ScoringModel model, String path, FieldSchema schema, boolean gradesKnown) {
    FieldDefinition field = context.declaredField(path, model.gradeField(), schema);
    if (field == null) {
      return;
    }
    if (field.type() != FieldType.ENUM) {
      context.problem(path, "'" + field.name() + "' is " + ValidationContext.describe(field.type())
          + "; a grade field must be an enum");
      return;
    }
    List<String> missing = model.grades().grades().stream().filter(g -> !field.options().contains(g)).toList();
    if (gradesKnown && !missing.isEmpty()) {
      context.problem(path, "'" + field.name() + "' lacks the grades " + String.join(", ", missing) + " (options: "
          + String.join(", ", field.options()) + ")");
    }
  }

  private void checkPredictive(PredictiveSpec spec, String path, FieldSchema schema) {
    for (int f = 0; f < spec.features().size(); f++) {
      FeatureSpec feature = spec.features().get(f);
      String featurePath = path + ".features[" + f + "].field";
      FieldDefinition field = context.declaredField(featurePath, feature.field(), schema);
      if (field != null && feature instanceof FeatureSpec.Numeric && !field.type().isNumeric()) {
        context.problem(featurePath, "'" + field.name() + "' is " + ValidationContext.describe(field.type())
            + "; bins and quantiles need an integer or decimal field");
      }
    }
  }
}
