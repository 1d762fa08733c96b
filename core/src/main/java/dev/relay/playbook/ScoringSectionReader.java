package dev.relay.playbook;

import static dev.relay.playbook.ReadingContext.orElse;
import static dev.relay.playbook.ReadingContext.placeholder;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relay.criteria.Criteria;
import dev.relay.fields.EntityKind;
import dev.relay.scoring.Blend;
import dev.relay.scoring.Dimension;
import dev.relay.scoring.EngagementWindow;
import dev.relay.scoring.FeatureSpec;
import dev.relay.scoring.GradeMatrix;
import dev.relay.scoring.Grading;
import dev.relay.scoring.ModelKind;
import dev.relay.scoring.PredictiveSpec;
import dev.relay.scoring.RuleGroup;
import dev.relay.scoring.ScoringModel;
import dev.relay.scoring.ScoringPolicy;
import dev.relay.scoring.ScoringRule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The structural pass over the {@code scoring} section: each model with its groups and rules, grades, matrix,
 * predictive part and blend. Values the scoring records refuse outright (a maximum count below 1, a non-positive time
 * frame or half-life, both or neither of {@code within} and {@code half_life}, unordered bin edges, fewer than two
 * quantiles, repeated features, a non-positive smoothing, negative weights) are reported here with their paths and
 * replaced by placeholders, so that the validator sees a model it can check further.
 */
final class ScoringSectionReader {
  static final List<String> SCORING_KEYS = List.of("models");
  static final List<String> MODEL_KEYS = List.of("key", "label", "subject", "score_field", "grade_field", "cap",
      "groups", "grades", "matrix", "predictive", "blend");
  static final List<String> GROUP_KEYS = List.of("key", "label", "dimension", "cap", "rules");
  static final List<String> FIT_RULE_KEYS = List.of("key", "label", "when", "points");
  static final List<String> ENGAGEMENT_RULE_KEYS =
      List.of("key", "label", "signals", "points", "max_count", "within", "half_life");
  static final List<String> BAND_KEYS = List.of("grade", "min");
  static final List<String> MATRIX_KEYS = List.of("fit", "engagement");
  static final List<String> PREDICTIVE_KEYS =
      List.of("kind", "features", "smoothing", "l2", "per_team", "min_history", "top_factors");
  static final List<String> FEATURE_KEYS = List.of("field", "edges", "quantiles");
  static final List<String> BLEND_KEYS = List.of("rule_weight", "probability_weight");
  private static final List<String> SUBJECTS = Stream.of(EntityKind.values()).map(EntityKind::jsonName).toList();

  private final ReadingContext in;

  ScoringSectionReader(ReadingContext in) {
    this.in = in;
  }

  /** The scoring section; {@link ScoringPolicy#defaults()} (no models) if absent. */
  ScoringPolicy read(JsonObjectReader top) {
    JsonNode node = top.node("scoring", false);
    if (node == null) {
      return ScoringPolicy.defaults();
    }
    JsonObjectReader o = in.object(node, top.path("scoring"), SCORING_KEYS);
    if (o == null) {
      in.unreadable("scoring");
      return ScoringPolicy.defaults();
    }
    List<JsonNode> models = o.array("models", false);
    in.unreadableIfGiven(o, "models", models);
    List<ScoringModel> out = new ArrayList<>();
    for (int i = 0; models != null && i < models.size(); i++) {
      out.add(model(models.get(i), o.path("models") + "[" + i + "]"));
    }
    return new ScoringPolicy(out);
  }

