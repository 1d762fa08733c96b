package dev.relay.incentive;

import dev.relay.common.DealId;
import dev.relay.common.Money;
import dev.relay.common.Period;
import dev.relay.common.RepId;
import dev.relay.common.TeamId;
import dev.relay.criteria.CompiledCriteria;
import dev.relay.criteria.CriteriaCompiler;
import dev.relay.fields.FieldSchema;
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
import java.util.LinkedHashMap;
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
  /** Orders credits the way they consume tiers: by when they count, then by deal id. */
  private static final Comparator<Counted> IN_ORDER =
      Comparator.comparing((Counted c) -> c.at).thenComparing(c -> c.credit.deal().value());

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

  /** A credit with the instant it counts at under the plan's measure. */
  private record Counted(DealCredit credit, Instant at) {}

  /** One calculation; holds what is shared between reps (period credits, overrides, pools). */
  private static final class Run {
    private final CommissionPlan plan;
    private final CommissionInputs inputs;
    private final Money zero;
    private final Map<RepId, List<Counted>> byRep = new HashMap<>();
    private final Map<RepId, Money> revenueByRep = new HashMap<>();
    private final Map<RepId, Map<DealId, Override>> overrides = new HashMap<>();
    private final Map<RepId, StatementLine> poolLines = new HashMap<>();
    private final Map<Component.Spiff, CompiledCriteria> spiffs = new IdentityHashMap<>();

    Run(CommissionPlan plan, CommissionInputs inputs) {
      this.plan = plan;
      this.inputs = inputs;
      this.zero = Money.zero(plan.currency());
      collect();
      plan.components(Component.ManagerOverride.class).forEach(this::overrides);
      plan.components(Component.TeamPool.class).forEach(this::pool);
    }

    private void collect() {
      Period period = inputs.period();
      Instant start = period.start();
      Instant end = period.end();
      Measure measure = plan.measure();
      for (DealCredit c : inputs.credits()) {
        Instant at = c.countsAt(measure);
        if (at == null || at.isBefore(start) || !at.isBefore(end)) {
          continue;
        }
        checkCurrency(c.amount());
        byRep.computeIfAbsent(c.rep(), r -> new ArrayList<>()).add(new Counted(c, at));
      }
      byRep.forEach((rep, list) -> {
        list.sort(IN_ORDER);
        BigDecimal revenue = BigDecimal.ZERO;
        for (Counted c : list) {
          if (c.credit.kind() == CreditKind.REVENUE) {
            revenue = revenue.add(c.credit.amount().amount());
          }
        }
        revenueByRep.put(rep, new Money(revenue, plan.currency()));
      });
    }

    private void checkCurrency(Money money) {
      if (!money.currency().equals(plan.currency())) {
        throw new IllegalArgumentException("plan " + plan.key() + " pays in " + plan.currency() + ", not " + money);
      }
    }

    List<CommissionStatement> statements() {
      Set<RepId> reps = new HashSet<>(byRep.keySet());
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
      List<Counted> credits = byRep.getOrDefault(rep, List.of());
      TargetLevels target = inputs.targets().get(rep);
      Money revenue = revenueByRep.getOrDefault(rep, zero);
      if (target != null) {
        checkCurrency(target.base());
      }
      List<StatementLine> lines = new ArrayList<>(credits.size() * 2);
      for (Component c : plan.components()) {
        if (c instanceof Component.FlatRate f) {
          flat(f, credits, lines);
        } else if (c instanceof Component.GraduatedTiers g) {
          graduated(g, credits, target, lines);
        } else if (c instanceof Component.RetroactiveTiers r) {
          retroactive(r, credits, target, revenue, lines);
        }
      }
      for (Component.Accelerator a : plan.components(Component.Accelerator.class)) {
        accelerator(a, credits, target, lines);
      }
      for (Component.Spiff s : plan.components(Component.Spiff.class)) {
        spiff(s, credits, lines);
      }
      for (Component.DealCap cap : plan.components(Component.DealCap.class)) {
        dealCap(cap, lines);
      }
      for (Component.Decelerator d : plan.components(Component.Decelerator.class)) {
        decelerator(d, target, revenue, lines);
      }
      Map<DealId, Override> mine = overrides.get(rep);
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
        Money earned = sum(lines);
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
        balance = draw(d, balance, lines);
      }
      return new CommissionStatement(rep, inputs.period(), plan.key(), plan.currency(), lines, balance.rounded());
    }

    private void flat(Component.FlatRate f, List<Counted> credits, List<StatementLine> lines) {
      for (Counted c : credits) {
        DealCredit credit = c.credit;
        if (credit.kind() == f.credit()) {
          lines.add(StatementLine.of(f.key(), LineKind.COMMISSION, credit.deal(), subject(credit), credit.amount(),
              f.rate(), "", credit.amount().times(f.rate())));
        }
      }
    }

    private void graduated(Component.GraduatedTiers g, List<Counted> credits, @Nullable TargetLevels target,
        List<StatementLine> lines) {
      List<Tier> tiers = g.tiers();
      if (target == null || target.base().isZero()) {
        // Without a target there is no attainment to place a deal in a band: everything earns the first band.
        Tier first = tiers.get(0);
        for (Counted c : credits) {
          DealCredit credit = c.credit;
          if (credit.kind() == CreditKind.REVENUE) {
            lines.add(StatementLine.of(g.key(), LineKind.COMMISSION, credit.deal(), subject(credit), credit.amount(),
                first.rate(), Tier.label(tiers, 0) + ", no target", credit.amount().times(first.rate())));
          }
        }
        return;
      }
      BigDecimal base = target.base().amount();
      BigDecimal[] bounds = new BigDecimal[tiers.size()];
      String[] labels = new String[tiers.size()];
      for (int i = 0; i < bounds.length; i++) {
        bounds[i] = tiers.get(i).from().multiply(base);
        labels[i] = Tier.label(tiers, i);
      }
      BigDecimal cumulative = BigDecimal.ZERO;
      int band = 0;
      for (Counted c : credits) {
        DealCredit credit = c.credit;
        if (credit.kind() != CreditKind.REVENUE) {
          continue;
        }
        BigDecimal remaining = credit.amount().amount();
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
          Money portionMoney = portion == remaining && remaining == credit.amount().amount()
              ? credit.amount() : new Money(portion, plan.currency());
          BigDecimal rate = tiers.get(band).rate();
          lines.add(StatementLine.of(g.key(), LineKind.COMMISSION, credit.deal(), subject(credit), portionMoney, rate,
              labels[band], portionMoney.times(rate)));
          cumulative = cumulative.add(portion);
          remaining = remaining.subtract(portion);
        } while (remaining.signum() > 0);
      }
    }

    private void retroactive(Component.RetroactiveTiers r, List<Counted> credits, @Nullable TargetLevels target,
        Money revenue, List<StatementLine> lines) {
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
      String label = Tier.label(tiers, band) + " on all revenue" + (target == null ? ", no target" : "");
      BigDecimal rate = tiers.get(band).rate();
      for (Counted c : credits) {
        DealCredit credit = c.credit;
        if (credit.kind() == CreditKind.REVENUE) {
          lines.add(StatementLine.of(r.key(), LineKind.COMMISSION, credit.deal(), subject(credit), credit.amount(), rate,
              label, credit.amount().times(rate)));
        }
      }
    }

    private void accelerator(Component.Accelerator a, List<Counted> credits, @Nullable TargetLevels target,
        List<StatementLine> lines) {
      if (target == null || target.base().isZero()) {
        return;
      }
      BigDecimal threshold = a.above().multiply(target.base().amount());
      String label = "above " + Tier.percent(a.above()) + " of target";
      BigDecimal cumulative = BigDecimal.ZERO;
      for (Counted c : credits) {
        DealCredit credit = c.credit;
        if (credit.kind() != CreditKind.REVENUE) {
          continue;
        }
        BigDecimal amount = credit.amount().amount();
        BigDecimal after = cumulative.add(amount);
        if (after.compareTo(threshold) > 0) {
          BigDecimal above = after.subtract(cumulative.max(threshold));
          Money base = new Money(above, plan.currency());
          lines.add(StatementLine.of(a.key(), LineKind.ACCELERATOR, credit.deal(), subject(credit), base,
              a.extraRate(), label, base.times(a.extraRate())));
        }
        cumulative = after;
      }
    }

    private void spiff(Component.Spiff s, List<Counted> credits, List<StatementLine> lines) {
      checkCurrency(s.bonus());
      Set<DealId> paid = new HashSet<>();
      for (Counted c : credits) {
        DealCredit credit = c.credit;
        if (credit.kind() != CreditKind.REVENUE || credit.fields() == null || !paid.add(credit.deal())) {
          continue;
        }
        FieldSchema schema = credit.fields().schema();
        CompiledCriteria when = spiffs.computeIfAbsent(s, k -> CriteriaCompiler.compile(k.when(), schema, k.key()));
        if (when.test(credit.fields())) {
          lines.add(StatementLine.of(s.key(), LineKind.SPIFF, credit.deal(), subject(credit), credit.amount(), null,
              "matches " + s.key(), s.bonus()));
        }
      }
    }

    private void dealCap(Component.DealCap cap, List<StatementLine> lines) {
      Money max = cap.max().rounded();
      Map<DealId, Money> byDeal = new LinkedHashMap<>();
      for (StatementLine l : lines) {
        if (l.deal() != null && (l.kind() == LineKind.COMMISSION || l.kind() == LineKind.ACCELERATOR
            || l.kind() == LineKind.SPIFF)) {
          byDeal.merge(l.deal(), l.amount(), Money::plus);
        }
      }
      byDeal.forEach((deal, earned) -> {
        if (earned.compareTo(max) > 0) {
          lines.add(StatementLine.of(cap.key(), LineKind.DEAL_CAP, deal, "deal " + deal.value(), earned, null,
              "cap " + max, max.minus(earned)));
        }
      });
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

    private Money draw(Component.Draw d, Money balance, List<StatementLine> lines) {
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
        Money topUp = amount.minus(net);
        lines.add(StatementLine.of(d.key(), LineKind.DRAW, null, "earnings " + net, amount, null,
            d.recoverable() ? "recoverable draw" : "non-recoverable draw", topUp));
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
      List<RepId> reps = new ArrayList<>(byRep.keySet());
      reps.sort(Comparator.comparing(RepId::value));
      for (RepId rep : reps) {
        List<RepId> above = chart.managersAbove(rep);
        for (Counted c : byRep.get(rep)) {
          if (c.credit.kind() != CreditKind.REVENUE) {
            continue;
          }
          DealId deal = c.credit.deal();
          for (int level = 1; level <= Math.min(o.levels(), above.size()); level++) {
            RepId manager = above.get(level - 1);
            if (creditedOn.get(deal).contains(manager)) {
              continue;
            }
            int lvl = level;
            overrides.computeIfAbsent(manager, m -> new TreeMap<>(Comparator.comparing(DealId::value)))
                .merge(deal, new Override(c.credit.amount(), lvl, rep.value()), Override::plus);
          }
        }
      }
    }

    private void pool(Component.TeamPool p) {
      OrgChart chart = requireChart(p);
      Map<TeamId, List<RepId>> teams = new TreeMap<>(Comparator.comparing(TeamId::value));
      Set<RepId> seen = new HashSet<>(byRep.keySet());
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
      BigDecimal total = BigDecimal.ZERO;
      for (StatementLine l : lines) {
        total = total.add(l.amount().amount());
      }
      return new Money(total, plan.currency());
    }

    /** The measure a deal line is on; the line's deal names the deal, so this allocates nothing per line. */
    private static String subject(DealCredit credit) {
      return credit.kind() == CreditKind.OVERLAY ? "overlay credit" : "revenue credit";
    }
  }

  /** A manager's override base on one deal: the revenue of every rep below them on it. */
  private record Override(Money base, int level, String below) {
    Override plus(Override other) {
      return new Override(base.plus(other.base), Math.min(level, other.level), below + ", " + other.below);
    }
  }
}
