package dev.relay.incentive;

import dev.relay.common.DealId;
import dev.relay.common.Money;
import dev.relay.common.Period;
import dev.relay.common.RepId;
import dev.relay.common.TeamId;
import dev.relay.criteria.CompiledCriteria;
import dev.relay.criteria.CriteriaCompiler;
import dev.relay.fields.FieldValues;
import dev.relay.org.OrgChart;
import dev.relay.org.Rep;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Calculates commission statements: a pure function of a {@link CommissionPlan} and {@link CommissionInputs}. The
 * same inputs always give the same statements, line for line, so recalculating is idempotent and a what-if is just a
 * calculation under another plan that nobody saves.
 *
 * <p>Per rep, in this order: rate lines (flat rates, graduated and retroactive tiers) and accelerators per credited
 * deal, SPIFFs, deal caps, decelerators, manager overrides, the team pool, the period cap, carried adjustments,
 * clawbacks, draw recoveries and draws. Each line's amount is rounded once, {@link Money#ROUNDING HALF_EVEN} to the
 * currency's minor unit, when the line is made; caps and totals work on rounded lines, so a cap is never exceeded by a
 * rounding remainder.
 *
 * <p>Throws {@link IllegalArgumentException} for inputs that contradict the plan (money in another currency, a plan
 * with overrides or a team pool but no org chart) and {@link dev.relay.common.ValidationException} if a SPIFF's
 * criteria do not fit the credited deals' schema.
 */
public final class CommissionEngine {
  private static final MathContext RATIO = MathContext.DECIMAL64;

  private CommissionEngine() {}

  /** Every statement of the period, ordered by rep id. */
  public static List<CommissionStatement> calculate(CommissionPlan plan, CommissionInputs inputs) {
    return new Run(plan, inputs).statements();
  }

  /** One rep's statement (empty of lines if nothing applies to them). */
  public static CommissionStatement calculate(CommissionPlan plan, CommissionInputs inputs, RepId rep) {
    Run run = new Run(plan, inputs);
    return run.statement(rep);
  }

  /** One calculation; holds what is shared between reps (period credits, overrides, pools). */
  private static final class Run {
    private final CommissionPlan plan;
    private final CommissionInputs inputs;
    private final Money zero;
    private final int minorUnit;
    /** The credits that count in the period, in counting order. */
    private final List<DealCredit> counted = new ArrayList<>();
    /** The rep work of each counted credit, side by side with {@link #counted}, to look each rep up once. */
    private final List<RepWork> countedWork = new ArrayList<>();
    /** Per rep: revenue and the deal lines being built. */
    private final Map<RepId, RepWork> work = new HashMap<>();
    private final Map<RepId, Money> revenueByRep = new HashMap<>();
    private final Map<RepId, Map<DealId, OverrideBase>> overrides = new HashMap<>();
    private final Map<RepId, StatementLine> poolLines = new HashMap<>();
    private final Map<Component.Spiff, CompiledCriteria> spiffs = new IdentityHashMap<>();

    Run(CommissionPlan plan, CommissionInputs inputs) {
      this.plan = plan;
      this.inputs = inputs;
      this.zero = Money.zero(plan.currency());
      this.minorUnit = zero.minorUnit();
      collect();
      dealLines();
      plan.components(Component.ManagerOverride.class).forEach(this::overrides);
      plan.components(Component.TeamPool.class).forEach(this::pool);
    }