  private ScoringModel model(JsonNode node, String path) {
    JsonObjectReader o = in.object(node, path, MODEL_KEYS);
    if (o == null) {
      in.unreadable(path);
      return ScoringModel.builder(placeholder(path), EntityKind.LEAD).build();
    }
    String key = o.string("key", true);
    EntityKind subject = in.choice(o, "subject", true, EntityKind.values(), EntityKind::jsonName, "subject",
        "subjects");
    if (key == null || subject == null) {
      // Without its key or subject nothing in the model can be checked against the right fields.
      in.unreadable(path);
    }
    String modelKey = orElse(key, placeholder(path));
    ScoringModel.Builder model = ScoringModel.builder(modelKey, orElse(subject, EntityKind.LEAD))
        .label(orElse(o.string("label", false), modelKey));
    ReadingContext.set(o.string("score_field", false), model::scoreField);
    ReadingContext.set(o.string("grade_field", false), model::gradeField);
    ReadingContext.set(finite(o, "cap"), model::cap);
    List<JsonNode> groups = o.array("groups", false);
    in.unreadableIfGiven(o, "groups", groups);
    for (int g = 0; groups != null && g < groups.size(); g++) {
      model.group(group(groups.get(g), o.path("groups") + "[" + g + "]"));
    }
    if (o.has("grades")) {
      model.grades(grading(o, "grades"));
    }
    JsonNode matrix = o.node("matrix", false);
    if (matrix != null) {
      JsonObjectReader m = in.object(matrix, o.path("matrix"), MATRIX_KEYS);
      if (m == null) {
        in.unreadable(o.path("matrix"));
      } else {
        model.matrix(new GradeMatrix(grading(m, "fit"), grading(m, "engagement")));
      }
    }
    JsonNode predictive = o.node("predictive", false);
    if (predictive != null) {
      PredictiveSpec spec = predictive(predictive, o.path("predictive"));
      if (spec != null) {
        model.predictive(spec);
      }
    }
    JsonNode blend = o.node("blend", false);
    if (blend != null) {
      model.blend(blend(blend, o.path("blend")));
    }
    return model.build();
  }

  private @Nullable Double finite(JsonObjectReader o, String key) {
    Double value = o.number(key, false);
    if (value != null && !Double.isFinite(value)) {
      in.problem(o.path(key), "must be a finite number");
      return null;
    }
    return value;
  }

  private RuleGroup group(JsonNode node, String path) {
    JsonObjectReader o = in.object(node, path, GROUP_KEYS);
    if (o == null) {
      in.unreadable(path);
      return new RuleGroup(placeholder(path), path, Dimension.FIT, null, List.of());
    }
    String key = o.string("key", true);
    Dimension dimension = in.choice(o, "dimension", true, Dimension.values(), Dimension::jsonName, "dimension",
        "dimensions");
    if (key == null || dimension == null) {
      in.unreadable(path);
    }
    String groupKey = orElse(key, placeholder(path));
    Dimension d = orElse(dimension, Dimension.FIT);
    List<ScoringRule> rules = new ArrayList<>();
    List<JsonNode> items = o.array("rules", false);
    in.unreadableIfGiven(o, "rules", items);
    for (int r = 0; items != null && r < items.size(); r++) {
      String rulePath = o.path("rules") + "[" + r + "]";
      rules.add(dimension == null ? unreadableRule(rulePath)
          : d == Dimension.FIT ? fitRule(items.get(r), rulePath) : engagementRule(items.get(r), rulePath));
    }
    return new RuleGroup(groupKey, orElse(o.string("label", false), groupKey), d, finite(o, "cap"), rules);
  }

  private ScoringRule unreadableRule(String path) {
    in.unreadable(path);
    return ScoringRule.fit(placeholder(path), Criteria.always(), 0);
  }

  private ScoringRule fitRule(JsonNode node, String path) {
    JsonObjectReader o = in.object(node, path, FIT_RULE_KEYS);
    if (o == null) {
      return unreadableRule(path);
    }
    String key = o.string("key", true);
    Double points = finite(o, "points");
    if (key == null || points == null) {
      if (points == null && !o.has("points")) {
        in.problem(path, "missing required key 'points'");
      }
      in.unreadable(path);
    }
    String ruleKey = orElse(key, placeholder(path));
    return new ScoringRule.FitRule(ruleKey, orElse(o.string("label", false), ruleKey),
        in.criteria(o, "when", Criteria.always()), orElse(points, 0.0));
  }

