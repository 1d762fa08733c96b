package dev.relay.incentive;

import dev.relay.common.DealId;
import dev.relay.common.Money;
import dev.relay.common.Period;
import dev.relay.common.RepId;
import dev.relay.org.OrgChart;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Everything one period's statements are calculated from. Immutable; build with {@link #builder(Period)}.
 *
 * @param period the period the statements are for
 * @param credits credit lines; those that count in {@code period} under the plan's measure are used, others ignored
 * @param targets base and stretch per rep for the period
 * @param chart the organisation, needed by manager overrides and team pools; {@code null} if the plan has neither
 * @param collaboration each rep's collaboration score for team pools (any non-negative scale), absent = 0
 * @param reversals cancellations and refunds; those inside {@code period} may claw back
 * @param paid what each rep was paid per deal in earlier statements (lines that pay for a deal: rates, accelerators,
 *     SPIFFs, deal caps, overrides), which clawbacks take back
 * @param drawBalances recoverable draw balance carried into the period per rep
 * @param carried lines carried into the period per rep (adjustments of closed periods)
 * @param reps reps who get a statement even with nothing credited (so that a draw can pay them)
 */
public record CommissionInputs(Period period, List<DealCredit> credits, Map<RepId, TargetLevels> targets,
    @Nullable OrgChart chart, Map<RepId, BigDecimal> collaboration, List<Reversal> reversals,
    Map<RepId, Map<DealId, Money>> paid, Map<RepId, Money> drawBalances,
    Map<RepId, List<StatementLine>> carried, Set<RepId> reps) {
  public CommissionInputs {
    Objects.requireNonNull(period, "period");
    credits = List.copyOf(credits);
    targets = Map.copyOf(targets);
    collaboration = Map.copyOf(collaboration);
    reversals = List.copyOf(reversals);
    Map<RepId, Map<DealId, Money>> paidCopy = new HashMap<>();
    paid.forEach((rep, byDeal) -> paidCopy.put(rep, Map.copyOf(byDeal)));
    paid = Map.copyOf(paidCopy);
    drawBalances = Map.copyOf(drawBalances);
    Map<RepId, List<StatementLine>> carriedCopy = new HashMap<>();
    carried.forEach((rep, lines) -> carriedCopy.put(rep, List.copyOf(lines)));
    carried = Map.copyOf(carriedCopy);
    reps = Set.copyOf(reps);
  }

  public static Builder builder(Period period) {
    return new Builder(period);
  }

  /** A builder holding these inputs, to change a few of them (a what-if). */
  public Builder toBuilder() {
    Builder b = new Builder(period);
    b.credits.addAll(credits);
    b.targets.putAll(targets);
    b.chart = chart;
    b.collaboration.putAll(collaboration);
    b.reversals.addAll(reversals);
    paid.forEach((rep, byDeal) -> b.paid.put(rep, new HashMap<>(byDeal)));
    b.drawBalances.putAll(drawBalances);
    carried.forEach((rep, lines) -> b.carried.put(rep, new ArrayList<>(lines)));
    b.reps.addAll(reps);
    return b;
  }

  /** Collects the inputs of one period. */
  public static final class Builder {
    private final Period period;
    private final List<DealCredit> credits = new ArrayList<>();
    private final Map<RepId, TargetLevels> targets = new HashMap<>();
    private @Nullable OrgChart chart;
    private final Map<RepId, BigDecimal> collaboration = new HashMap<>();
    private final List<Reversal> reversals = new ArrayList<>();
    private final Map<RepId, Map<DealId, Money>> paid = new HashMap<>();
    private final Map<RepId, Money> drawBalances = new HashMap<>();
    private final Map<RepId, List<StatementLine>> carried = new HashMap<>();
    private final Set<RepId> reps = new LinkedHashSet<>();

    private Builder(Period period) {
      this.period = Objects.requireNonNull(period, "period");
    }

    public Builder credit(DealCredit credit) {
      credits.add(Objects.requireNonNull(credit, "credit"));
      return this;
    }

    public Builder credits(List<DealCredit> values) {
      values.forEach(this::credit);
      return this;
    }

    /** Replaces every credit, e.g. for a what-if. */
    public Builder replaceCredits(List<DealCredit> values) {
      credits.clear();
      return credits(values);
    }

    public Builder target(RepId rep, TargetLevels levels) {
      targets.put(Objects.requireNonNull(rep, "rep"), Objects.requireNonNull(levels, "levels"));
      return this;
    }

    public Builder targets(Map<RepId, TargetLevels> values) {
      values.forEach(this::target);
      return this;
    }

    public Builder chart(OrgChart value) {
      this.chart = Objects.requireNonNull(value, "chart");
      return this;
    }

    public Builder collaboration(RepId rep, BigDecimal score) {
      if (score.signum() < 0) {
        throw new IllegalArgumentException("a collaboration score must not be negative: " + score + " for " + rep);
      }
      collaboration.put(rep, score);
      return this;
    }

    public Builder collaboration(Map<RepId, BigDecimal> values) {
      values.forEach(this::collaboration);
      return this;
    }

    public Builder reversal(Reversal value) {
      reversals.add(Objects.requireNonNull(value, "reversal"));
      return this;
    }

    public Builder paid(RepId rep, DealId deal, Money value) {
      paid.computeIfAbsent(rep, r -> new HashMap<>()).put(deal, value);
      return this;
    }

    public Builder drawBalance(RepId rep, Money balance) {
      drawBalances.put(rep, balance);
      return this;
    }

    public Builder carry(RepId rep, StatementLine line) {
      carried.computeIfAbsent(rep, r -> new ArrayList<>()).add(line);
      return this;
    }

    public Builder rep(RepId rep) {
      reps.add(Objects.requireNonNull(rep, "rep"));
      return this;
    }

    public CommissionInputs build() {
      return new CommissionInputs(period, credits, targets, chart, collaboration, reversals, paid, drawBalances,
          carried, reps);
    }
  }
}
