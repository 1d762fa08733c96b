package dev.relay.scoring;

import dev.relay.common.TeamId;
import dev.relay.fields.FieldValues;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Closed history to train a predictive model on: one row per won or lost record, with the configured features read
 * once and held as int-coded levels (categorical) or doubles (numeric), so that training and cross-validation run
 * over plain arrays. Immutable once built.
 *
 * <p>Categorical values are read as text: strings and enum options as they are, booleans {@code true}/{@code false},
 * numbers in plain notation, dates in ISO form, lists joined by {@code |}. A missing value ({@code null}) is level 0
 * of every categorical feature and {@code NaN} of every numeric one.
 */
public final class TrainingSet {
  /** The text of the missing level in factors and JSON. */
  public static final String MISSING = "(missing)";

  private final List<FeatureSpec> features;
  /** Per feature: level codes (categorical) or null. */
  private final int[][] codes;
  /** Per feature: values (numeric) or null. */
  private final double[][] numbers;
  /** Per categorical feature: the level texts by code, level 0 being {@link #MISSING}. */
  private final List<List<String>> levels;
  private final boolean[] won;
  private final long[] closedAt;
  /** Team index per row, -1 for none. */
  private final int[] team;
  private final List<String> teams;

  private TrainingSet(List<FeatureSpec> features, int[][] codes, double[][] numbers, List<List<String>> levels,
      boolean[] won, long[] closedAt, int[] team, List<String> teams) {
    this.features = features;
    this.codes = codes;
    this.numbers = numbers;
    this.levels = levels;
    this.won = won;
    this.closedAt = closedAt;
    this.team = team;
    this.teams = teams;
  }

  /** Starts a set over these features (usually {@link PredictiveSpec#features()}). */
  public static Builder builder(List<FeatureSpec> features) {
    return new Builder(features);
  }

  public List<FeatureSpec> features() {
    return features;
  }

  /** The number of rows. */
  public int size() {
    return won.length;
  }

  /** The number of won rows. */
  public int wonCount() {
    int n = 0;
    for (boolean w : won) {
      n += w ? 1 : 0;
    }
    return n;
  }

  /** Whether row {@code row} was won. */
  public boolean won(int row) {
    return won[row];
  }

  /** The rows in {@code rows}, in that order (for folds and per-team subsets). */
  TrainingSet subset(int[] rows) {
    int[][] c = new int[codes.length][];
    double[][] x = new double[numbers.length][];
    for (int f = 0; f < features.size(); f++) {
      if (codes[f] != null) {
        c[f] = pick(codes[f], rows);
      } else {
        x[f] = pick(numbers[f], rows);
      }
    }
    boolean[] w = new boolean[rows.length];
    long[] t = new long[rows.length];
    int[] tm = new int[rows.length];
    for (int i = 0; i < rows.length; i++) {
      w[i] = won[rows[i]];
      t[i] = closedAt[rows[i]];
      tm[i] = team[rows[i]];
    }
    return new TrainingSet(features, c, x, levels, w, t, tm, teams);
  }

  int @Nullable [] codes(int feature) {
    return codes[feature];
  }

  double @Nullable [] numbers(int feature) {
    return numbers[feature];
  }

  List<String> levels(int feature) {
    return levels.get(feature);
  }

  boolean[] outcomes() {
    return won;
  }

  long[] closedAtMillis() {
    return closedAt;
  }

  int[] teamIndexes() {
    return team;
  }

  List<String> teamNames() {
    return teams;
  }

  private static int[] pick(int[] from, int[] rows) {
    int[] out = new int[rows.length];
    for (int i = 0; i < rows.length; i++) {
      out[i] = from[rows[i]];
    }
    return out;
  }