  private ScoringRule engagementRule(JsonNode node, String path) {
    JsonObjectReader o = in.object(node, path, ENGAGEMENT_RULE_KEYS);
    if (o == null) {
      return unreadableRule(path);
    }
    int before = in.problemCount();
    String key = o.string("key", true);
    Double points = finite(o, "points");
    if (points == null && !o.has("points")) {
      in.problem(path, "missing required key 'points'");
    }
    List<String> signals = in.strings(o, "signals");
    if (signals.isEmpty() && !in.unreadable().contains(o.path("signals"))) {
      in.problem(o.path("signals"), "an engagement rule needs at least one signal, e.g. email_opened");
    }
    Integer maxCount = o.integer("max_count", false);
    if (maxCount != null && maxCount < 1) {
      in.problem(o.path("max_count"), "must be at least 1, got " + maxCount);
    }
    EngagementWindow window = window(o, path);
    if (in.problemCount() > before) {
      in.unreadable(path);
    }
    String ruleKey = orElse(key, placeholder(path));
    return new ScoringRule.EngagementRule(ruleKey, orElse(o.string("label", false), ruleKey),
        signals.isEmpty() ? List.of(placeholder(path)) : signals, orElse(points, 0.0),
        maxCount == null || maxCount < 1 ? 1 : maxCount, window);
  }

  private EngagementWindow window(JsonObjectReader o, String path) {
    boolean within = o.has("within");
    boolean halfLife = o.has("half_life");
    EngagementWindow fallback = EngagementWindow.within(Duration.ofDays(30));
    if (within == halfLife) {
      in.problem(path, within ? "give only one of 'within' and 'half_life'"
          : "expected one of 'within' (a time frame like 'P30D') or 'half_life' (like 'P14D')");
      return fallback;
    }
    String key = within ? "within" : "half_life";
    Duration d = in.duration(o, key);
    if (d == null) {
      return fallback;
    }
    if (d.isZero() || d.isNegative()) {
      in.problem(o.path(key), "must be positive, got " + PlaybookJson.durationText(d));
      return fallback;
    }
    return within ? EngagementWindow.within(d) : EngagementWindow.halfLife(d);
  }