    /**
     * Picks the credits that count in the period and adds up each rep's revenue. Credits consume tiers by when they
     * count, then by deal id; input already in that order (a ledger export usually is) is used as it stands, and then
     * every later pass walks memory in order, which matters with a million lines.
     */
    private void collect() {
      Period period = inputs.period();
      Instant start = period.start();
      Instant end = period.end();
      Measure measure = plan.measure();
      Comparator<DealCredit> inOrder = Comparator.comparing((DealCredit c) -> c.countsAt(measure))
          .thenComparing(c -> c.deal().value());
      // Only retroactive tiers, decelerators, team pools and conditional draws need a rep's revenue (attainment).
      boolean needsRevenue = !plan.components(Component.RetroactiveTiers.class).isEmpty()
          || plan.hasDecelerator() || !plan.components(Component.TeamPool.class).isEmpty()
          || plan.components(Component.Draw.class).stream().anyMatch(d -> !d.guaranteed());
      boolean ordered = true;
      DealCredit previous = null;
      for (DealCredit c : inputs.credits()) {
        Instant at = c.countsAt(measure);
        if (at == null || at.isBefore(start) || !at.isBefore(end)) {
          continue;
        }
        checkCurrency(c.amount());
        if (ordered && previous != null && inOrder.compare(previous, c) > 0) {
          ordered = false;
        }
        previous = c;
        counted.add(c);
        RepWork w = work.get(c.rep());
        if (w == null) {
          w = new RepWork();
          work.put(c.rep(), w);
        }
        countedWork.add(w);
        if (needsRevenue && c.kind() == CreditKind.REVENUE) {
          w.revenue = w.revenue.add(c.amount().amount());
        }
      }
      if (!ordered) {
        counted.sort(inOrder);
        countedWork.clear();
        counted.forEach(c -> countedWork.add(work.get(c.rep())));
      }
      work.forEach((rep, w) -> revenueByRep.put(rep, new Money(w.revenue, plan.currency())));
    }

    private void checkCurrency(Money money) {
      if (!money.currency().equals(plan.currency())) {
        throw new IllegalArgumentException("plan " + plan.key() + " pays in " + plan.currency() + ", not " + money);
      }
    }

    List<CommissionStatement> statements() {
      Set<RepId> reps = new HashSet<>(work.keySet());
      reps.addAll(inputs.targets().keySet());
      reps.addAll(overrides.keySet());
      reps.addAll(poolLines.keySet());
      reps.addAll(inputs.drawBalances().keySet());
      reps.addAll(inputs.carried().keySet());
      reps.addAll(inputs.reps());
      for (Reversal r : inputs.reversals()) {
        if (inputs.period().contains(r.at())) {
          inputs.paid().forEach((rep, byDeal) -> {
            if (byDeal.containsKey(r.deal())) {
              reps.add(rep);
            }
          });
        }
      }
      List<RepId> ordered = new ArrayList<>(reps);
      ordered.sort(Comparator.comparing(RepId::value));
      List<CommissionStatement> out = new ArrayList<>(ordered.size());
      for (RepId rep : ordered) {
        out.add(statement(rep));
      }
      return out;
    }

    CommissionStatement statement(RepId rep) {
      TargetLevels target = inputs.targets().get(rep);
      Money revenue = revenueByRep.getOrDefault(rep, zero);
      RepWork w = work.get(rep);
      List<StatementLine> lines = w == null ? new ArrayList<>() : w.lines;
      int dealLineCount = lines.size();
      long dealTotal = w == null ? 0 : w.dealTotal;
      for (Component.Decelerator d : plan.components(Component.Decelerator.class)) {
        decelerator(d, target, revenue, lines);
      }
      Map<DealId, OverrideBase> mine = overrides.get(rep);
      if (mine != null) {
        Component.ManagerOverride o = plan.components(Component.ManagerOverride.class).get(0);
        mine.forEach((deal, ov) -> lines.add(StatementLine.of(o.key(), LineKind.OVERRIDE, deal,
            "deal " + deal.value() + " credited to " + ov.below, ov.base, o.rate(), "level " + ov.level,
            ov.base.times(o.rate()))));
      }
      StatementLine pool = poolLines.get(rep);
      if (pool != null) {
        lines.add(pool);
      }
      for (Component.PeriodCap cap : plan.components(Component.PeriodCap.class)) {
        Money earned = minor(sumMinor(lines.subList(dealLineCount, lines.size())) + dealTotal);
        Money max = cap.max().rounded();
        if (earned.compareTo(max) > 0) {
          lines.add(StatementLine.of(cap.key(), LineKind.PERIOD_CAP, null, "period earnings", earned, null,
              "cap " + max, max.minus(earned)));
        }
      }
      lines.addAll(inputs.carried().getOrDefault(rep, List.of()));
      for (Component.Clawback k : plan.components(Component.Clawback.class)) {
        clawbacks(k, rep, lines);
      }
      Money balance = inputs.drawBalances().getOrDefault(rep, zero);
      checkCurrency(balance);
      for (Component.Draw d : plan.components(Component.Draw.class)) {
        balance = draw(d, balance, lines, target, revenue);
      }
      return new CommissionStatement(rep, inputs.period(), plan.key(), plan.currency(), lines, balance.rounded());
    }

