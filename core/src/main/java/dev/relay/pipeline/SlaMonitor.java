package dev.relay.pipeline;

import dev.relay.common.ConcurrencyConflictException;
import dev.relay.common.ConflictRetry;
import dev.relay.common.EventPublisher;
import dev.relay.common.NotFoundException;
import dev.relay.common.TenantId;
import dev.relay.common.TransactionRunner;
import dev.relay.pipeline.PipelineEvent.SlaBreached;
import dev.relay.playbook.PlaybookRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds deals that have stayed in a stage longer than its SLA (响应时限) and reports each breach exactly once per stage
 * visit: the deal is marked, saved with an optimistic version check and a {@link PipelineEvent.SlaBreached} event is
 * published in the same transaction. A later check reports nothing new for that visit; a new visit of the stage (after
 * moving on and coming back, or reopening) can breach again.
 *
 * <p>Checked are the deals still moving through the pipeline ({@link Deal#isInProgress}) against the SLAs of the
 * tenant's current playbook, at the injected clock's now. A breach counts when the dwell is strictly longer than the
 * SLA. The host schedules {@link #checkBreaches} (core starts no threads); running it on several hosts at once is safe,
 * since the version check lets only one of them mark a visit.
 */
public final class SlaMonitor {
  private static final int MAX_ATTEMPTS = 3;

  private final DealRepository deals;
  private final PlaybookRepository playbooks;
  private final EventPublisher events;
  private final TransactionRunner transactions;
  private final Clock clock;
  private final ConflictRetry retry = new ConflictRetry(MAX_ATTEMPTS);

  public SlaMonitor(DealRepository deals, PlaybookRepository playbooks, EventPublisher events,
      TransactionRunner transactions, Clock clock) {
    this.deals = Objects.requireNonNull(deals, "deals");
    this.playbooks = Objects.requireNonNull(playbooks, "playbooks");
    this.events = Objects.requireNonNull(events, "events");
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Reports the breaches not reported before, ordered by deal id.
   *
   * <p>A deal that keeps changing under the check (it loses {@value #MAX_ATTEMPTS} version races in a row) is left
   * for the next check rather than failing the whole run.
   *
   * @throws NotFoundException if the tenant has no playbook
   */
  public List<SlaBreach> checkBreaches(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    PipelineDefinition pipeline = playbooks.current(tenant)
        .orElseThrow(() -> new NotFoundException("playbook", tenant)).playbook().pipeline();
    Instant now = clock.instant();
    List<SlaBreach> reported = new ArrayList<>();
    for (Deal candidate : deals.findByStatus(tenant, EnumSet.of(DealStatus.OPEN, DealStatus.WON))) {
      if (breachOf(candidate, pipeline, now).isEmpty()) {
        continue;
      }
      try {
        retry.run(() -> transactions.inTransaction(() -> mark(candidate, pipeline, now))).ifPresent(reported::add);
      } catch (ConcurrencyConflictException busy) {
        // Someone keeps changing this deal; if it is still overdue, the next check reports it.
      }
    }
    return reported;
  }

  /** Re-reads the deal and, if its visit is still in breach and unreported, marks and reports it. */
  private Optional<SlaBreach> mark(Deal candidate, PipelineDefinition pipeline, Instant now) {
    Optional<Deal> fresh = deals.find(candidate.id());
    if (fresh.isEmpty()) {
      return Optional.empty();
    }
    Deal deal = fresh.get();
    Optional<SlaBreach> breach = breachOf(deal, pipeline, now);
    if (breach.isPresent()) {
      SlaBreach b = breach.get();
      deals.save(deal.withSlaBreachReportedAt(now).nextVersion(deal.playbookVersion()), deal.version());
      events.publish(List.of(new SlaBreached(deal.id(), now, b.stage(), b.responsible(), b.enteredAt(), b.due(),
          b.overdue())));
    }
    return breach;
  }

  /** The deal's unreported breach at {@code now}, if its current stage has an SLA and the visit has outlasted it. */
  static Optional<SlaBreach> breachOf(Deal deal, PipelineDefinition pipeline, Instant now) {
    if (deal.isSlaBreachReported() || !deal.isInProgress(pipeline)) {
      return Optional.empty();
    }
    Optional<Duration> sla = pipeline.stage(deal.stage()).flatMap(StageDefinition::maxDwell);
    if (sla.isEmpty()) {
      return Optional.empty();
    }
    Instant enteredAt = deal.stageEnteredAt();
    Instant due = enteredAt.plus(sla.get());
    if (!now.isAfter(due)) {
      return Optional.empty();
    }
    return Optional.of(new SlaBreach(deal.id(), deal.stage(), deal.responsible(), enteredAt, due,
        Duration.between(due, now)));
  }
}
