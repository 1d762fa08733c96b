package dev.relay.scoring;

import dev.relay.common.Problem;
import dev.relay.common.ValidationException;
import dev.relay.criteria.CompiledCriteria;
import dev.relay.criteria.CriteriaCompiler;
import dev.relay.criteria.CriteriaText;
import dev.relay.fields.FieldSchema;
import dev.relay.fields.FieldValues;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
      RuleGroup group = model.groups().get(g);
      int n = group.rules().size();
      Group compiled = new Group(group, new CompiledCriteria[n], new double[n], new String[n][], new int[n],
          new EngagementWindow[n]);
      for (int r = 0; r < n; r++) {
        ScoringRule rule = group.rules().get(r);
        String path = "groups[" + g + "].rules[" + r + "]";
        compiled.points[r] = rule.points();
        if (rule instanceof ScoringRule.FitRule fit) {
          if (group.dimension() != Dimension.FIT) {
            problems.add(new Problem(path, "a fit rule cannot be in an engagement group"));
            continue;
          }
          try {
            compiled.criteria[r] = CriteriaCompiler.compile(fit.when(), schema, path + ".when");
          } catch (ValidationException e) {
            problems.addAll(e.problems());
          }
        } else {
          ScoringRule.EngagementRule engagement = (ScoringRule.EngagementRule) rule;
          if (group.dimension() != Dimension.ENGAGEMENT) {
            problems.add(new Problem(path, "an engagement rule cannot be in a fit group"));
            continue;
          }
          compiled.signals[r] = engagement.signals().toArray(String[]::new);
          compiled.maxCount[r] = engagement.maxCount();
          compiled.windows[r] = engagement.window();
        }
      }
      groups[g] = compiled;
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
    return new RuleScorer(model, schema, groups);
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

  /** One compiled group; per rule either criteria (fit) or signal codes, a count limit and a window (engagement). */
  private record Group(RuleGroup source, @Nullable CompiledCriteria[] criteria, double[] points, String[][] signals,
      int[] maxCount, @Nullable EngagementWindow[] windows) {

    double capped(double raw) {
      Double cap = source.cap();
      return cap != null && raw > cap ? cap : raw;
    }

    double raw(FieldValues record, List<Engagement> engagements, Instant now) {
      double sum = 0;
      for (int r = 0; r < points.length; r++) {
        CompiledCriteria c = criteria[r];
        if (c != null) {
          if (c.test(record)) {
            sum += points[r];
          }
        } else {
          sum += points[r] * weight(r, engagements, now, null);
        }
      }
      return sum;
    }

    double explain(FieldValues record, List<Engagement> engagements, Instant now, List<Contribution> out) {
      double sum = 0;
      for (int r = 0; r < points.length; r++) {
        ScoringRule rule = source.rules().get(r);
        String path = source.key() + "." + rule.key();
        CompiledCriteria c = criteria[r];
        if (c != null) {
          if (c.test(record)) {
            sum += points[r];
            out.add(new Contribution(Contribution.Kind.RULE, path, CriteriaText.render(c.source()), points[r]));
          }
          continue;
        }
        int[] counted = new int[1];
        double weight = weight(r, engagements, now, counted);
        if (counted[0] > 0) {
          double p = points[r] * weight;
          sum += p;
          out.add(new Contribution(Contribution.Kind.RULE, path,
              engagementText((ScoringRule.EngagementRule) rule, counted[0], weight), p));
        }
      }
      return sum;
    }

    /**
     * The summed weights of the most recent {@code maxCount} matching engagements; counts them into {@code counted}
     * when given. Weights never grow with age, so the most recent are the heaviest.
     */
    private double weight(int r, List<Engagement> engagements, Instant now, int @Nullable [] counted) {
      String[] wanted = signals[r];
      int limit = maxCount[r];
      EngagementWindow window = windows[r];
      long nowMillis = now.toEpochMilli();
      double @Nullable [] top = limit == 1 ? null : new double[Math.min(limit, engagements.size())];
      double best = 0;
      int n = 0;
      for (int i = 0, size = engagements.size(); i < size; i++) {
        Engagement e = engagements.get(i);
        long age = nowMillis - e.at().toEpochMilli();
        if (age < 0 || !matches(wanted, e.signal())) {
          continue;
        }
        double w = window.weight(age);
        if (w <= 0) {
          continue;
        }
        if (top == null) {
          best = Math.max(best, w);
          n = 1;
        } else if (n < top.length) {
          top[n++] = w;
        } else {
          int min = 0;
          for (int k = 1; k < n; k++) {
            if (top[k] < top[min]) {
              min = k;
            }
          }
          if (w > top[min]) {
            top[min] = w;
          }
        }
      }
      if (counted != null) {
        counted[0] = n;
      }
      if (top == null) {
        return best;
      }
      double sum = 0;
      for (int k = 0; k < n; k++) {
        sum += top[k];
      }
      return sum;
    }

    private static boolean matches(String[] names, String signal) {
      for (String name : names) {
        if (name.equals(signal)) {
          return true;
        }
      }
      return false;
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
}