    /** What one rep's deal lines are built with: running totals and the per-deal rules with their state. */
    private static final class RepWork {
      BigDecimal revenue = BigDecimal.ZERO;
      final List<StatementLine> lines = new ArrayList<>();
      List<DealRule> rules = List.of();
      @Nullable DealCredit dealCredit;
      /** What the current deal's lines pay so far, in minor units. */
      long onDeal;
      /** The sum of the deal lines so far in minor units, kept per deal rather than per line: a period cap reads it. */
      long dealTotal;
    }

    /**
     * The lines of each credited deal, one pass over the credits in counting order: per credit its rate components
     * in plan order, accelerators and SPIFFs; when a rep's next credit is of another deal, the deal cap on what the
     * deal paid. A rep's credits of one deal count at the same instant, so they are adjacent and share one cap.
     */
    private void dealLines() {
      List<Component.DealCap> caps = plan.components(Component.DealCap.class);
      Component.DealCap cap = caps.isEmpty() ? null : caps.get(0);
      long max = cap == null ? 0 : toMinor(cap.max().rounded());
      work.forEach((rep, w) -> w.rules = rules(inputs.targets().get(rep), revenueByRep.get(rep)));
      // Credits of one deal count at the same instant, so they are adjacent in counting order: a deal's cap is settled
      // for the reps it credited as soon as the next credit is of another deal.
      List<RepWork> open = new ArrayList<>(4);
      DealId current = null;
      for (int i = 0; i < counted.size(); i++) {
        DealCredit credit = counted.get(i);
        RepWork w = countedWork.get(i);
        DealId deal = credit.deal();
        if (current != null && deal != current && !deal.equals(current)) {
          settle(cap, max, open);
        }
        current = deal;
        if (w.dealCredit == null) {
          open.add(w);
        }
        long onDeal = w.onDeal;
        for (DealRule rule : w.rules) {
          onDeal = rule.apply(credit, w.lines, onDeal);
        }
        w.onDeal = onDeal;
        w.dealCredit = credit;
      }
      settle(cap, max, open);
    }

    private void settle(Component.@Nullable DealCap cap, long max, List<RepWork> open) {
      for (RepWork w : open) {
        if (cap != null) {
          dealCap(cap, max, w);
        } else {
          w.dealTotal += w.onDeal;
          w.onDeal = 0;
          w.dealCredit = null;
        }
      }
      open.clear();
    }

    private void dealCap(Component.DealCap cap, long max, RepWork w) {
      if (w.dealCredit != null && w.onDeal > max) {
        w.lines.add(StatementLine.ofMinorUnits(cap.key(), LineKind.DEAL_CAP, w.dealCredit.deal(), "deal earnings",
            minor(w.onDeal), null, "cap " + minor(max), max - w.onDeal));
      }
      w.dealTotal += Math.min(w.onDeal, max);
      w.onDeal = 0;
      w.dealCredit = null;
    }

    private List<DealRule> rules(@Nullable TargetLevels target, Money revenue) {
      if (target != null) {
        checkCurrency(target.base());
      }
      List<DealRule> rules = new ArrayList<>();
      for (Component c : plan.components()) {
        if (c instanceof Component.FlatRate f) {
          rules.add(new FlatRule(f));
        } else if (c instanceof Component.GraduatedTiers g) {
          rules.add(new GraduatedRule(g, target));
        } else if (c instanceof Component.RetroactiveTiers r) {
          rules.add(new RetroactiveRule(r, target, revenue));
        }
      }
      if (target != null && !target.base().isZero()) {
        for (Component.Accelerator a : plan.components(Component.Accelerator.class)) {
          rules.add(new AcceleratorRule(a, target));
        }
      }
      for (Component.Spiff sp : plan.components(Component.Spiff.class)) {
        checkCurrency(sp.bonus());
        rules.add(new SpiffRule(sp));
      }
      return rules;
    }

    /** A line of rate × base, rounded once; returns {@code onDeal} plus its amount in minor units. */
    private long rateLine(String component, LineKind kind, DealCredit credit, Money base, BigDecimal rate,
        String tier, List<StatementLine> lines, long onDeal) {
      long amount = base.amount().multiply(rate).setScale(minorUnit, Money.ROUNDING).scaleByPowerOfTen(minorUnit)
          .longValueExact();
      lines.add(StatementLine.ofMinorUnits(component, kind, credit.deal(), subject(credit), base, rate, tier, amount));
      return onDeal + amount;
    }

