package dev.relay.benchmarks.scoring;

import dev.relay.scoring.ModelKind;
import dev.relay.scoring.ModelTraining;
import dev.relay.scoring.PredictiveModel;
import dev.relay.scoring.PredictiveSpec;
import dev.relay.scoring.TrainingSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Naive-Bayes training time on 1,000,000 synthetic closed deals (six categorical fields of 3–12 levels, three numeric
 * fields in 10 training-set quantile bins, missing values included): {@link ModelTraining#train} — quantile edges,
 * binning, counting, Platt calibration — against the floor of any such trainer, a hand-written loop that only counts
 * won and lost per level over pre-coded arrays ({@link #countingOnly}). The history is read into a {@link
 * TrainingSet} once, outside the measurement.
 *
 * <p>Run from the repository root:
 *
 * <pre>
 * mvn -q -pl benchmarks -am package -DskipTests &amp;&amp; java -jar benchmarks/target/benchmarks.jar NaiveBayesTrainingBenchmark -f 1 -wi 2 -i 5
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class NaiveBayesTrainingBenchmark {
  static final int ROWS = 1_000_000;
  static final String[] CATEGORICAL = {"industry", "region", "source", "size", "channel", "product"};
  static final int[] LEVELS = {8, 6, 5, 4, 3, 12};
  static final String[] NUMERIC = {"amount", "employees", "age_days"};
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);

  PredictiveSpec spec;
  TrainingSet history;
  /** The same history pre-coded for the counting floor: level codes per feature (numeric ones in 10 bins). */
  int[][] codes;
  boolean[] won;

  @Setup
  public void setUp() {
    setUp(ROWS);
  }

  void setUp(int rows) {
    spec = PredictiveSpec.builder(ModelKind.NAIVE_BAYES).categorical(CATEGORICAL).quantiles(10, NUMERIC).build();
    TrainingSet.Builder set = TrainingSet.builder(spec.features());
    codes = new int[CATEGORICAL.length + NUMERIC.length][rows];
    won = new boolean[rows];
    Random random = new Random(20_260_302L);
    Instant start = Instant.parse("2024-01-01T00:00:00Z");
    for (int i = 0; i < rows; i++) {
      Map<String, Object> deal = new HashMap<>();
      double logit = -2;
      for (int f = 0; f < CATEGORICAL.length; f++) {
        int level = random.nextInt(LEVELS[f] + 1);
        codes[f][i] = level;
        if (level > 0) {
          deal.put(CATEGORICAL[f], "v" + level);
          logit += ((level * 7 + f) % 5 - 2) * 0.3;
        }
      }
      for (int f = 0; f < NUMERIC.length; f++) {
        double x = Math.exp(random.nextDouble() * 10);
        codes[CATEGORICAL.length + f][i] = (int) (x / 2_203) % 10;
        deal.put(NUMERIC[f], (long) x);
        logit += f == 0 ? Math.log(x) * 0.1 : 0;
      }
      won[i] = random.nextDouble() < 1 / (1 + Math.exp(-logit));
      set.add(deal, won[i], start.plusSeconds(i * 60L), null);
    }
    history = set.build();
  }

  @Benchmark
  public PredictiveModel relayTraining() {
    return ModelTraining.train(spec, history, CLOCK);
  }

  /** Counting won and lost per level and nothing else: no binning, smoothing, calibration or model. */
  @Benchmark
  public long[][] countingOnly() {
    long[][] counts = new long[codes.length][];
    for (int f = 0; f < codes.length; f++) {
      long[] c = new long[2 * 16];
      int[] column = codes[f];
      for (int i = 0; i < column.length; i++) {
        c[2 * column[i] + (won[i] ? 1 : 0)]++;
      }
      counts[f] = c;
    }
    return counts;
  }
}
