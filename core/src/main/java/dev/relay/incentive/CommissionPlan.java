package dev.relay.incentive;

import dev.relay.common.Money;
import dev.relay.common.Problem;
import dev.relay.common.ValidationException;
import dev.relay.criteria.CriteriaCompiler;
import dev.relay.fields.FieldSchema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A commission plan (提成方案): which revenue counts ({@link Measure booked or collected}), in which currency, and the
 * {@link Component components} that turn credits into pay, applied in a fixed order whatever order they are listed in:
 * rates and tiers, accelerators, SPIFFs, deal caps, decelerators, overrides, team pools, period caps, clawbacks, draws.
 *
 * @param key stable key, lower snake case
 * @param name display name
 * @param measure booked or collected
 * @param currency the currency all money of the plan is in
 * @param components the building blocks, keys unique
 */
public record CommissionPlan(String key, String name, Measure measure, Currency currency, List<Component> components) {
  /** The highest minimum attainment a conditional draw may ask for (1000% of target): beyond it is surely a typo. */
  private static final BigDecimal MAX_MIN_ATTAINMENT = BigDecimal.TEN;
  static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]{0,63}");

  public CommissionPlan {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(measure, "measure");
    Objects.requireNonNull(currency, "currency");
    components = List.copyOf(components);
  }

  public static Builder builder(String key, String currencyCode) {
    return new Builder(key, Currency.getInstance(currencyCode));
  }

  /** The components of one type, in listed order. */
  public <T extends Component> List<T> components(Class<T> type) {
    List<T> out = new ArrayList<>();
    for (Component c : components) {
      if (type.isInstance(c)) {
        out.add(type.cast(c));
      }
    }
    return out;
  }

  /** Whether the plan has a component that can lower pay as attainment rises past a threshold. */
  public boolean hasDecelerator() {
    return !components(Component.Decelerator.class).isEmpty();
  }

  /** A copy with different components, e.g. for a what-if run. */
  public CommissionPlan withComponents(List<Component> newComponents) {
    return new CommissionPlan(key, name, measure, currency, newComponents);
  }

  /**
   * Every problem of the plan, each path under {@code base} (e.g. {@code incentives.plans[0]}): key shape and clashes,
   * tiers not starting at 0 or not ascending, money in another currency, team-pool weights not totalling 1, more than
   * one cap of a kind, SPIFF criteria that do not fit the deal schema, a draw's minimum attainment missing, out of
   * [0, 10] or given on a guaranteed draw. An empty list means the plan is sound.
   *
   * @param dealSchema the schema SPIFF criteria are checked against, or {@code null} to leave them unchecked
   */
  public List<Problem> problems(String base, @Nullable FieldSchema dealSchema) {
    List<Problem> problems = new ArrayList<>();
    String prefix = base.isEmpty() ? "" : base + ".";
    if (!KEY.matcher(key).matches()) {
      problems.add(new Problem(prefix + "key", "invalid plan key '" + key + "': expected lower snake case"));
    }
    if (name.isBlank()) {
      problems.add(new Problem(prefix + "name", "must not be blank"));
    }
    Map<String, String> firstAt = new HashMap<>();
    Map<Class<?>, String> singleAt = new HashMap<>();
    for (int i = 0; i < components.size(); i++) {
      Component c = components.get(i);
      String path = prefix + "components[" + i + "]";
      if (!KEY.matcher(c.key()).matches()) {
        problems.add(new Problem(path + ".key", "invalid component key '" + c.key() + "': expected lower snake case"));
      } else {
        String first = firstAt.putIfAbsent(c.key(), path);
        if (first != null) {
          problems.add(new Problem(path + ".key", "duplicate component '" + c.key() + "' (first at " + first + ")"));
        }
      }
      if (c instanceof Component.GraduatedTiers g) {
        checkTiers(g.tiers(), path + ".tiers", problems);
      } else if (c instanceof Component.RetroactiveTiers r) {
        checkTiers(r.tiers(), path + ".tiers", problems);
      } else if (c instanceof Component.Spiff s) {
        checkCurrency(s.bonus(), path + ".bonus", problems);
        if (dealSchema != null) {
          problems.addAll(CriteriaCompiler.check(s.when(), dealSchema, path + ".when"));
        }
      } else if (c instanceof Component.DealCap d) {
        checkCurrency(d.max(), path + ".max", problems);
        single(c, path, singleAt, problems);
      } else if (c instanceof Component.PeriodCap p) {
        checkCurrency(p.max(), path + ".max", problems);
        single(c, path, singleAt, problems);
      } else if (c instanceof Component.Draw d) {
        checkCurrency(d.amount(), path + ".amount", problems);
        checkCondition(d, path, problems);
      } else if (c instanceof Component.TeamPool t) {
        BigDecimal weights = t.attainmentWeight().add(t.collaborationWeight());
        if (weights.compareTo(BigDecimal.ONE) != 0) {
          problems.add(new Problem(path, "attainment and collaboration weights must total 1, not "
              + weights.toPlainString()));
        }
        if (t.share().compareTo(BigDecimal.ONE) > 0) {
          problems.add(new Problem(path + ".share", "a pool cannot take more than the team's revenue: "
              + t.share().toPlainString()));
        }
        single(c, path, singleAt, problems);
      } else if (c instanceof Component.Clawback || c instanceof Component.ManagerOverride) {
        single(c, path, singleAt, problems);
      }
    }
    return problems;
  }

  /** A draw's condition: a minimum attainment exactly when not guaranteed, within [0, 10] like tier thresholds. */
  private static void checkCondition(Component.Draw d, String path, List<Problem> problems) {
    BigDecimal min = d.minAttainment();
    if (d.guaranteed()) {
      if (min != null) {
        problems.add(new Problem(path + ".min_attainment", "a guaranteed draw is paid whatever the attainment; "
            + "set guaranteed to false to make it conditional, or remove min_attainment"));
      }
    } else if (min == null) {
      problems.add(new Problem(path + ".min_attainment", "a non-guaranteed draw needs the minimum attainment it "
          + "is paid at, e.g. 0.5 for 50% of target"));
    } else if (min.signum() < 0 || min.compareTo(MAX_MIN_ATTAINMENT) > 0) {
      problems.add(new Problem(path + ".min_attainment", "must be a fraction of target within [0, 10], not "
          + min.toPlainString()));
    }
  }

  private void checkCurrency(Money money, String path, List<Problem> problems) {
    if (!money.currency().equals(currency)) {
      problems.add(new Problem(path, "amount in " + money.currency().getCurrencyCode() + ", but the plan pays in "
          + currency.getCurrencyCode()));
    }
  }

  private static void single(Component c, String path, Map<Class<?>, String> singleAt, List<Problem> problems) {
    String first = singleAt.putIfAbsent(c.getClass(), path);
    if (first != null) {
      problems.add(new Problem(path, "a plan has at most one " + c.getClass().getSimpleName() + " (first at " + first
          + ")"));
    }
  }

  private static void checkTiers(List<Tier> tiers, String path, List<Problem> problems) {
    if (tiers.isEmpty()) {
      problems.add(new Problem(path, "needs at least one tier"));
      return;
    }
    if (tiers.get(0).from().signum() != 0) {
      problems.add(new Problem(path + "[0].from", "the first tier starts at 0"));
    }
    for (int i = 1; i < tiers.size(); i++) {
      if (tiers.get(i).from().compareTo(tiers.get(i - 1).from()) <= 0) {
        problems.add(new Problem(path + "[" + i + "].from", "tiers must start in ascending order: "
            + tiers.get(i).from().toPlainString() + " after " + tiers.get(i - 1).from().toPlainString()));
      }
    }
  }

  /**
   * Builds a plan in Java. {@link #build()} validates it and throws a {@link ValidationException} listing every
   * problem with its path.
   */
  public static final class Builder {
    private final String key;
    private final Currency currency;
    private String name;
    private Measure measure = Measure.BOOKED;
    private final List<Component> components = new ArrayList<>();

    private Builder(String key, Currency currency) {
      this.key = Objects.requireNonNull(key, "key");
      this.currency = currency;
      this.name = key;
    }

    public Builder name(String value) {
      this.name = Objects.requireNonNull(value, "name");
      return this;
    }

    public Builder measure(Measure value) {
      this.measure = Objects.requireNonNull(value, "measure");
      return this;
    }

    public Builder component(Component value) {
      components.add(Objects.requireNonNull(value, "component"));
      return this;
    }

    public Builder flatRate(String componentKey, String rate) {
      return component(new Component.FlatRate(componentKey, new BigDecimal(rate), CreditKind.REVENUE));
    }

    public Builder graduated(String componentKey, Tier... tiers) {
      return component(new Component.GraduatedTiers(componentKey, List.of(tiers)));
    }

    public Builder retroactive(String componentKey, Tier... tiers) {
      return component(new Component.RetroactiveTiers(componentKey, List.of(tiers)));
    }

    public Builder accelerator(String componentKey, String above, String extraRate) {
      return component(new Component.Accelerator(componentKey, new BigDecimal(above), new BigDecimal(extraRate)));
    }

    public Builder decelerator(String componentKey, String below, String factor) {
      return component(new Component.Decelerator(componentKey, new BigDecimal(below), new BigDecimal(factor)));
    }

    public Builder dealCap(String componentKey, String max) {
      return component(new Component.DealCap(componentKey, new Money(new BigDecimal(max), currency)));
    }

    public Builder periodCap(String componentKey, String max) {
      return component(new Component.PeriodCap(componentKey, new Money(new BigDecimal(max), currency)));
    }

    public Builder teamPool(String componentKey, String share, String attainmentWeight, String collaborationWeight) {
      return component(new Component.TeamPool(componentKey, new BigDecimal(share), new BigDecimal(attainmentWeight),
          new BigDecimal(collaborationWeight)));
    }

    public Builder override(String componentKey, String rate, int levels) {
      return component(new Component.ManagerOverride(componentKey, new BigDecimal(rate), levels));
    }

    public Builder clawback(String componentKey, int withinDays) {
      return component(new Component.Clawback(componentKey, withinDays));
    }

    public Builder draw(String componentKey, String amount, boolean recoverable) {
      return component(new Component.Draw(componentKey, new Money(new BigDecimal(amount), currency), recoverable));
    }

    /**
     * A non-guaranteed draw: paid only in a period whose attainment reaches {@code minAttainment} of the base target,
     * e.g. {@code "0.5"} for 50%.
     */
    public Builder conditionalDraw(String componentKey, String amount, boolean recoverable, String minAttainment) {
      return component(Component.Draw.conditional(componentKey, new Money(new BigDecimal(amount), currency),
          recoverable, new BigDecimal(minAttainment)));
    }

    /** @throws ValidationException listing every problem with its path */
    public CommissionPlan build() {
      CommissionPlan plan = new CommissionPlan(key, name, measure, currency, components);
      List<Problem> problems = plan.problems("", null);
      if (!problems.isEmpty()) {
        throw new ValidationException(problems);
      }
      return plan;
    }
  }
}