    /** Minor units as money of the plan's currency. */
    private Money minor(long minorUnits) {
      return new Money(BigDecimal.valueOf(minorUnits, minorUnit), plan.currency());
    }

    private long toMinor(Money rounded) {
      return rounded.amount().scaleByPowerOfTen(minorUnit).longValueExact();
    }

    /** One per-deal component, with whatever running state it needs over the rep's credits in counting order. */
    private interface DealRule {
      /** Adds the credit's lines; returns {@code onDeal} plus what they pay, in minor units. */
      long apply(DealCredit credit, List<StatementLine> lines, long onDeal);
    }

    private final class FlatRule implements DealRule {
      private final Component.FlatRate flat;

      FlatRule(Component.FlatRate flat) {
        this.flat = flat;
      }

      @Override
      public long apply(DealCredit credit, List<StatementLine> lines, long onDeal) {
        if (credit.kind() != flat.credit()) {
          return onDeal;
        }
        return rateLine(flat.key(), LineKind.COMMISSION, credit, credit.amount(), flat.rate(), "", lines, onDeal);
      }
    }

    /** Bands of attainment consumed in counting order; a credit crossing a boundary gets a line per band. */
    private final class GraduatedRule implements DealRule {
      private final String key;
      private final List<Tier> tiers;
      private final BigDecimal[] bounds;
      private final String[] labels;
      private BigDecimal cumulative = BigDecimal.ZERO;
      private int band;

      GraduatedRule(Component.GraduatedTiers g, @Nullable TargetLevels target) {
        this.key = g.key();
        this.tiers = g.tiers();
        boolean noTarget = target == null || target.base().isZero();
        // Without a target there is no attainment to place a deal in a band: everything earns the first band.
        int n = noTarget ? 1 : tiers.size();
        bounds = new BigDecimal[n];
        labels = new String[n];
        for (int i = 0; i < n; i++) {
          bounds[i] = noTarget ? BigDecimal.ZERO : tiers.get(i).from().multiply(target.base().amount());
          labels[i] = Tier.label(tiers, i) + (noTarget ? ", no target" : "");
        }
      }

      @Override
      public long apply(DealCredit credit, List<StatementLine> lines, long onDeal) {
        if (credit.kind() != CreditKind.REVENUE) {
          return onDeal;
        }
        BigDecimal whole = credit.amount().amount();
        BigDecimal remaining = whole;
        BigDecimal exact = BigDecimal.ZERO;
        long paid = 0;
        do {
          while (band + 1 < bounds.length && cumulative.compareTo(bounds[band + 1]) >= 0) {
            band++;
          }
          BigDecimal portion = remaining;
          if (band + 1 < bounds.length) {
            BigDecimal room = bounds[band + 1].subtract(cumulative);
            if (room.compareTo(portion) < 0) {
              portion = room;
            }
          }
          BigDecimal rate = tiers.get(band).rate();
          if (portion == whole) {
            cumulative = cumulative.add(portion);
            return rateLine(key, LineKind.COMMISSION, credit, credit.amount(), rate, labels[band], lines, onDeal);
          }
          // A deal across bands: its lines are rounded cumulatively, so that together they pay the deal's exact
          // commission rounded once. Rounding each part on its own could pay a cent less after an earlier deal grew.
          exact = exact.add(portion.multiply(rate));
          long upToHere = exact.setScale(minorUnit, Money.ROUNDING).scaleByPowerOfTen(minorUnit).longValueExact();
          lines.add(StatementLine.ofMinorUnits(key, LineKind.COMMISSION, credit.deal(), subject(credit),
              new Money(portion, plan.currency()), rate, labels[band], upToHere - paid));
          onDeal += upToHere - paid;
          paid = upToHere;
          cumulative = cumulative.add(portion);
          remaining = remaining.subtract(portion);
        } while (remaining.signum() > 0);
        return onDeal;
      }
    }

    /** The band the period's attainment finally reaches sets one rate for all revenue. */
    private final class RetroactiveRule implements DealRule {
      private final String key;
      private final BigDecimal rate;
      private final String label;

