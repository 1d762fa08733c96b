package dev.relay.incentive;

import dev.relay.common.Money;
import dev.relay.criteria.Criteria;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One building block of a {@link CommissionPlan} (提成方案组件). A plan lists components; each produces statement lines
 * that name it by its {@link #key()}. The choice is closed: a statement can only contain lines these components
 * explain. Rates are fractions ({@code 0.05} = 5%); attainment thresholds are fractions of the base target ({@code 1.0}
 * = 100%).
 *
 * <p>Records check their own shape (non-null parts, non-negative rates) and throw {@link IllegalArgumentException};
 * checks that involve the whole plan (key clashes, tier order, weights) are the plan's, reported with paths.
 */
public sealed interface Component {
  /** The component's key, unique in its plan; statement lines name it as their rule. */
  String key();

  /** A fixed rate on every credited amount of one kind: one line per deal. */
  record FlatRate(String key, BigDecimal rate, CreditKind credit) implements Component {
    public FlatRate {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(credit, "credit");
      nonNegative(rate, "rate");
    }
  }

  /**
   * Graduated (marginal) tiers (累进提成): each band of attainment pays its own rate on the revenue inside it, so pay
   * has no jump at a boundary. Deals consume the bands in the order they count (time, then deal id); a deal that
   * crosses a boundary gets one line per band.
   */
  record GraduatedTiers(String key, List<Tier> tiers) implements Component {
    public GraduatedTiers {
      Objects.requireNonNull(key, "key");
      tiers = List.copyOf(tiers);
    }
  }

  /**
   * Retroactive tiers (全额累进): the band the period's attainment finally reaches sets the rate for all its revenue.
   */
  record RetroactiveTiers(String key, List<Tier> tiers) implements Component {
    public RetroactiveTiers {
      Objects.requireNonNull(key, "key");
      tiers = List.copyOf(tiers);
    }
  }

  /** An extra rate on the revenue above {@code above} × base target (超额加速), e.g. 3% more above 100%. */
  record Accelerator(String key, BigDecimal above, BigDecimal extraRate) implements Component {
    public Accelerator {
      Objects.requireNonNull(key, "key");
      nonNegative(above, "above");
      nonNegative(extraRate, "extraRate");
    }
  }

  /**
   * Below {@code below} × base target the rate-based commission (flat, tiers, accelerators) is paid at {@code factor}
   * of itself: one negative line for the difference.
   */
  record Decelerator(String key, BigDecimal below, BigDecimal factor) implements Component {
    public Decelerator {
      Objects.requireNonNull(key, "key");
      nonNegative(below, "below");
      nonNegative(factor, "factor");
      if (factor.compareTo(BigDecimal.ONE) > 0) {
        throw new IllegalArgumentException("a decelerator's factor must be at most 1: " + factor);
      }
    }
  }

  /** A fixed bonus per revenue-credited deal that matches the criteria (checked against the deal schema). */
  record Spiff(String key, Criteria when, Money bonus) implements Component {
    public Spiff {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(when, "when");
      nonNegative(bonus.amount(), "bonus");
    }
  }

  /** At most {@code max} per rep and deal from rates, accelerators and SPIFFs; the excess is a negative line. */
  record DealCap(String key, Money max) implements Component {
    public DealCap {
      Objects.requireNonNull(key, "key");
      nonNegative(max.amount(), "max");
    }
  }

  /** At most {@code max} per rep and period before clawbacks and draws; the excess is a negative line. */
  record PeriodCap(String key, Money max) implements Component {
    public PeriodCap {
      Objects.requireNonNull(key, "key");
      nonNegative(max.amount(), "max");
    }
  }

  /**
   * Managers earn {@code rate} on the revenue credited to reps below them (管理提成), up to {@code levels} levels up
   * the hierarchy. Against double credit, a manager earns at most once per deal (on the revenue of all their reps on
   * it) and nothing on a deal they are credited on themselves.
   */
  record ManagerOverride(String key, BigDecimal rate, int levels) implements Component {
    public ManagerOverride {
      Objects.requireNonNull(key, "key");
      nonNegative(rate, "rate");
      if (levels < 1) {
        throw new IllegalArgumentException("an override reaches at least one level: " + levels);
      }
    }
  }

  /**
   * A team pool (团队分红): {@code share} of each team's credited revenue, shared among the team's reps by weights that
   * mix their attainment and their collaboration score, e.g. 0.6 / 0.4. Each part of the mix is normalised over the
   * team (a rep's share of the team's total); a team where nobody has any of it shares that part equally.
   */
  record TeamPool(String key, BigDecimal share, BigDecimal attainmentWeight, BigDecimal collaborationWeight)
      implements Component {
    public TeamPool {
      Objects.requireNonNull(key, "key");
      nonNegative(share, "share");
      nonNegative(attainmentWeight, "attainmentWeight");
      nonNegative(collaborationWeight, "collaborationWeight");
    }
  }

  /**
   * A deal cancelled or refunded within {@code withinDays} of its booking takes back what was paid on it, in
   * proportion to the refund, as a negative line on the statement of the period the reversal happens in.
   */
  record Clawback(String key, int withinDays) implements Component {
    public Clawback {
      Objects.requireNonNull(key, "key");
      if (withinDays < 0) {
        throw new IllegalArgumentException("a clawback window must not be negative: " + withinDays);
      }
    }
  }

  /**
   * A draw (保底): a rep whose period earnings fall short of {@code amount} is paid up to it. A recoverable draw is an
   * advance: what it paid is recovered from later earnings above the draw; a non-recoverable one is a guarantee.
   * Recoveries run after clawbacks, in the order the plan lists its draws.
   *
   * <p>A <em>guaranteed</em> draw (the default) is paid whatever the rep did in the period. A <em>non-guaranteed</em>
   * (conditional, 有条件保底) draw is paid only in a period in which the rep's revenue reaches {@code minAttainment}
   * (a fraction of the base target, {@code 0.5} = 50%); otherwise the statement carries a zero draw line saying why,
   * and a recoverable draw's balance does not grow. A rep without a target has no attainment to measure, so a
   * non-guaranteed draw pays them only when {@code minAttainment} is 0. Recovery of an earlier balance does not depend
   * on the condition: it is paid back from earnings above the draw either way.
   *
   * <p>Whether {@code minAttainment} fits the draw (given exactly when not guaranteed, within [0, 10]) is the plan's
   * check, reported with its path ({@link CommissionPlan#problems}), so that a playbook names the offending key.
   *
   * @param minAttainment the attainment a non-guaranteed draw needs; {@code null} for a guaranteed draw
   */
  record Draw(String key, Money amount, boolean recoverable, boolean guaranteed, @Nullable BigDecimal minAttainment)
      implements Component {
    public Draw {
      Objects.requireNonNull(key, "key");
      nonNegative(amount.amount(), "amount");
    }

    /** A guaranteed draw, as before draws could be conditional. */
    public Draw(String key, Money amount, boolean recoverable) {
      this(key, amount, recoverable, true, null);
    }

    /** A non-guaranteed draw, paid only in a period whose attainment reaches {@code minAttainment}. */
    public static Draw conditional(String key, Money amount, boolean recoverable, BigDecimal minAttainment) {
      return new Draw(key, amount, recoverable, false, Objects.requireNonNull(minAttainment, "minAttainment"));
    }
  }

  private static void nonNegative(BigDecimal value, String what) {
    Objects.requireNonNull(value, what);
    if (value.signum() < 0) {
      throw new IllegalArgumentException(what + " must not be negative: " + value);
    }
  }
}
