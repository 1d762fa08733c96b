package dev.relay.scoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.relay.common.ValidationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The JSON form of a {@link PredictiveModel}, which {@link ScoringModelRepository} adapters store: the spec, the
 * training summary, the encodings (levels, bin edges, means) and every table (naive Bayes counts and calibration, or
 * logistic weights). Doubles are written in their shortest exact form, so {@code read(write(m)).equals(m)} and the
 * predictions of both are identical. The same model always gives the same text.
 */
public final class PredictiveModelJson {
  /** The version of the format; {@link #read} refuses others. */
  public static final int FORMAT = 1;

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private PredictiveModelJson() {}

  /** The JSON text of a model. */
  public static String write(PredictiveModel model) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("format", FORMAT);
    root.set("spec", writeSpec(model.spec()));
    root.set("summary", summary(model.summary()));
    root.put("prior_log_odds", model.priorLogOdds());
    ArrayNode encodings = root.putArray("encodings");
    model.encodings().forEach(e -> encodings.add(encoding(e)));
    if (model.all() != null) {
      root.set("all", table(model.all()));
    }
    ObjectNode teams = root.putObject("teams");
    new TreeMap<>(model.teamEstimators()).forEach((team, table) -> teams.set(team, table(table)));
    try {
      return MAPPER.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree could not be written", e);
    }
  }

  /**
   * Reads a model written by {@link #write}.
   *
   * @throws ValidationException if the text is not such a model (malformed, another format version, missing parts)
   */
  public static PredictiveModel read(String json) {
    Objects.requireNonNull(json, "json");
    try {
      JsonNode root = MAPPER.readTree(json);
      if (root.path("format").asInt(-1) != FORMAT) {
        throw ValidationException.of("format", "expected format " + FORMAT + ", got " + root.path("format"));
      }
      PredictiveSpec spec = spec(required(root, "spec"));
      List<FeatureEncoding> encodings = new ArrayList<>();
      for (JsonNode e : required(root, "encodings")) {
        encodings.add(encoding(e));
      }
      Estimator all = root.hasNonNull("all") ? table(root.get("all"), spec.kind(), encodings) : null;
      Map<String, Estimator> teams = new HashMap<>();
      required(root, "teams").fields().forEachRemaining(e -> teams.put(e.getKey(),
          table(e.getValue(), spec.kind(), encodings)));
      return new PredictiveModel(spec, summary(required(root, "summary")), encodings, all, teams,
          required(root, "prior_log_odds").doubleValue());
    } catch (JsonProcessingException e) {
      throw ValidationException.of("", "malformed model JSON: " + e.getOriginalMessage());
    } catch (IllegalArgumentException | NullPointerException | IllegalStateException e) {
      throw ValidationException.of("", "not a predictive model: " + e.getMessage());
    }
  }

  private static JsonNode required(JsonNode node, String key) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      throw new IllegalArgumentException("missing '" + key + "'");
    }
    return value;
  }

  /**
   * The JSON of a spec, as both a stored model and the playbook's {@code predictive} key hold it: {@code kind},
   * {@code features} (each a {@code field}, with {@code edges} or {@code quantiles} when numeric), {@code smoothing},
   * {@code l2}, {@code per_team}, {@code min_history}, {@code top_factors}. Whole numbers are written without a
   * fraction.
   */
  public static ObjectNode writeSpec(PredictiveSpec spec) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("kind", spec.kind().jsonName());
    ArrayNode features = node.putArray("features");
    for (FeatureSpec f : spec.features()) {
      ObjectNode feature = features.addObject();
      feature.put("field", f.field());
      if (f instanceof FeatureSpec.Numeric numeric) {
        if (numeric.edges().isEmpty()) {
          feature.put("quantiles", numeric.quantiles());
        } else {
          ArrayNode edges = feature.putArray("edges");
          numeric.edges().forEach(e -> edges.add(number(e)));
        }
      }
    }
    node.set("smoothing", number(spec.smoothing()));
    node.set("l2", number(spec.l2()));
    node.put("per_team", spec.perTeam());
    node.put("min_history", spec.minHistory());
    node.put("top_factors", spec.topFactors());
    return node;
  }

  private static JsonNode number(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15
        ? MAPPER.getNodeFactory().numberNode((long) value)
        : MAPPER.getNodeFactory().numberNode(value);
  }

  private static PredictiveSpec spec(JsonNode node) {
    ModelKind kind = ModelKind.fromJson(required(node, "kind").asText());
    if (kind == null) {
      throw new IllegalArgumentException("unknown model kind " + node.get("kind"));
    }
    PredictiveSpec.Builder spec = PredictiveSpec.builder(kind)
        .smoothing(required(node, "smoothing").doubleValue())
        .l2(required(node, "l2").doubleValue())
        .perTeam(required(node, "per_team").booleanValue())
        .minHistory(required(node, "min_history").intValue())
        .topFactors(required(node, "top_factors").intValue());
    for (JsonNode f : required(node, "features")) {
      String field = required(f, "field").asText();
      if (f.has("edges")) {
        List<Double> edges = new ArrayList<>();
        f.get("edges").forEach(e -> edges.add(e.doubleValue()));
        spec.feature(new FeatureSpec.Numeric(field, edges, 10));
      } else if (f.has("quantiles")) {
        spec.feature(FeatureSpec.quantiles(field, f.get("quantiles").intValue()));
      } else {
        spec.feature(FeatureSpec.categorical(field));
      }
    }
    return spec.build();
  }

  private static ObjectNode summary(TrainingSummary s) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("rows", s.rows());
    node.put("won", s.won());
    if (s.from() != null) {
      node.put("from", s.from().toString());
    }
    if (s.to() != null) {
      node.put("to", s.to().toString());
    }
    node.put("trained_at", s.trainedAt().toString());
    ObjectNode teams = node.putObject("team_rows");
    new TreeMap<>(s.teamRows()).forEach(teams::put);
    return node;
  }

  private static TrainingSummary summary(JsonNode node) {
    Map<String, Integer> teams = new HashMap<>();
    required(node, "team_rows").fields().forEachRemaining(e -> teams.put(e.getKey(), e.getValue().intValue()));
    return new TrainingSummary(required(node, "rows").intValue(), required(node, "won").intValue(),
        instant(node.get("from")), instant(node.get("to")), Instant.parse(required(node, "trained_at").asText()),
        teams);
  }

  private static @Nullable Instant instant(@Nullable JsonNode node) {
    return node == null || node.isNull() ? null : Instant.parse(node.asText());
  }

  private static ObjectNode encoding(FeatureEncoding encoding) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("field", encoding.field());
    if (encoding instanceof FeatureEncoding.Levels levels) {
      ArrayNode array = node.putArray("levels");
      levels.levels().forEach(array::add);
    } else if (encoding instanceof FeatureEncoding.Bins bins) {
      ArrayNode array = node.putArray("edges");
      for (double edge : bins.edges()) {
        array.add(edge);
      }
    } else {
      FeatureEncoding.Standardised s = (FeatureEncoding.Standardised) encoding;
      node.put("mean", s.mean());
      node.put("sd", s.sd());
    }
    return node;
  }

  private static FeatureEncoding encoding(JsonNode node) {
    String field = required(node, "field").asText();
    if (node.has("levels")) {
      List<String> levels = new ArrayList<>();
      node.get("levels").forEach(l -> levels.add(l.asText()));
      return FeatureEncoding.Levels.of(field, levels);
    }
    if (node.has("edges")) {
      double[] edges = new double[node.get("edges").size()];
      for (int i = 0; i < edges.length; i++) {
        edges[i] = node.get("edges").get(i).doubleValue();
      }
      return new FeatureEncoding.Bins(field, edges);
    }
    return new FeatureEncoding.Standardised(field, required(node, "mean").doubleValue(),
        required(node, "sd").doubleValue());
  }

  private static ObjectNode table(Estimator estimator) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("rows", estimator.rows());
    node.put("won", estimator.won());
    if (estimator instanceof NaiveBayesTable nb) {
      node.put("smoothing", nb.smoothing());
      node.put("a", nb.a());
      node.put("b", nb.b());
      node.set("won_counts", counts(nb.wonCounts()));
      node.set("lost_counts", counts(nb.lostCounts()));
    } else {
      LogisticWeights lr = (LogisticWeights) estimator;
      node.put("intercept", lr.intercept());
      ArrayNode weights = node.putArray("weights");
      for (double[] w : lr.weights()) {
        ArrayNode row = weights.addArray();
        for (double v : w) {
          row.add(v);
        }
      }
    }
    return node;
  }

  private static ArrayNode counts(long[][] counts) {
    ArrayNode out = MAPPER.createArrayNode();
    for (long[] row : counts) {
      ArrayNode array = out.addArray();
      for (long c : row) {
        array.add(c);
      }
    }
    return out;
  }

  private static Estimator table(JsonNode node, ModelKind kind, List<FeatureEncoding> encodings) {
    int rows = required(node, "rows").intValue();
    int won = required(node, "won").intValue();
    if (kind == ModelKind.NAIVE_BAYES) {
      return NaiveBayesTable.of(won, rows - won, counts(required(node, "won_counts")),
          counts(required(node, "lost_counts")), required(node, "smoothing").doubleValue(),
          required(node, "a").doubleValue(), required(node, "b").doubleValue());
    }
    JsonNode weightsNode = required(node, "weights");
    double[][] weights = new double[weightsNode.size()][];
    for (int f = 0; f < weights.length; f++) {
      JsonNode row = weightsNode.get(f);
      weights[f] = new double[row.size()];
      for (int k = 0; k < row.size(); k++) {
        weights[f][k] = row.get(k).doubleValue();
      }
    }
    boolean[] numeric = new boolean[encodings.size()];
    for (int f = 0; f < numeric.length; f++) {
      numeric[f] = encodings.get(f) instanceof FeatureEncoding.Standardised;
    }
    return new LogisticWeights(rows, won, required(node, "intercept").doubleValue(), weights, numeric);
  }

  private static long[][] counts(JsonNode node) {
    long[][] out = new long[node.size()][];
    for (int f = 0; f < out.length; f++) {
      JsonNode row = node.get(f);
      out[f] = new long[row.size()];
      for (int k = 0; k < row.size(); k++) {
        out[f][k] = row.get(k).longValue();
      }
    }
    return out;
  }
}
