package dev.relay.scoring;

import dev.relay.common.TeamId;
import dev.relay.fields.FieldValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A predictive model trained on won/lost history by {@link ModelTraining}: an immutable value that predicts a
 * calibrated win probability for a record with the factors behind it. It holds the encodings of its features (levels,
 * bin edges, means), the all-teams table, one table per team with enough history, and a summary of what it was
 * trained on. {@link PredictiveModelJson} writes and reads it; two models are equal when their JSON forms are.
 *
 * <p>A record of a team with its own table is predicted by that table; of another team, or of none, by the all-teams
 * table; and when the whole history was below the minimum, by the prior (the smoothed won rate) alone.
 */
public final class PredictiveModel {
  private final PredictiveSpec spec;
  private final TrainingSummary summary;
  private final List<FeatureEncoding> encodings;
  private final @Nullable Estimator all;
  private final Map<String, Estimator> teams;
  private final double priorLogOdds;

  PredictiveModel(PredictiveSpec spec, TrainingSummary summary, List<FeatureEncoding> encodings,
      @Nullable Estimator all, Map<String, Estimator> teams, double priorLogOdds) {
    this.spec = Objects.requireNonNull(spec, "spec");
    this.summary = Objects.requireNonNull(summary, "summary");
    this.encodings = List.copyOf(encodings);
    this.all = all;
    this.teams = Map.copyOf(teams);
    this.priorLogOdds = priorLogOdds;
  }

  public PredictiveSpec spec() {
    return spec;
  }

  public ModelKind kind() {
    return spec.kind();
  }

  public TrainingSummary summary() {
    return summary;
  }

  /** Whether the history was long enough for a model over all teams (otherwise every prediction is the prior). */
  public boolean hasModel() {
    return all != null;
  }

  /** The teams with a model of their own. */
  public java.util.Set<String> teams() {
    return teams.keySet();
  }

  List<FeatureEncoding> encodings() {
    return encodings;
  }

  @Nullable Estimator all() {
    return all;
  }

  Map<String, Estimator> teamEstimators() {
    return teams;
  }

  double priorLogOdds() {
    return priorLogOdds;
  }

  /**
   * Predicts a record of the subject's kind.
   *
   * @param team the team working it, or {@code null}
   * @throws IllegalArgumentException if a numeric feature holds something other than a number
   */
  public Prediction predict(FieldValues record, @Nullable TeamId team) {
    return predict(record::get, team);
  }

  /** Predicts a record given as field values by name. */
  public Prediction predict(Map<String, ?> values, @Nullable TeamId team) {
    return predict(values::get, team);
  }

  private Prediction predict(Function<String, @Nullable Object> values, @Nullable TeamId team) {
    Estimator estimator = team == null ? null : teams.get(team.value());
    Prediction.Basis basis = Prediction.Basis.TEAM;
    if (estimator == null) {
      estimator = all;
      basis = Prediction.Basis.ALL_TEAMS;
    }
    if (estimator == null) {
      return new Prediction(Prediction.sigmoid(priorLogOdds), priorLogOdds, priorLogOdds, Prediction.Basis.PRIOR,
          List.of(), spec.topFactors());
    }
    List<Factor> factors = new ArrayList<>(encodings.size());
    double logOdds = estimator.base();
    for (int f = 0; f < encodings.size(); f++) {
      FeatureEncoding encoding = encodings.get(f);
      Object value = values.apply(encoding.field());
      int code = encoding.code(value);
      double c = estimator.contribution(f, code, encoding.z(value));
      logOdds += c;
      factors.add(new Factor(encoding.field(), encoding.text(code, value), c));
    }
    return new Prediction(Prediction.sigmoid(logOdds), logOdds, estimator.base(), basis, factors,
        spec.topFactors());
  }

  /** The probability of row {@code row} of an encoded set, without building factors (for evaluation). */
  double probability(TrainingSet set, int row) {
    int t = set.teamIndexes()[row];
    Estimator estimator = t < 0 ? null : teams.get(set.teamNames().get(t));
    if (estimator == null) {
      estimator = all;
    }
    if (estimator == null) {
      return Prediction.sigmoid(priorLogOdds);
    }
    double logOdds = estimator.base();
    for (int f = 0; f < encodings.size(); f++) {
      int[] codes = set.codes(f);
      FeatureEncoding encoding = encodings.get(f);
      if (codes != null) {
        logOdds += estimator.contribution(f, codes[row], 0);
      } else {
        double x = set.numbers(f)[row];
        if (encoding instanceof FeatureEncoding.Bins bins) {
          logOdds += estimator.contribution(f, bins.binCode(x), 0);
        } else {
          FeatureEncoding.Standardised s = (FeatureEncoding.Standardised) encoding;
          logOdds += estimator.contribution(f, Double.isNaN(x) ? 0 : 1, s.z(x));
        }
      }
    }
    return Prediction.sigmoid(logOdds);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PredictiveModel other
        && PredictiveModelJson.write(this).equals(PredictiveModelJson.write(other));
  }

  @Override
  public int hashCode() {
    return PredictiveModelJson.write(this).hashCode();
  }

  @Override
  public String toString() {
    return "PredictiveModel[" + spec.kind().jsonName() + ", " + summary.rows() + " rows, " + summary.won() + " won, "
        + (all == null ? "prior only" : teams.size() + " team models") + "]";
  }
}
