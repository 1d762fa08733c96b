package dev.relay.scoring;

import dev.relay.common.Problem;
import dev.relay.common.ValidationException;
import dev.relay.criteria.CompiledCriteria;
import dev.relay.criteria.Criteria;
import dev.relay.criteria.Operator;
import dev.relay.fields.FieldDefinition;
import dev.relay.fields.FieldType;
import dev.relay.criteria.CriteriaCompiler;
import dev.relay.criteria.CriteriaText;
import dev.relay.fields.FieldSchema;
import dev.relay.fields.FieldValues;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A scoring model's rules compiled against the subject's field schema: {@link #points} computes the rule score
 * without building an explanation, {@link #score} builds the explanation too; both give the same number.
 * Immutable and thread-safe.
 *
 * <p>Within a group the rules' points add up and the group's cap clips the sum from above; the groups add up and the
 * model's cap clips the total. An engagement rule counts the matching engagements that happened at or before "now"
 * with a positive weight under its window, the most recent {@code maxCount} of them, each worth {@code points ×
 * weight}.
 */
public final class RuleScorer {
  private final ScoringModel model;
  private final FieldSchema schema;
  private final Group[] groups;
  private final double cap;

  private RuleScorer(ScoringModel model, FieldSchema schema, Group[] groups) {
    this.model = model;
    this.schema = schema;
    this.groups = groups;
    this.cap = model.cap() == null ? Double.POSITIVE_INFINITY : model.cap();
  }

  /**
   * Compiles the model's rules.
   *
   * @throws ValidationException listing every criteria problem with its path ({@code groups[0].rules[1].when…}) and
   *     any rule of the wrong kind for its group
   */
  public static RuleScorer compile(ScoringModel model, FieldSchema schema) {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(schema, "schema");
    List<Problem> problems = new ArrayList<>();
    Group[] groups = new Group[model.groups().size()];
    for (int g = 0; g < groups.length; g++) {
      groups[g] = group(model.groups().get(g), "groups[" + g + "]", schema, problems);
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
    return new RuleScorer(model, schema, groups);
  }

  private static Group group(RuleGroup group, String groupPath, FieldSchema schema,
      List<Problem> problems) {
    int n = group.rules().size();
    CompiledCriteria[] criteria = new CompiledCriteria[n];
    double[] points = new double[n];
    List<Integer> tested = new ArrayList<>();
    Map<String, Map<Object, Double>> indexed = new LinkedHashMap<>();
    Map<String, List<Threshold>> ladders = new LinkedHashMap<>();
    Map<String, List<Integer>> bySignal = new LinkedHashMap<>();
    long[] frameMillis = new long[n];
    double[] decayRate = new double[n];
    int[] offset = new int[n];
    int[] maxCount = new int[n];
    int scratch = 0;
    for (int r = 0; r < n; r++) {
      ScoringRule rule = group.rules().get(r);
      String path = groupPath + ".rules[" + r + "]";
      points[r] = rule.points();
      if (rule instanceof ScoringRule.FitRule fit) {
        if (group.dimension() != Dimension.FIT) {
          problems.add(new Problem(path, "a fit rule cannot be in an engagement group"));
          continue;
        }
        try {
          criteria[r] = CriteriaCompiler.compile(fit.when(), schema, path + ".when");
        } catch (ValidationException e) {
          problems.addAll(e.problems());
          continue;
        }
        List<Object> values = equalityValues(fit.when(), schema);
        Threshold threshold = threshold(fit.when(), schema, fit.points());
        if (values != null) {
          Map<Object, Double> index = indexed.computeIfAbsent(((Criteria.Condition) fit.when()).field(),
              f -> new HashMap<>());
          for (Object v : values) {
            index.merge(v, fit.points(), Double::sum);
          }
        } else if (threshold != null) {
          ladders.computeIfAbsent(((Criteria.Condition) fit.when()).field(), f -> new ArrayList<>()).add(threshold);
        } else {
          tested.add(r);
        }
        continue;
      }
      ScoringRule.EngagementRule engagement = (ScoringRule.EngagementRule) rule;
      if (group.dimension() != Dimension.ENGAGEMENT) {
        problems.add(new Problem(path, "an engagement rule cannot be in a fit group"));
        continue;
      }
      for (String signal : engagement.signals()) {
        bySignal.computeIfAbsent(signal, k -> new ArrayList<>()).add(r);
      }
      if (engagement.window() instanceof EngagementWindow.Within within) {
        frameMillis[r] = within.frame().toMillis();
      } else {
        frameMillis[r] = -1;
        decayRate[r] = EngagementWindow.HalfLife.rate(((EngagementWindow.HalfLife) engagement.window()).halfLife());
      }
      offset[r] = scratch;
      maxCount[r] = engagement.maxCount();
      scratch += engagement.maxCount();
    }
    List<FieldIndex> indexes = new ArrayList<>();
    indexed.forEach((field, map) -> indexes.add(new FieldIndex(schema, schema.slotOf(field), field, Map.copyOf(map))));
    List<Ladder> ladderList = new ArrayList<>();
    ladders.forEach((field, steps) -> ladderList.add(Ladder.of(schema, field, steps)));
    // A plain HashMap, never changed after this: its lookups are cheaper than those of Map.copyOf's table.
    Map<String, int[]> rulesBySignal = new HashMap<>();
    bySignal.forEach((signal, rules) -> rulesBySignal.put(signal, rules.stream().distinct()
        .mapToInt(Integer::intValue).toArray()));
    String[] texts = new String[n];
    for (int r = 0; r < n; r++) {
      if (criteria[r] != null) {
        texts[r] = CriteriaText.render(criteria[r].source());
      }
    }
    return new Group(group, criteria, points, tested.stream().mapToInt(Integer::intValue).toArray(),
        indexes.toArray(FieldIndex[]::new), ladderList.toArray(Ladder[]::new), rulesBySignal, frameMillis, decayRate,
        offset, maxCount, scratch, texts);
  }

  /**
   * The values a fit rule's criteria accept when they are one {@code eq} or {@code in} on a string, enum or boolean
   * field (whose values compare by {@code equals}), or {@code null} when they are anything else.
   */
  private static @Nullable List<Object> equalityValues(Criteria when, FieldSchema schema) {
    if (!(when instanceof Criteria.Condition c) || (c.op() != Operator.EQ && c.op() != Operator.IN)) {
      return null;
    }
    FieldType type = schema.field(c.field()).map(FieldDefinition::type).orElse(null);
    if (type != FieldType.STRING && type != FieldType.ENUM && type != FieldType.BOOLEAN) {
      return null;
    }
    List<?> values = c.value() instanceof List<?> list ? list : java.util.Collections.singletonList(c.value());
    return values.stream().<Object>map(v -> v).distinct().toList();
  }

  /**
   * The comparison of a fit rule whose criteria are one {@code gt}, {@code gte}, {@code lt} or {@code lte} on an
   * integer field (with an integral operand) or a decimal field, or {@code null} when they are anything else.
   */
  private static @Nullable Threshold threshold(Criteria when, FieldSchema schema, double points) {
    if (!(when instanceof Criteria.Condition c) || !(c.value() instanceof Number operand)) {
      return null;
    }
    int op = switch (c.op()) {
      case GT -> Threshold.GT;
      case GTE -> Threshold.GTE;
      case LT -> Threshold.LT;
      case LTE -> Threshold.LTE;
      default -> -1;
    };
    FieldType type = schema.field(c.field()).map(FieldDefinition::type).orElse(null);
    if (op < 0 || (type != FieldType.INTEGER && type != FieldType.DECIMAL)
        || (type == FieldType.INTEGER && !(operand instanceof Long))) {
      return null;
    }
    BigDecimal decimal = operand instanceof BigDecimal d ? d : BigDecimal.valueOf(operand.longValue());
    return new Threshold(op, operand.longValue(), decimal, points);
  }

  public ScoringModel model() {
    return model;
  }

  public FieldSchema schema() {
    return schema;
  }

  /** The rule score alone (no explanation). */
  public double points(FieldValues record, List<Engagement> engagements, Instant now) {
    double total = 0;
    for (Group group : groups) {
      total += group.capped(group.raw(record, engagements, now));
    }
    return Math.min(total, cap);
  }

  /** The rule score with its fit and engagement parts and every contribution. */
  public RuleScore score(FieldValues record, List<Engagement> engagements, Instant now) {
    Objects.requireNonNull(record, "record");
    Objects.requireNonNull(engagements, "engagements");
    Objects.requireNonNull(now, "now");
    List<Contribution> lines = new ArrayList<>();
    double total = 0;
    double fit = 0;
    double engagement = 0;
    for (Group group : groups) {
      double raw = group.explain(record, engagements, now, lines);
      double capped = group.capped(raw);
      if (capped != raw) {
        lines.add(new Contribution(Contribution.Kind.GROUP_CAP, group.source.key(),
            "capped at " + RuleScore.format(capped) + " (" + RuleScore.format(raw) + " before)", capped - raw));
      }
      total += capped;
      if (group.source.dimension() == Dimension.FIT) {
        fit += capped;
      } else {
        engagement += capped;
      }
    }
    double score = Math.min(total, cap);
    if (score != total) {
      lines.add(new Contribution(Contribution.Kind.MODEL_CAP, model.key(),
          "capped at " + RuleScore.format(score) + " (" + RuleScore.format(total) + " before)", score - total));
    }
    return new RuleScore(score, fit, engagement, lines);
  }

  /**
   * One compiled group. Fit rules that are a single {@code eq} or {@code in} on a string or enum field share one
   * lookup per field (value → the summed points of those rules), so ten industry rules cost one hash lookup; the other
   * fit rules are tested one by one. Engagement rules are served by one pass over the engagements: each signal maps to
   * the rules that count it, and each rule keeps its {@code maxCount} heaviest (most recent) weights in a slice of one
   * scratch array.
   */
  private static final class Group {
    final RuleGroup source;
    final @Nullable CompiledCriteria[] criteria;
    final double[] points;
    /** The fit rules not served by an index, in rule order. */
    final int[] tested;
    final FieldIndex[] indexes;
    final Ladder[] ladders;
    /** Per signal, the engagement rules counting it. */
    final Map<String, int[]> rulesBySignal;
    /** Per engagement rule: the time frame in millis, or -1 for a half-life. */
    final long[] frameMillis;
    /** Per engagement rule: ln 2 / half-life in millis (decay rate), or 0 for a time frame. */
    final double[] decayRate;
    /** Per engagement rule: its slice of the scratch array. */
    final int[] offset;
    final int[] maxCount;
    final int scratchSize;
    /** Per fit rule, its criteria in words (rendered once, for explanations). */
    final @Nullable String[] texts;
    /** The engagement rules, in rule order. */
    final int[] engagementRules;
    final double cap;

    Group(RuleGroup source, @Nullable CompiledCriteria[] criteria, double[] points, int[] tested,
        FieldIndex[] indexes, Ladder[] ladders, Map<String, int[]> rulesBySignal, long[] frameMillis,
        double[] decayRate, int[] offset, int[] maxCount, int scratchSize, @Nullable String[] texts) {
      this.source = source;
      this.criteria = criteria;
      this.points = points;
      this.tested = tested;
      this.indexes = indexes;
      this.ladders = ladders;
      this.rulesBySignal = rulesBySignal;
      this.frameMillis = frameMillis;
      this.decayRate = decayRate;
      this.offset = offset;
      this.maxCount = maxCount;
      this.scratchSize = scratchSize;
      this.texts = texts;
      this.engagementRules = java.util.stream.IntStream.range(0, points.length).filter(r -> criteria[r] == null
          && source.rules().get(r) instanceof ScoringRule.EngagementRule).toArray();
      this.cap = source.cap() == null ? Double.POSITIVE_INFINITY : source.cap();
    }

    double capped(double raw) {
      return Math.min(raw, cap);
    }

    double raw(FieldValues record, List<Engagement> engagements, Instant now) {
      double sum = 0;
      for (FieldIndex index : indexes) {
        sum += index.points(record);
      }
      for (Ladder ladder : ladders) {
        sum += ladder.points(record);
      }
      for (int r : tested) {
        if (criteria[r].test(record)) {
          sum += points[r];
        }
      }
      if (scratchSize > 0 && !engagements.isEmpty()) {
        double[] weights = weigh(engagements, now);
        for (int r : engagementRules) {
          double w = 0;
          for (int k = offset[r], end = k + maxCount[r]; k < end; k++) {
            w += weights[k];
          }
          sum += points[r] * w;
        }
      }
      return sum;
    }

    double explain(FieldValues record, List<Engagement> engagements, Instant now, List<Contribution> out) {
      double sum = 0;
      double[] weights = scratchSize > 0 ? weigh(engagements, now) : new double[0];
      for (int r = 0; r < points.length; r++) {
        ScoringRule rule = source.rules().get(r);
        String path = source.key() + "." + rule.key();
        CompiledCriteria c = criteria[r];
        if (c != null) {
          if (c.test(record)) {
            sum += points[r];
            out.add(new Contribution(Contribution.Kind.RULE, path, texts[r], points[r]));
          }
          continue;
        }
        int counted = 0;
        double weight = 0;
        for (int k = offset[r], end = k + maxCount[r]; k < end; k++) {
          counted += weights[k] > 0 ? 1 : 0;
          weight += weights[k];
        }
        if (counted > 0) {
          double p = points[r] * weight;
          sum += p;
          out.add(new Contribution(Contribution.Kind.RULE, path,
              engagementText((ScoringRule.EngagementRule) rule, counted, weight), p));
        }
      }
      return sum;
    }

    /**
     * One pass over the engagements: for each rule counting an engagement's signal, its weight joins the rule's slice
     * when it beats the lightest weight there. Empty slots hold 0 and every counted weight is positive, so a slice
     * ends up holding the rule's {@code maxCount} heaviest weights, which are its most recent engagements.
     */
    private double[] weigh(List<Engagement> engagements, Instant now) {
      double[] weights = new double[scratchSize];
      long nowMillis = now.toEpochMilli();
      for (int i = 0, size = engagements.size(); i < size; i++) {
        Engagement e = engagements.get(i);
        int[] rules = rulesBySignal.get(e.signal());
        if (rules == null) {
          continue;
        }
        long age = nowMillis - e.at().toEpochMilli();
        if (age < 0) {
          continue;
        }
        for (int r : rules) {
          double w = frameMillis[r] >= 0 ? (age < frameMillis[r] ? 1.0 : 0.0) : Math.exp(-decayRate[r] * age);
          if (w <= 0) {
            continue;
          }
          int lightest = offset[r];
          for (int k = lightest + 1, end = offset[r] + maxCount[r]; k < end; k++) {
            if (weights[k] < weights[lightest]) {
              lightest = k;
            }
          }
          if (w > weights[lightest]) {
            weights[lightest] = w;
          }
        }
      }
      return weights;
    }

    private String engagementText(ScoringRule.EngagementRule rule, int counted, double weight) {
      String signals = rule.signals().size() == 1 ? rule.signals().get(0) : String.join("/", rule.signals());
      String base = counted + " × " + signals;
      if (rule.window() instanceof EngagementWindow.Within within) {
        return base + " within " + within.frame() + " × " + RuleScore.format(rule.points());
      }
      EngagementWindow.HalfLife halfLife = (EngagementWindow.HalfLife) rule.window();
      return base + " decayed (half-life " + halfLife.halfLife() + ") to " + RuleScore.format(weight) + " × "
          + RuleScore.format(rule.points());
    }
  }

  /**
   * The fit rules of a group that test one string or enum field for equality ({@code eq} or {@code in}), as one
   * lookup from the field's value to the sum of their points. A missing value matches none of them, as in the
   * criteria. Records of another schema (an older playbook version) are read by name.
   */
  private record FieldIndex(FieldSchema schema, int slot, String field, Map<Object, Double> points) {
    double points(FieldValues record) {
      Object value = record.schema() == schema ? record.valueAt(slot) : record.get(field);
      if (value == null) {
        return 0;
      }
      Double p = points.get(value);
      return p == null ? 0 : p;
    }
  }

  /** One comparison of a numeric field with an operand, worth points. */
  private record Threshold(int op, long longOperand, BigDecimal decimalOperand, double points) {
    static final int GT = 0;
    static final int GTE = 1;
    static final int LT = 2;
    static final int LTE = 3;

    boolean holds(int comparison) {
      return switch (op) {
        case GT -> comparison > 0;
        case GTE -> comparison >= 0;
        case LT -> comparison < 0;
        default -> comparison <= 0;
      };
    }
  }

  /**
   * The fit rules of a group that compare one integer or decimal field with a number ({@code employees gte 1000}),
   * read once and compared in a loop: integers as {@code long}, decimals by {@code compareTo}, as the criteria
   * compare them. A missing value meets none of them.
   */
  private record Ladder(FieldSchema schema, int slot, String field, boolean decimal, Threshold[] steps) {
    static Ladder of(FieldSchema schema, String field, List<Threshold> steps) {
      boolean decimal = schema.field(field).orElseThrow().type() == FieldType.DECIMAL;
      return new Ladder(schema, schema.slotOf(field), field, decimal, steps.toArray(Threshold[]::new));
    }

    double points(FieldValues record) {
      Object value = record.schema() == schema ? record.valueAt(slot) : record.get(field);
      if (value == null) {
        return 0;
      }
      double sum = 0;
      if (decimal) {
        // A record of an older schema may hold an integer where the field is now a decimal.
        BigDecimal v = value instanceof BigDecimal d ? d : value instanceof Long l ? BigDecimal.valueOf(l) : null;
        if (v == null) {
          return 0;
        }
        for (Threshold t : steps) {
          if (t.holds(v.compareTo(t.decimalOperand()))) {
            sum += t.points();
          }
        }
      } else {
        if (!(value instanceof Long)) {
          return 0;
        }
        long v = (Long) value;
        for (Threshold t : steps) {
          if (t.holds(Long.compare(v, t.longOperand()))) {
            sum += t.points();
          }
        }
      }
      return sum;
    }
  }
}
