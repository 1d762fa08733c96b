package dev.relay.incentive;

import dev.relay.common.TenantId;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * The target part of the playbook's incentives: the reconciliation rule between parents and children, the seasonality
 * profile yearly targets spread by, the ramp-up for new reps, and the targets set so far.
 *
 * @param reconciliation the rule {@link TargetCascade#reconcile} applies
 * @param seasonality how yearly targets spread over months
 * @param rampUp new reps' shares of their targets in their first months (empty for none)
 * @param entries the targets, unbound
 */
public record TargetSettings(Reconciliation reconciliation, Seasonality seasonality, RampUp rampUp,
    List<TargetEntry> entries) {
  public TargetSettings {
    Objects.requireNonNull(reconciliation, "reconciliation");
    Objects.requireNonNull(seasonality, "seasonality");
    Objects.requireNonNull(rampUp, "rampUp");
    entries = List.copyOf(entries);
  }

  /** Exact reconciliation, flat seasonality, no ramp-up, no targets. */
  public static TargetSettings defaults() {
    return new TargetSettings(Reconciliation.EXACT, Seasonality.flat(), RampUp.of(), List.of());
  }

  /**
   * The targets bound to a tenant in a zone (the playbook's).
   *
   * @throws IllegalArgumentException if an entry is malformed (a validated playbook has none) or two clash
   */
  public TargetBook book(TenantId tenant, ZoneId zone) {
    return TargetBook.of(entries.stream().map(e -> e.bind(tenant, zone)).toList());
  }
}