  private static double[] pick(double[] from, int[] rows) {
    double[] out = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      out[i] = from[rows[i]];
    }
    return out;
  }

  /** The categorical text of a value, or {@code null} when missing. */
  static @Nullable String levelOf(@Nullable Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof BigDecimal d) {
      return d.stripTrailingZeros().toPlainString();
    }
    if (value instanceof List<?> list) {
      return String.join("|", list.stream().map(String::valueOf).toList());
    }
    return value.toString();
  }

  /**
   * The numeric value of a field value, {@code NaN} when missing.
   *
   * @throws IllegalArgumentException if the value is neither missing nor a number
   */
  static double numberOf(String field, @Nullable Object value) {
    if (value == null) {
      return Double.NaN;
    }
    if (value instanceof Number n) {
      return n.doubleValue();
    }
    throw new IllegalArgumentException("feature '" + field + "' is numeric, got " + value.getClass().getSimpleName()
        + " " + value);
  }

  /** Adds rows; each is read once through the features. Not thread-safe. */
  public static final class Builder {
    private final List<FeatureSpec> features;
    private final List<Map<String, Integer>> dictionaries = new ArrayList<>();
    private final List<List<String>> levels = new ArrayList<>();
    private final int[][] codes;
    private final double[][] numbers;
    private boolean[] won = new boolean[64];
    private long[] closedAt = new long[64];
    private int[] team = new int[64];
    private final Map<String, Integer> teamIndex = new HashMap<>();
    private final List<String> teams = new ArrayList<>();
    private int size;

    private Builder(List<FeatureSpec> features) {
      this.features = List.copyOf(features);
      if (this.features.isEmpty()) {
        throw new IllegalArgumentException("a training set needs at least one feature");
      }
      codes = new int[this.features.size()][];
      numbers = new double[this.features.size()][];
      for (int f = 0; f < this.features.size(); f++) {
        Map<String, Integer> dictionary = new HashMap<>();
        List<String> names = new ArrayList<>();
        names.add(MISSING);
        dictionaries.add(dictionary);
        levels.add(names);
        if (this.features.get(f) instanceof FeatureSpec.Categorical) {
          codes[f] = new int[64];
        } else {
          numbers[f] = new double[64];
        }
      }
    }

    /**
     * Adds one closed record.
     *
     * @param team the team that worked it, for per-team models, or {@code null}
     * @throws IllegalArgumentException if a numeric feature holds something other than a number
     */
    public Builder add(FieldValues record, boolean won, Instant closedAt, @Nullable TeamId team) {
      return add(record::get, won, closedAt, team);
    }

    /** Adds one closed record given as field values by name (for history kept outside Relay). */
    public Builder add(Map<String, ?> values, boolean won, Instant closedAt, @Nullable TeamId team) {
      return add(values::get, won, closedAt, team);
    }

    private Builder add(Function<String, @Nullable Object> values, boolean isWon, Instant at,
        @Nullable TeamId teamId) {
      Objects.requireNonNull(at, "closedAt");
      grow();
      for (int f = 0; f < features.size(); f++) {
        FeatureSpec feature = features.get(f);
        Object value = values.apply(feature.field());
        if (codes[f] != null) {
          String level = levelOf(value);
          codes[f][size] = level == null ? 0 : code(f, level);
        } else {
          numbers[f][size] = numberOf(feature.field(), value);
        }
      }
      won[size] = isWon;
      closedAt[size] = at.toEpochMilli();
      team[size] = teamId == null ? -1 : teamIndex.computeIfAbsent(teamId.value(), k -> {
        teams.add(k);
        return teams.size() - 1;
      });
      size++;
      return this;
    }

    private int code(int feature, String level) {
      Map<String, Integer> dictionary = dictionaries.get(feature);
      Integer code = dictionary.get(level);
      if (code == null) {
        code = levels.get(feature).size();
        dictionary.put(level, code);
        levels.get(feature).add(level);
      }
      return code;
    }

    private void grow() {
      if (size < won.length) {
        return;
      }
      int n = won.length * 2;
      won = Arrays.copyOf(won, n);
      closedAt = Arrays.copyOf(closedAt, n);
      team = Arrays.copyOf(team, n);
      for (int f = 0; f < features.size(); f++) {
        if (codes[f] != null) {
          codes[f] = Arrays.copyOf(codes[f], n);
        } else {
          numbers[f] = Arrays.copyOf(numbers[f], n);
        }
      }
    }

    public TrainingSet build() {
      int[][] c = new int[features.size()][];
      double[][] x = new double[features.size()][];
      List<List<String>> names = new ArrayList<>();
      for (int f = 0; f < features.size(); f++) {
        c[f] = codes[f] == null ? null : Arrays.copyOf(codes[f], size);
        x[f] = numbers[f] == null ? null : Arrays.copyOf(numbers[f], size);
        names.add(List.copyOf(levels.get(f)));
      }
      return new TrainingSet(features, c, x, List.copyOf(names), Arrays.copyOf(won, size),
          Arrays.copyOf(closedAt, size), Arrays.copyOf(team, size), List.copyOf(teams));
    }
  }
}
