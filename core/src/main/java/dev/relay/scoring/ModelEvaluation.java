package dev.relay.scoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * How well predicted probabilities match what happened, on a host's own history: ROC AUC (how well the model ranks won
 * above lost), log loss (how good the probabilities are), a calibration table (predicted against observed won rates
 * in ten probability bands) and lift by decile (the won rate of each tenth of records, best-scored first, against the
 * overall rate). {@link #crossValidate} trains and measures on k stratified folds.
 *
 * @param count the records measured
 * @param won how many were won
 * @param auc ROC AUC in [0, 1] (ties count half); 0.5 when only one outcome occurs
 * @param logLoss mean negative log-likelihood, probabilities clipped to [1e-15, 1 − 1e-15]
 * @param calibration the ten bands [0, 0.1), …, [0.9, 1], empty bands left out
 * @param lift the ten deciles, highest probabilities first
 */
public record ModelEvaluation(int count, int won, double auc, double logLoss, List<CalibrationBand> calibration,
    List<Decile> lift) {
  public ModelEvaluation {
    calibration = List.copyOf(calibration);
    lift = List.copyOf(lift);
  }

  /**
   * One probability band.
   *
   * @param from the band's lower bound
   * @param to the band's upper bound
   * @param count records predicted in the band
   * @param meanPredicted their mean predicted probability
   * @param observed their observed won rate
   */
  public record CalibrationBand(double from, double to, int count, double meanPredicted, double observed) {}

  /**
   * One tenth of the records by predicted probability.
   *
   * @param decile 1 for the best-scored tenth, 10 for the worst
   * @param count records in it
   * @param wonRate its observed won rate
   * @param lift its won rate over the overall won rate
   */
  public record Decile(int decile, int count, double wonRate, double lift) {}

  /**
   * Measures probabilities against outcomes.
   *
   * @throws IllegalArgumentException if the arrays differ in length, are empty, or a probability is outside [0, 1]
   */
  public static ModelEvaluation of(double[] probabilities, boolean[] outcomes) {
    Objects.requireNonNull(probabilities, "probabilities");
    Objects.requireNonNull(outcomes, "outcomes");
    int n = probabilities.length;
    if (n != outcomes.length || n == 0) {
      throw new IllegalArgumentException("expected as many outcomes as probabilities (and some), got " + n + " and "
          + outcomes.length);
    }
    for (double p : probabilities) {
      if (!(p >= 0 && p <= 1)) {
        throw new IllegalArgumentException("a probability must be in [0, 1], got " + p);
      }
    }
    int won = 0;
    double loss = 0;
    for (int i = 0; i < n; i++) {
      double p = Math.min(Math.max(probabilities[i], 1e-15), 1 - 1e-15);
      won += outcomes[i] ? 1 : 0;
      loss -= outcomes[i] ? Math.log(p) : Math.log(1 - p);
    }
    Integer[] order = new Integer[n];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, (a, b) -> Double.compare(probabilities[b], probabilities[a]));
    return new ModelEvaluation(n, won, auc(probabilities, outcomes, order, won), loss / n,
        calibration(probabilities, outcomes), lift(outcomes, order, won));
  }

  /** Mann–Whitney: the chance a random won record outranks a random lost one, ties counting half. */
  private static double auc(double[] p, boolean[] y, Integer[] descending, int won) {
    int lost = p.length - won;
    if (won == 0 || lost == 0) {
      return 0.5;
    }
    double rankSum = 0;
    int n = p.length;
    int i = 0;
    while (i < n) {
      int j = i;
      while (j + 1 < n && p[descending[j + 1]] == p[descending[i]]) {
        j++;
      }
      // Ascending ranks of positions i..j (descending order) are n - j .. n - i; ties share their mean.
      double rank = ((n - j) + (n - i)) / 2.0;
      for (int k = i; k <= j; k++) {
        if (y[descending[k]]) {
          rankSum += rank;
        }
      }
      i = j + 1;
    }
    return (rankSum - (double) won * (won + 1) / 2) / ((double) won * lost);
  }

  private static List<CalibrationBand> calibration(double[] p, boolean[] y) {
    int[] count = new int[10];
    double[] predicted = new double[10];
    int[] won = new int[10];
    for (int i = 0; i < p.length; i++) {
      int band = Math.min((int) (p[i] * 10), 9);
      count[band]++;
      predicted[band] += p[i];
      won[band] += y[i] ? 1 : 0;
    }
    List<CalibrationBand> out = new ArrayList<>();
    for (int b = 0; b < 10; b++) {
      if (count[b] > 0) {
        out.add(new CalibrationBand(b / 10.0, (b + 1) / 10.0, count[b], predicted[b] / count[b],
            (double) won[b] / count[b]));
      }
    }
    return out;
  }

  private static List<Decile> lift(boolean[] y, Integer[] descending, int won) {
    int n = y.length;
    double base = (double) won / n;
    List<Decile> out = new ArrayList<>();
    for (int d = 0; d < 10; d++) {
      int from = (int) ((long) n * d / 10);
      int to = (int) ((long) n * (d + 1) / 10);
      int hits = 0;
      for (int k = from; k < to; k++) {
        hits += y[descending[k]] ? 1 : 0;
      }
      int size = to - from;
      double rate = size == 0 ? 0 : (double) hits / size;
      out.add(new Decile(d + 1, size, rate, base == 0 ? 0 : rate / base));
    }
    return out;
  }

  /**
   * The result of k-fold cross-validation.
   *
   * @param folds each fold's evaluation on its held-out records
   * @param pooled one evaluation over every held-out prediction
   */
  public record CrossValidation(List<ModelEvaluation> folds, ModelEvaluation pooled) {
    public CrossValidation {
      folds = List.copyOf(folds);
      Objects.requireNonNull(pooled, "pooled");
    }

    /** The mean of the folds' AUCs. */
    public double meanAuc() {
      return folds.stream().mapToDouble(ModelEvaluation::auc).average().orElse(Double.NaN);
    }

    /** The sample standard deviation of the folds' AUCs. */
    public double aucStandardDeviation() {
      double mean = meanAuc();
      double ss = folds.stream().mapToDouble(e -> (e.auc() - mean) * (e.auc() - mean)).sum();
      return folds.size() < 2 ? 0 : Math.sqrt(ss / (folds.size() - 1));
    }
  }

  /**
   * Stratified k-fold cross-validation: won and lost records are shuffled apart (by {@code seed}) and dealt round the
   * folds so that every fold keeps the won rate; each fold is predicted by a model trained on the others, whose bins,
   * levels and means come from those others alone.
   *
   * @throws IllegalArgumentException if {@code folds < 2} or the history has fewer records than folds
   */
  public static CrossValidation crossValidate(PredictiveSpec spec, TrainingSet history, int folds, long seed) {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(history, "history");
    if (folds < 2 || history.size() < folds) {
      throw new IllegalArgumentException("cross-validation needs at least 2 folds and a record per fold, got " + folds
          + " folds over " + history.size() + " records");
    }
    int n = history.size();
    int[] fold = stratifiedFolds(history.outcomes(), folds, seed);
    List<ModelEvaluation> evaluations = new ArrayList<>();
    double[] pooled = new double[n];
    for (int k = 0; k < folds; k++) {
      int[] train = rowsWhere(fold, k, false);
      int[] test = rowsWhere(fold, k, true);
      PredictiveModel model = ModelTraining.train(spec, history.subset(train), java.time.Instant.EPOCH);
      double[] p = new double[test.length];
      boolean[] y = new boolean[test.length];
      for (int i = 0; i < test.length; i++) {
        p[i] = model.probability(history, test[i]);
        y[i] = history.won(test[i]);
        pooled[test[i]] = p[i];
      }
      evaluations.add(of(p, y));
    }
    return new CrossValidation(evaluations, of(pooled, history.outcomes().clone()));
  }

  static int[] stratifiedFolds(boolean[] y, int folds, long seed) {
    Random random = new Random(seed);
    int[] fold = new int[y.length];
    for (boolean outcome : new boolean[] {true, false}) {
      List<Integer> rows = new ArrayList<>();
      for (int i = 0; i < y.length; i++) {
        if (y[i] == outcome) {
          rows.add(i);
        }
      }
      java.util.Collections.shuffle(rows, random);
      for (int i = 0; i < rows.size(); i++) {
        fold[rows.get(i)] = i % folds;
      }
    }
    return fold;
  }

  private static int[] rowsWhere(int[] fold, int k, boolean inFold) {
    return java.util.stream.IntStream.range(0, fold.length).filter(i -> (fold[i] == k) == inFold).toArray();
  }
}
