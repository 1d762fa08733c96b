package dev.relay.incentive;

import dev.relay.activity.Activity;
import dev.relay.common.AccountId;
import dev.relay.common.DealId;
import dev.relay.common.Period;
import dev.relay.common.RepId;
import dev.relay.pipeline.Collaborator;
import dev.relay.pipeline.Deal;
import dev.relay.pipeline.DealStatus;
import dev.relay.pipeline.PipelineDefinition;
import dev.relay.pipeline.StageDefinition;
import dev.relay.pipeline.StageTransition;
import dev.relay.pipeline.TransitionKind;
import dev.relay.pool.Account;
import dev.relay.pool.OwnershipChange;
import dev.relay.pool.OwnershipChangeKind;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Measures every scorecard dimension of every rep in a period from the records Relay keeps: deals (with their history),
 * activities, credits and attainment, plus the customer-satisfaction input the host supplies.
 *
 * <ul>
 *   <li><b>revenue attainment</b>: the rep's {@link Attainment#ratio()};
 *   <li><b>new customers</b>: accounts whose first won deal (among {@code deals}) was won by the rep in the period;
 *   <li><b>process compliance</b>: of the stage exits the rep's deals made in the period, the share that left within
 *       the stage's SLA (stages without an SLA always comply; gates are enforced on every exit by the pipeline). A rep
 *       without exits scores 1;
 *   <li><b>collaboration</b> points: {@value #ASSIST_POINTS} per colleague's deal won in the period that the rep
 *       collaborated on, {@value #SHARED_CREDIT_POINTS} per revenue or overlay credit the rep holds on a colleague's
 *       deal, {@value #HANDOVER_POINTS} per customer the rep handed over (转交) in the period with a note, {@value
 *       #ACTIVITY_POINTS} per activity the rep recorded on a colleague's deal;
 *   <li><b>activity count</b>: activities the rep recorded (occurred) in the period.
 * </ul>
 */
public final class MeasureCollector {
  static final int ASSIST_POINTS = 3;
  static final int SHARED_CREDIT_POINTS = 2;
  static final int ACTIVITY_POINTS = 1;
  static final int HANDOVER_POINTS = 2;

  private MeasureCollector() {}

  /** Each rep's raw measures for the period, without customer handovers; a rep with nothing measured is absent. */
  public static Map<RepId, Map<DimensionKind, BigDecimal>> collect(Period period, PipelineDefinition pipeline,
      List<Deal> deals, List<Activity> activities, List<DealCredit> credits, List<Attainment> attainments,
      Map<RepId, BigDecimal> satisfaction) {
    return collect(period, pipeline, deals, activities, List.of(), credits, attainments, satisfaction);
  }

  /**
   * Each rep's raw measures for the period, handovers of {@code accounts} included; a rep with nothing measured is
   * absent.
   */
  public static Map<RepId, Map<DimensionKind, BigDecimal>> collect(Period period, PipelineDefinition pipeline,
      List<Deal> deals, List<Activity> activities, List<Account> accounts, List<DealCredit> credits,
      List<Attainment> attainments, Map<RepId, BigDecimal> satisfaction) {
    Map<RepId, Map<DimensionKind, BigDecimal>> out = new HashMap<>();
    for (Attainment a : attainments) {
      if (a.owner() instanceof TargetOwner.OfRep r) {
        put(out, r.rep(), DimensionKind.REVENUE_ATTAINMENT, a.ratio());
      }
    }
    satisfaction.forEach((rep, score) -> put(out, rep, DimensionKind.CUSTOMER_SATISFACTION, score));
    newCustomers(period, deals, out);
    compliance(period, pipeline, deals, out);
    collaboration(period, deals, activities, credits, out);
    for (Account account : accounts) {
      for (OwnershipChange change : account.history()) {
        if (change.kind() == OwnershipChangeKind.TRANSFERRED && change.from() != null && change.note() != null
            && !change.note().isBlank() && period.contains(change.at())) {
          add(out, change.from(), DimensionKind.COLLABORATION, HANDOVER_POINTS);
        }
      }
    }
    for (Activity a : activities) {
      if (period.contains(a.occurredAt())) {
        add(out, a.author(), DimensionKind.ACTIVITY_COUNT, 1);
      }
    }
    return out;
  }

  private static void newCustomers(Period period, List<Deal> deals, Map<RepId, Map<DimensionKind, BigDecimal>> out) {
    Map<AccountId, Deal> firstWin = new HashMap<>();
    Map<AccountId, Instant> firstWinAt = new HashMap<>();
    for (Deal d : deals) {
      Optional<Instant> won = wonAt(d);
      if (d.account() == null || won.isEmpty()) {
        continue;
      }
      Instant earlier = firstWinAt.get(d.account());
      if (earlier == null || won.get().isBefore(earlier)) {
        firstWin.put(d.account(), d);
        firstWinAt.put(d.account(), won.get());
      }
    }
    firstWin.forEach((account, deal) -> {
      if (period.contains(firstWinAt.get(account))) {
        add(out, deal.owner(), DimensionKind.NEW_CUSTOMERS, 1);
      }
    });
  }

  private static void compliance(Period period, PipelineDefinition pipeline, List<Deal> deals,
      Map<RepId, Map<DimensionKind, BigDecimal>> out) {
    Map<RepId, int[]> counts = new HashMap<>();
    for (Deal d : deals) {
      List<StageTransition> h = d.history();
      int visit = 0;
      for (int i = 1; i < h.size(); i++) {
        StageTransition t = h.get(i);
        if (!t.entersStage()) {
          continue;
        }
        if (period.contains(t.at()) && t.kind() != TransitionKind.REOPENED) {
          Optional<Duration> sla = pipeline.stage(h.get(visit).to()).flatMap(StageDefinition::maxDwell);
          boolean kept = sla.isEmpty() || Duration.between(h.get(visit).at(), t.at()).compareTo(sla.get()) <= 0;
          int[] c = counts.computeIfAbsent(d.owner(), r -> new int[2]);
          c[0]++;
          if (kept) {
            c[1]++;
          }
        }
        visit = i;
      }
    }
    counts.forEach((rep, c) -> put(out, rep, DimensionKind.PROCESS_COMPLIANCE,
        BigDecimal.valueOf(c[1]).divide(BigDecimal.valueOf(c[0]), MathContext.DECIMAL64)));
  }

  private static void collaboration(Period period, List<Deal> deals, List<Activity> activities,
      List<DealCredit> credits, Map<RepId, Map<DimensionKind, BigDecimal>> out) {
    Map<DealId, RepId> owners = new HashMap<>();
    for (Deal d : deals) {
      owners.put(d.id(), d.owner());
      Optional<Instant> won = wonAt(d);
      if (won.isPresent() && period.contains(won.get())) {
        for (Collaborator c : d.collaborators()) {
          if (!c.rep().equals(d.owner())) {
            add(out, c.rep(), DimensionKind.COLLABORATION, ASSIST_POINTS);
          }
        }
      }
    }
    Set<String> counted = new HashSet<>();
    for (DealCredit c : credits) {
      RepId owner = owners.get(c.deal());
      Instant at = c.bookedAt();
      if (owner != null && !owner.equals(c.rep()) && period.contains(at)
          && counted.add(c.deal().value() + "/" + c.rep().value() + "/" + c.kind())) {
        add(out, c.rep(), DimensionKind.COLLABORATION, SHARED_CREDIT_POINTS);
      }
    }
    for (Activity a : activities) {
      DealId deal = a.subject().deal();
      RepId owner = deal == null ? null : owners.get(deal);
      if (owner != null && !owner.equals(a.author()) && period.contains(a.occurredAt())) {
        add(out, a.author(), DimensionKind.COLLABORATION, ACTIVITY_POINTS);
      }
    }
  }

  private static Optional<Instant> wonAt(Deal d) {
    return d.status() == DealStatus.WON ? CreditSplitter.lastWon(d) : Optional.empty();
  }

  private static void put(Map<RepId, Map<DimensionKind, BigDecimal>> out, RepId rep, DimensionKind kind,
      BigDecimal value) {
    out.computeIfAbsent(rep, r -> new EnumMap<>(DimensionKind.class)).put(kind, value);
  }

  private static void add(Map<RepId, Map<DimensionKind, BigDecimal>> out, RepId rep, DimensionKind kind, int value) {
    out.computeIfAbsent(rep, r -> new EnumMap<>(DimensionKind.class)).merge(kind, BigDecimal.valueOf(value),
        BigDecimal::add);
  }
}