  /** Grade bands under a key; the standard grades if absent or unreadable. */
  private Grading grading(JsonObjectReader o, String key) {
    List<JsonNode> items = o.array(key, true);
    if (items == null) {
      in.unreadable(o.path(key));
      return Grading.standard();
    }
    List<Grading.Band> bands = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      String path = o.path(key) + "[" + i + "]";
      JsonObjectReader band = in.object(items.get(i), path, BAND_KEYS);
      String grade = band == null ? null : band.string("grade", true);
      Double min = band == null ? null : finite(band, "min");
      if (grade == null || (min == null && band.has("min"))) {
        in.unreadable(o.path(key));
        return Grading.standard();
      }
      bands.add(new Grading.Band(grade, min));
    }
    return new Grading(bands);
  }

  private @Nullable PredictiveSpec predictive(JsonNode node, String path) {
    JsonObjectReader o = in.object(node, path, PREDICTIVE_KEYS);
    if (o == null) {
      in.unreadable(path);
      return null;
    }
    int before = in.problemCount();
    ModelKind kind = in.choice(o, "kind", true, ModelKind.values(), ModelKind::jsonName, "model kind", "kinds");
    PredictiveSpec.Builder spec = PredictiveSpec.builder(orElse(kind, ModelKind.NAIVE_BAYES));
    List<JsonNode> features = o.array("features", true);
    Set<String> seen = new HashSet<>();
    for (int i = 0; features != null && i < features.size(); i++) {
      FeatureSpec feature = feature(features.get(i), o.path("features") + "[" + i + "]");
      if (feature != null && !seen.add(feature.field())) {
        in.problem(o.path("features") + "[" + i + "].field", "feature '" + feature.field() + "' repeats");
      } else if (feature != null) {
        spec.feature(feature);
      }
    }
    if (features != null && features.isEmpty()) {
      in.problem(o.path("features"), "a predictive model needs at least one feature");
    }
    Double smoothing = finite(o, "smoothing");
    if (smoothing != null && !(smoothing > 0)) {
      in.problem(o.path("smoothing"), "must be positive, got " + smoothing);
    } else {
      ReadingContext.set(smoothing, spec::smoothing);
    }
    Double l2 = finite(o, "l2");
    if (l2 != null && l2 < 0) {
      in.problem(o.path("l2"), "must not be negative, got " + l2);
    } else {
      ReadingContext.set(l2, spec::l2);
    }
    ReadingContext.set(o.bool("per_team", false), spec::perTeam);
    Integer minHistory = o.integer("min_history", false);
    if (minHistory != null && minHistory < 0) {
      in.problem(o.path("min_history"), "must not be negative, got " + minHistory);
    } else {
      ReadingContext.set(minHistory, spec::minHistory);
    }
    Integer top = o.integer("top_factors", false);
    if (top != null && top < 0) {
      in.problem(o.path("top_factors"), "must not be negative, got " + top);
    } else {
      ReadingContext.set(top, spec::topFactors);
    }
    if (in.problemCount() > before) {
      in.unreadable(path);
      return null;
    }
    return spec.build();
  }

  private @Nullable FeatureSpec feature(JsonNode node, String path) {
    JsonObjectReader o = in.object(node, path, FEATURE_KEYS);
    if (o == null) {
      return null;
    }
    String field = o.string("field", true);
    if (field == null) {
      return null;
    }
    if (o.has("edges") && o.has("quantiles")) {
      in.problem(path, "give only one of 'edges' and 'quantiles'");
      return null;
    }
    if (o.has("quantiles")) {
      Integer quantiles = o.integer("quantiles", true);
      if (quantiles != null && quantiles < 2) {
        in.problem(o.path("quantiles"), "needs at least 2 bins, got " + quantiles);
        return null;
      }
      return quantiles == null ? null : FeatureSpec.quantiles(field, quantiles);
    }
    if (!o.has("edges")) {
      return FeatureSpec.categorical(field);
    }
    List<JsonNode> items = o.array("edges", true);
    if (items == null) {
      return null;
    }
    List<Double> edges = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      JsonNode e = items.get(i);
      if (!e.isNumber() || (i > 0 && e.doubleValue() <= edges.get(i - 1))) {
        in.problem(o.path("edges") + "[" + i + "]", e.isNumber() ? "edges must ascend, got " + e.asText()
            + " after " + edges.get(i - 1) : "expected a number, got " + JsonObjectReader.describe(e));
        return null;
      }
      edges.add(e.doubleValue());
    }
    if (edges.isEmpty()) {
      in.problem(o.path("edges"), "needs at least one edge");
      return null;
    }
    return new FeatureSpec.Numeric(field, edges, 10);
  }

  private Blend blend(JsonNode node, String path) {
    JsonObjectReader o = in.object(node, path, BLEND_KEYS);
    if (o == null) {
      in.unreadable(path);
      return Blend.rulesOnly();
    }
    Double rules = finite(o, "rule_weight");
    Double probability = finite(o, "probability_weight");
    double r = orElse(rules, 1.0);
    double p = orElse(probability, 0.0);
    if (r < 0 || p < 0 || (r == 0 && p == 0)) {
      in.problem(path, "weights must not be negative and one must be positive, got rule_weight " + r
          + " and probability_weight " + p);
      in.unreadable(path);
      return Blend.rulesOnly();
    }
    return new Blend(r, p);
  }
}
