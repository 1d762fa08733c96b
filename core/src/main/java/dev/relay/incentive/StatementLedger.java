package dev.relay.incentive;

import dev.relay.common.DealId;
import dev.relay.common.Money;
import dev.relay.common.Period;
import dev.relay.common.RepId;
import dev.relay.common.TenantId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Keeps statements over time: calculates and saves a period's statements, closes periods, lands corrections of closed
 * periods as adjustments in the next open one, and runs what-ifs that save nothing.
 *
 * <p>The ledger completes the host's {@link CommissionInputs} from the stored statements: what each rep was paid on
 * each reversed deal (for clawbacks), the draw balance carried from the previous period, and the adjustments already
 * landed in the period. Recalculating with the same inputs saves the same statements (idempotent).
 */
public final class StatementLedger {
  private final StatementRepository repository;

  public StatementLedger(StatementRepository repository) {
    this.repository = Objects.requireNonNull(repository, "repository");
  }

  /**
   * Calculates the period's statements and saves them. For an open period the statements replace any saved ones. For a
   * closed period nothing of it changes: each rep's difference between the corrected statement and what was frozen
   * (less adjustments already landed) becomes {@link LineKind#ADJUSTMENT} lines in the first open period after it,
   * replacing earlier adjustments of the same closed period there. Recalculate that open period afterwards if its
   * draws should see the adjustments.
   *
   * @return the saved statements: of the period if open, otherwise the open statements that received adjustments
   */
  public List<CommissionStatement> recalculate(TenantId tenant, CommissionPlan plan, CommissionInputs inputs) {
    Period period = inputs.period();
    if (!repository.isClosed(tenant, period)) {
      List<CommissionStatement> statements = CommissionEngine.calculate(plan, completed(tenant, inputs, true));
      statements.forEach(repository::save);
      return statements;
    }
    List<CommissionStatement> corrected = CommissionEngine.calculate(plan, completed(tenant, inputs, false));
    Period open = period.next();
    while (repository.isClosed(tenant, open)) {
      open = open.next();
    }
    List<CommissionStatement> saved = new ArrayList<>();
    for (CommissionStatement fresh : corrected) {
      Optional<CommissionStatement> adjusted = adjust(fresh, open, plan);
      adjusted.ifPresent(s -> {
        repository.save(s);
        saved.add(s);
      });
    }
    return saved;
  }

  /** Calculates statements under {@code plan} with the stored history, saving nothing (a what-if). */
  public List<CommissionStatement> whatIf(TenantId tenant, CommissionPlan plan, CommissionInputs inputs) {
    return CommissionEngine.calculate(plan, completed(tenant, inputs, !repository.isClosed(tenant, inputs.period())));
  }

  /** Freezes a period for the tenant. */
  public void close(TenantId tenant, Period period) {
    repository.close(tenant, period);
  }

  public Optional<CommissionStatement> statement(RepId rep, Period period) {
    return repository.find(rep, period);
  }

  /** The host's inputs plus paid history, draw balances and (for an open period) its landed adjustments. */
  private CommissionInputs completed(TenantId tenant, CommissionInputs inputs, boolean carryAdjustments) {
    Period period = inputs.period();
    CommissionInputs.Builder b = inputs.toBuilder();
    for (Reversal r : inputs.reversals()) {
      if (!period.contains(r.at())) {
        continue;
      }
      Map<RepId, Money> paid = new LinkedHashMap<>();
      for (CommissionStatement s : repository.findByDeal(r.deal())) {
        if (!s.period().start().isBefore(period.start())) {
          continue;
        }
        for (StatementLine l : s.lines()) {
          if (r.deal().equals(l.deal()) && (l.kind().paysForDeal() || l.kind() == LineKind.CLAWBACK
              || l.kind() == LineKind.ADJUSTMENT)) {
            paid.merge(s.rep(), l.amount(), Money::plus);
          }
        }
      }
      paid.forEach((rep, amount) -> b.paid(rep, r.deal(), amount));
    }
    for (CommissionStatement previous : repository.findAll(tenant, period.previous())) {
      if (!inputs.drawBalances().containsKey(previous.rep()) && !previous.drawBalance().isZero()) {
        b.drawBalance(previous.rep(), previous.drawBalance());
      }
    }
    if (carryAdjustments) {
      for (CommissionStatement existing : repository.findAll(tenant, period)) {
        // A rep whose credits went away (a deal reopened) gets a fresh, emptier statement, not a stale one.
        b.rep(existing.rep());
        for (StatementLine l : existing.lines()) {
          if (l.kind() == LineKind.ADJUSTMENT) {
            b.carry(existing.rep(), l);
          }
        }
      }
    }
    return b.build();
  }

  /** The open statement with this rep's corrections of {@code fresh}'s closed period, or empty if nothing changed. */
  private Optional<CommissionStatement> adjust(CommissionStatement fresh, Period open, CommissionPlan plan) {
    Period closed = fresh.period();
    Map<LineKey, Money> delta = new LinkedHashMap<>();
    for (StatementLine l : fresh.lines()) {
      delta.merge(LineKey.of(l), l.amount(), Money::plus);
    }
    repository.find(fresh.rep(), closed).ifPresent(frozen -> {
      for (StatementLine l : frozen.lines()) {
        delta.merge(LineKey.of(l), l.amount().negate(), Money::plus);
      }
    });
    List<StatementLine> kept = new ArrayList<>();
    Optional<CommissionStatement> target = repository.find(fresh.rep(), open);
    for (CommissionStatement later : repository.findByRep(fresh.rep())) {
      if (!later.period().start().isAfter(closed.start())) {
        continue;
      }
      for (StatementLine l : later.lines()) {
        boolean landedHere = later.period().equals(open);
        if (closed.equals(l.adjusts()) && !landedHere) {
          delta.merge(LineKey.ofAdjustment(l), l.amount().negate(), Money::plus);
        }
      }
    }
    target.ifPresent(t -> t.lines().stream().filter(l -> !closed.equals(l.adjusts())).forEach(kept::add));
    List<StatementLine> adjustments = new ArrayList<>();
    delta.forEach((key, amount) -> {
      if (!amount.isZero()) {
        adjustments.add(new StatementLine(key.component, LineKind.ADJUSTMENT, key.deal,
            "correction of " + closed, amount.rounded(), null, key.kind.name(), amount.rounded(), closed));
      }
    });
    List<StatementLine> previous = target.map(t -> t.lines().stream()
        .filter(l -> closed.equals(l.adjusts())).toList()).orElse(List.of());
    if (adjustments.equals(previous)) {
      return Optional.empty();
    }
    List<StatementLine> lines = new ArrayList<>(kept);
    lines.addAll(adjustments);
    Money balance = target.map(CommissionStatement::drawBalance).orElse(Money.zero(plan.currency()));
    String planKey = target.map(CommissionStatement::plan).orElse(plan.key());
    return Optional.of(new CommissionStatement(fresh.rep(), open, planKey, plan.currency(), lines, balance));
  }

  /** What a correction is matched on: the component, the kind of line and the deal. */
  private record LineKey(String component, LineKind kind, @Nullable DealId deal) {
    static LineKey of(StatementLine l) {
      return new LineKey(l.component(), l.kind(), l.deal());
    }

    /** An adjustment counts against the kind of line it corrected, which its tier names. */
    static LineKey ofAdjustment(StatementLine l) {
      return new LineKey(l.component(), LineKind.valueOf(l.tier()), l.deal());
    }
  }
}
