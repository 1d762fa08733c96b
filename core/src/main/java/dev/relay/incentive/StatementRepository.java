package dev.relay.incentive;

import dev.relay.common.Period;
import dev.relay.common.RepId;
import dev.relay.common.TenantId;
import java.util.List;
import java.util.Optional;

/**
 * Port storing commission statements and which periods are closed (结算关账). A closed period is frozen: its statements
 * never change again, and corrections land as adjustments in a later open period. {@link
 * InMemoryStatementRepository} is the reference implementation; {@code StatementRepositoryContract} in the core test
 * sources is the contract every implementation passes.
 *
 * <p>Statements are keyed by (rep, period); periods of different kinds never clash. Every query is scoped by tenant.
 */
public interface StatementRepository {
  /**
   * Inserts or replaces the statement of its rep and period.
   *
   * @throws ClosedPeriodException if its period is closed for the rep's tenant
   */
  void save(CommissionStatement statement);

  Optional<CommissionStatement> find(RepId rep, Period period);

  /** Every statement of the tenant for the period, ordered by rep id. */
  List<CommissionStatement> findAll(TenantId tenant, Period period);

  /** Every statement of one rep, oldest period first. */
  List<CommissionStatement> findByRep(RepId rep);

  /** Every statement with a line naming the deal, oldest period first: what clawbacks of the deal look at. */
  List<CommissionStatement> findByDeal(dev.relay.common.DealId deal);

  /** Freezes the period for the tenant; closing a closed period does nothing. */
  void close(TenantId tenant, Period period);

  boolean isClosed(TenantId tenant, Period period);
}
