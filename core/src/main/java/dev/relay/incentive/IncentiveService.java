package dev.relay.incentive;

import dev.relay.common.NotFoundException;
import dev.relay.common.Period;
import dev.relay.common.RepId;
import dev.relay.common.TenantId;
import dev.relay.org.OrgChart;
import dev.relay.org.OrgDirectory;
import dev.relay.pipeline.Deal;
import dev.relay.pipeline.DealRepository;
import dev.relay.pipeline.DealStatus;
import dev.relay.playbook.Playbook;
import dev.relay.playbook.PlaybookRepository;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Incentives over the deals Relay keeps, under the tenant's current playbook: credits split from won deals by the
 * playbook's split policy, attainment against its targets, statements under its plans (saved through the {@link
 * StatementLedger}) and what-ifs. Everything is recomputed from the deals as they stand, so attainment and statements
 * follow deals as they move (a deal won, reopened, paid).
 *
 * <p>Throws {@link NotFoundException} when the tenant has no playbook or the playbook has no plan of the key asked.
 */
public final class IncentiveService {
  private final DealRepository deals;
  private final PlaybookRepository playbooks;
  private final OrgDirectory org;
  private final StatementLedger ledger;

  public IncentiveService(DealRepository deals, PlaybookRepository playbooks, OrgDirectory org,
      StatementRepository statements) {
    this.deals = Objects.requireNonNull(deals, "deals");
    this.playbooks = Objects.requireNonNull(playbooks, "playbooks");
    this.org = Objects.requireNonNull(org, "org");
    this.ledger = new StatementLedger(Objects.requireNonNull(statements, "statements"));
  }

  /** The ledger of saved statements and closed periods. */
  public StatementLedger ledger() {
    return ledger;
  }

  /** Credits of every won deal of the tenant under the playbook's split policy and collected stage. */
  public List<DealCredit> credits(TenantId tenant) {
    Playbook playbook = playbook(tenant);
    IncentivePolicy policy = playbook.incentives();
    List<DealCredit> credits = new ArrayList<>();
    for (Deal deal : deals.findByStatus(tenant, EnumSet.of(DealStatus.WON))) {
      credits.addAll(CreditSplitter.credits(deal, policy.splits(), policy.collectedStage()));
    }
    return credits;
  }

  /** Attainment of every target of the period, on booked or collected revenue. */
  public List<Attainment> attainment(TenantId tenant, Measure measure, Period period) {
    Playbook playbook = playbook(tenant);
    TargetBook book = playbook.incentives().targets().book(tenant, playbook.zone());
    return AttainmentReport.measure(tenant, book, credits(tenant), measure, period, org.chart(tenant),
        playbook.currency());
  }

  /**
   * Calculates the period's statements under the named plan and saves them (see {@link StatementLedger#recalculate}
   * for closed periods).
   *
   * @param collaboration each rep's collaboration score for team pools (e.g. from {@link MeasureCollector})
   * @param reversals cancellations and refunds the host recorded
   */
  public List<CommissionStatement> recalculate(TenantId tenant, String planKey, Period period,
      Map<RepId, BigDecimal> collaboration, List<Reversal> reversals) {
    Playbook playbook = playbook(tenant);
    CommissionPlan plan = playbook.incentives().plan(planKey).orElseThrow(() -> new NotFoundException(
        "commission plan", planKey));
    return ledger.recalculate(tenant, plan, inputs(tenant, playbook, period, collaboration, reversals));
  }

  /** The statements the period would get under {@code plan}, with the stored history; nothing is saved. */
  public List<CommissionStatement> whatIf(TenantId tenant, CommissionPlan plan, Period period,
      Map<RepId, BigDecimal> collaboration, List<Reversal> reversals) {
    return ledger.whatIf(tenant, plan, inputs(tenant, playbook(tenant), period, collaboration, reversals));
  }

  private CommissionInputs inputs(TenantId tenant, Playbook playbook, Period period,
      Map<RepId, BigDecimal> collaboration, List<Reversal> reversals) {
    OrgChart chart = org.chart(tenant);
    TargetBook book = playbook.incentives().targets().book(tenant, playbook.zone());
    CommissionInputs.Builder b = CommissionInputs.builder(period).credits(credits(tenant))
        .targets(book.repLevels(period)).chart(chart).collaboration(collaboration);
    reversals.forEach(b::reversal);
    return b.build();
  }

  private Playbook playbook(TenantId tenant) {
    return playbooks.current(tenant).orElseThrow(() -> new NotFoundException("playbook", tenant))
        .playbook();
  }
}