      RetroactiveRule(Component.RetroactiveTiers r, @Nullable TargetLevels target, Money revenue) {
        List<Tier> tiers = r.tiers();
        int band = 0;
        if (target != null && !target.base().isZero()) {
          BigDecimal attainment = revenue.amount().divide(target.base().amount(), RATIO);
          for (int i = 0; i < tiers.size(); i++) {
            if (attainment.compareTo(tiers.get(i).from()) >= 0) {
              band = i;
            }
          }
        }
        this.key = r.key();
        this.rate = tiers.get(band).rate();
        this.label = Tier.label(tiers, band) + " on all revenue" + (target == null ? ", no target" : "");
      }

      @Override
      public long apply(DealCredit credit, List<StatementLine> lines, long onDeal) {
        if (credit.kind() != CreditKind.REVENUE) {
          return onDeal;
        }
        return rateLine(key, LineKind.COMMISSION, credit, credit.amount(), rate, label, lines, onDeal);
      }
    }

    /** The extra rate on the part of each credit beyond the threshold, in counting order. */
    private final class AcceleratorRule implements DealRule {
      private final Component.Accelerator accelerator;
      private final BigDecimal threshold;
      private final String label;
      private BigDecimal cumulative = BigDecimal.ZERO;

      AcceleratorRule(Component.Accelerator a, TargetLevels target) {
        this.accelerator = a;
        this.threshold = a.above().multiply(target.base().amount());
        this.label = "above " + Tier.percent(a.above()) + " of target";
      }

      @Override
      public long apply(DealCredit credit, List<StatementLine> lines, long onDeal) {
        if (credit.kind() != CreditKind.REVENUE) {
          return onDeal;
        }
        BigDecimal before = cumulative;
        cumulative = cumulative.add(credit.amount().amount());
        if (cumulative.compareTo(threshold) <= 0) {
          return onDeal;
        }
        Money base = new Money(cumulative.subtract(before.max(threshold)), plan.currency());
        return rateLine(accelerator.key(), LineKind.ACCELERATOR, credit, base, accelerator.extraRate(), label, lines,
            onDeal);
      }
    }

    /** A fixed bonus once per matching deal. */
    private final class SpiffRule implements DealRule {
      private final Component.Spiff spiff;
      private final Set<DealId> paid = new HashSet<>();
      private @Nullable CompiledCriteria when;

      SpiffRule(Component.Spiff spiff) {
        this.spiff = spiff;
      }

      @Override
      public long apply(DealCredit credit, List<StatementLine> lines, long onDeal) {
        FieldValues fields = credit.fields();
        if (credit.kind() != CreditKind.REVENUE || fields == null || paid.contains(credit.deal())) {
          return onDeal;
        }
        CompiledCriteria compiled = when;
        if (compiled == null) {
          compiled = spiffs.computeIfAbsent(spiff, k -> CriteriaCompiler.compile(k.when(), fields.schema(), k.key()));
          when = compiled;
        }
        if (!compiled.test(fields)) {
          return onDeal;
        }
        paid.add(credit.deal());
        long bonus = toMinor(spiff.bonus().rounded());
        lines.add(StatementLine.ofMinorUnits(spiff.key(), LineKind.SPIFF, credit.deal(), subject(credit),
            credit.amount(), null, "matches " + spiff.key(), bonus));
        return onDeal + bonus;
      }
    }

    private void decelerator(Component.Decelerator d, @Nullable TargetLevels target, Money revenue,
        List<StatementLine> lines) {
      if (target == null || target.base().isZero()) {
        return;
      }
      BigDecimal attainment = revenue.amount().divide(target.base().amount(), RATIO);
      if (attainment.compareTo(d.below()) >= 0) {
        return;
      }
      Money rateEarnings = zero;
      for (StatementLine l : lines) {
        if (l.kind() == LineKind.COMMISSION || l.kind() == LineKind.ACCELERATOR || l.kind() == LineKind.DEAL_CAP) {
          rateEarnings = rateEarnings.plus(l.amount());
        }
      }
      BigDecimal cut = BigDecimal.ONE.subtract(d.factor());
      lines.add(StatementLine.of(d.key(), LineKind.DECELERATOR, null,
          "attainment " + Tier.percent(attainment.setScale(4, Money.ROUNDING)), rateEarnings, cut.negate(),
          "below " + Tier.percent(d.below()) + ", paid at " + Tier.percent(d.factor()), rateEarnings.times(cut).negate()));
    }

