package dev.relay.incentive;

import dev.relay.common.ErrorCode;
import dev.relay.common.Money;
import dev.relay.common.Period;
import dev.relay.common.PeriodKind;
import dev.relay.common.Reason;
import dev.relay.common.Verdict;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Target breakdown (目标拆解): dividing a parent's target among its children, spreading a yearly target over months,
 * ramping new reps up, and checking a parent against its children. Pure functions; amounts are divided with {@link
 * Money#allocate}, so the parts of a division always add up exactly to the (rounded) whole.
 */
public final class TargetCascade {
  private TargetCascade() {}

  /**
   * The children's targets for the parent's period.
   *
   * @throws IllegalArgumentException if there are no children, weights or last year's revenue sum to zero, or a manual
   *     allocation misses a child
   */
  public static List<Target> allocate(Target parent, List<TargetOwner> children, Allocation allocation) {
    if (children.isEmpty()) {
      throw new IllegalArgumentException("no children to allocate " + parent.owner().key() + "'s target to");
    }
    if (allocation instanceof Allocation.Manual manual) {
      BigDecimal ratio = parent.base().isZero() ? BigDecimal.ONE
          : parent.stretch().amount().divide(parent.base().amount(), MathContext.DECIMAL64);
      List<Target> out = new ArrayList<>();
      for (TargetOwner child : children) {
        Money base = manual.bases().get(child.key());
        if (base == null) {
          throw new IllegalArgumentException("manual allocation of " + parent.owner().key() + " has no amount for "
              + child.key());
        }
        out.add(Target.of(child, parent.period(), base.rounded(), base.times(ratio).rounded()));
      }
      return out;
    }
    List<BigDecimal> weights = new ArrayList<>();
    for (TargetOwner child : children) {
      weights.add(weight(allocation, child));
    }
    return divided(parent, children, weights);
  }

  private static BigDecimal weight(Allocation allocation, TargetOwner child) {
    if (allocation instanceof Allocation.Weighted w) {
      return w.weights().getOrDefault(child.key(), BigDecimal.ZERO);
    }
    if (allocation instanceof Allocation.LastYearShare l) {
      Money last = l.lastYear().get(child.key());
      return last == null ? BigDecimal.ZERO : last.amount().max(BigDecimal.ZERO);
    }
    return BigDecimal.ONE;
  }

  private static List<Target> divided(Target parent, List<TargetOwner> children, List<BigDecimal> weights) {
    List<Money> bases = parent.base().allocate(weights);
    List<Money> stretches = parent.stretch().allocate(weights);
    List<Target> out = new ArrayList<>();
    for (int i = 0; i < children.size(); i++) {
      out.add(Target.of(children.get(i), parent.period(), bases.get(i), stretches.get(i)));
    }
    return out;
  }

  /**
   * A yearly target spread over its twelve months by a seasonality profile.
   *
   * @throws IllegalArgumentException if the target is not for a year
   */
  public static List<Target> spread(Target yearly, Seasonality seasonality) {
    if (yearly.period().kind() != PeriodKind.YEAR) {
      throw new IllegalArgumentException("only a yearly target spreads over months: " + yearly.period());
    }
    List<Money> bases = yearly.base().allocate(seasonality.monthWeights());
    List<Money> stretches = yearly.stretch().allocate(seasonality.monthWeights());
    List<Target> months = new ArrayList<>();
    Period month = Period.month(yearly.period().firstDay().getYear(), 1, yearly.period().zone());
    for (int i = 0; i < 12; i++) {
      months.add(Target.of(yearly.owner(), month, bases.get(i), stretches.get(i)));
      month = month.next();
    }
    return months;
  }

  /** The target reduced for a rep who started on {@code start}, by the ramp-up share of the period's first month. */
  public static Target rampUp(Target target, LocalDate start, RampUp rampUp) {
    BigDecimal factor = rampUp.factor(start, target.period().firstDay());
    return Target.of(target.owner(), target.period(), target.base().times(factor).rounded(),
        target.stretch().times(factor).rounded());
  }

  /**
   * Checks the children's targets against the parent's under a rule. Rejected with {@link ErrorCode#VALIDATION_FAILED}
   * and a reason per level (base, stretch) that breaks it.
   */
  public static Verdict reconcile(Target parent, List<Target> children, Reconciliation rule) {
    if (rule == Reconciliation.NONE) {
      return Verdict.allowed();
    }
    Money base = Money.zero(parent.base().currency());
    Money stretch = base;
    for (Target c : children) {
      base = base.plus(c.base());
      stretch = stretch.plus(c.stretch());
    }
    List<Reason> reasons = new ArrayList<>();
    check("base", parent.base(), base, rule, parent, reasons);
    check("stretch", parent.stretch(), stretch, rule, parent, reasons);
    return reasons.isEmpty() ? Verdict.allowed() : Verdict.rejected(ErrorCode.VALIDATION_FAILED, reasons);
  }

  private static void check(String level, Money parent, Money children, Reconciliation rule, Target target,
      List<Reason> reasons) {
    int cmp = children.compareTo(parent);
    boolean broken = rule == Reconciliation.EXACT ? cmp != 0 : cmp < 0;
    if (broken) {
      reasons.add(new Reason("reconciliation." + rule.jsonName(), target.owner().key() + " " + target.period() + " "
          + level + ": children add up to " + children.rounded() + ", parent is " + parent.rounded()
          + (rule == Reconciliation.EXACT ? " (must be equal)" : " (must be at least the parent)")));
    }
  }
}