    private void clawbacks(Component.Clawback k, RepId rep, List<StatementLine> lines) {
      Map<DealId, Money> paid = inputs.paid().getOrDefault(rep, Map.of());
      for (Reversal r : inputs.reversals()) {
        Money onDeal = paid.get(r.deal());
        if (onDeal == null || onDeal.isZero() || !inputs.period().contains(r.at())) {
          continue;
        }
        if (Duration.between(r.bookedAt(), r.at()).compareTo(Duration.ofDays(k.withinDays())) > 0) {
          continue;
        }
        checkCurrency(onDeal);
        BigDecimal fraction = r.fraction();
        // A full reversal takes back exactly what was paid, so the deal nets to zero whatever the rounding.
        Money back = r.isFull() ? onDeal.negate() : onDeal.times(fraction).negate();
        lines.add(StatementLine.of(k.key(), LineKind.CLAWBACK, r.deal(), "deal " + r.deal().value() + " "
            + (r.isFull() ? "cancelled" : "refunded " + r.refunded()) + ": " + r.reason(), onDeal,
            fraction.negate(), "within " + k.withinDays() + " days", back));
      }
    }

    private Money draw(Component.Draw d, Money balance, List<StatementLine> lines, @Nullable TargetLevels target,
        Money revenue) {
      checkCurrency(d.amount());
      Money amount = d.amount().rounded();
      Money net = sum(lines);
      if (d.recoverable() && balance.amount().signum() > 0 && net.compareTo(amount) > 0) {
        Money excess = net.minus(amount);
        Money recover = excess.compareTo(balance) < 0 ? excess : balance.rounded();
        lines.add(StatementLine.of(d.key(), LineKind.DRAW_RECOVERY, null, "draw balance " + balance.rounded(),
            excess, null, "recovered from earnings above the draw", recover.negate()));
        return balance.minus(recover);
      }
      if (net.compareTo(amount) < 0) {
        String kind = d.recoverable() ? "recoverable draw" : "non-recoverable draw";
        BigDecimal min = d.minAttainment();
        if (!d.guaranteed() && min != null) {
          String needs = "non-guaranteed " + kind + ", needs " + Tier.percent(min) + " of target";
          BigDecimal attainment = target == null || target.base().isZero() ? null
              : revenue.amount().divide(target.base().amount(), RATIO);
          boolean met = attainment == null ? min.signum() == 0 : attainment.compareTo(min) >= 0;
          String reached = attainment == null ? "no target"
              : "attainment " + Tier.percent(attainment.setScale(4, Money.ROUNDING));
          if (!met) {
            // Said on the statement so the rep sees why no draw came; nothing paid, so no balance to recover later.
            lines.add(StatementLine.of(d.key(), LineKind.DRAW, null, "earnings " + net + ", " + reached, amount, null,
                needs + ": not paid", zero.rounded()));
            return balance;
          }
          kind = needs + ", " + reached;
        }
        Money topUp = amount.minus(net);
        lines.add(StatementLine.of(d.key(), LineKind.DRAW, null, "earnings " + net, amount, null, kind, topUp));
        return d.recoverable() ? balance.plus(topUp) : balance;
      }
      return balance;
    }

    /** Manager overrides: revenue credited below each manager, once per manager and deal. */
    private void overrides(Component.ManagerOverride o) {
      OrgChart chart = requireChart(o);
      Map<DealId, Set<RepId>> creditedOn = new HashMap<>();
      for (DealCredit c : inputs.credits()) {
        creditedOn.computeIfAbsent(c.deal(), d -> new HashSet<>()).add(c.rep());
      }
      Map<RepId, List<RepId>> managers = new HashMap<>();
      for (DealCredit c : counted) {
        if (c.kind() != CreditKind.REVENUE) {
          continue;
        }
        RepId rep = c.rep();
        List<RepId> above = managers.computeIfAbsent(rep, chart::managersAbove);
        DealId deal = c.deal();
        for (int level = 1; level <= Math.min(o.levels(), above.size()); level++) {
          RepId manager = above.get(level - 1);
          if (creditedOn.get(deal).contains(manager)) {
            continue;
          }
          int lvl = level;
          overrides.computeIfAbsent(manager, m -> new TreeMap<>(Comparator.comparing(DealId::value)))
              .merge(deal, new OverrideBase(c.amount(), lvl, rep.value()), OverrideBase::plus);
        }
      }
    }

    private void pool(Component.TeamPool p) {
      OrgChart chart = requireChart(p);
      Map<TeamId, List<RepId>> teams = new TreeMap<>(Comparator.comparing(TeamId::value));
      Set<RepId> seen = new HashSet<>(work.keySet());
      seen.addAll(inputs.targets().keySet());
      for (RepId rep : seen) {
        chart.rep(rep).flatMap(Rep::teamId).ifPresent(t -> teams.computeIfAbsent(t, k -> new ArrayList<>()));
      }
      for (TeamId team : teams.keySet()) {
        List<RepId> members = chart.membersOf(team).stream().filter(r -> team.equals(r.team())).map(Rep::id).toList();
        if (members.isEmpty()) {
          continue;
        }
        Money teamRevenue = zero;
        BigDecimal attainmentSum = BigDecimal.ZERO;
        BigDecimal collaborationSum = BigDecimal.ZERO;
        List<BigDecimal> attainment = new ArrayList<>();
        List<BigDecimal> collaboration = new ArrayList<>();
        for (RepId m : members) {
          Money revenue = revenueByRep.getOrDefault(m, zero);
          teamRevenue = teamRevenue.plus(revenue);
          TargetLevels t = inputs.targets().get(m);
          BigDecimal a = t == null || t.base().isZero() ? BigDecimal.ZERO
              : revenue.amount().divide(t.base().amount(), RATIO);
          BigDecimal c = inputs.collaboration().getOrDefault(m, BigDecimal.ZERO);
          attainment.add(a);
          collaboration.add(c);
          attainmentSum = attainmentSum.add(a);
          collaborationSum = collaborationSum.add(c);
        }
        Money pot = teamRevenue.times(p.share());
        if (pot.rounded().isZero()) {
          continue;
        }
        List<BigDecimal> weights = new ArrayList<>();
        BigDecimal n = BigDecimal.valueOf(members.size());
        for (int i = 0; i < members.size(); i++) {
          BigDecimal a = attainmentSum.signum() == 0 ? BigDecimal.ONE.divide(n, RATIO)
              : attainment.get(i).divide(attainmentSum, RATIO);
          BigDecimal c = collaborationSum.signum() == 0 ? BigDecimal.ONE.divide(n, RATIO)
              : collaboration.get(i).divide(collaborationSum, RATIO);
          weights.add(p.attainmentWeight().multiply(a).add(p.collaborationWeight().multiply(c), RATIO));
        }
        List<Money> parts = pot.allocate(weights);
        String subject = "team " + team.value() + " revenue " + teamRevenue.rounded();
        String tier = "attainment " + Tier.percent(p.attainmentWeight()) + " / collaboration "
            + Tier.percent(p.collaborationWeight());
        for (int i = 0; i < members.size(); i++) {
          poolLines.put(members.get(i), new StatementLine(p.key(), LineKind.TEAM_POOL, null, subject, pot.rounded(),
              weights.get(i).setScale(6, Money.ROUNDING), tier, parts.get(i), null));
        }
      }
    }

    private OrgChart requireChart(Component c) {
      OrgChart chart = inputs.chart();
      if (chart == null) {
        throw new IllegalArgumentException("plan " + plan.key() + " has " + c.key() + ", which needs the org chart");
      }
      return chart;
    }

    private Money sum(List<StatementLine> lines) {
      return minor(sumMinor(lines));
    }

    private static long sumMinor(List<StatementLine> lines) {
      long total = 0;
      for (StatementLine l : lines) {
        total += l.minorUnits();
      }
      return total;
    }

    /** The measure a deal line is on; the line's deal names the deal, so this allocates nothing per line. */
    private static String subject(DealCredit credit) {
      return credit.kind() == CreditKind.OVERLAY ? "overlay credit" : "revenue credit";
    }
  }

  /** A manager's override base on one deal: the revenue of every rep below them on it. */
  private record OverrideBase(Money base, int level, String below) {
    OverrideBase plus(OverrideBase other) {
      return new OverrideBase(base.plus(other.base), Math.min(level, other.level), below + ", " + other.below);
    }
  }
}
