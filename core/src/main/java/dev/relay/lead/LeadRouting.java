package dev.relay.lead;

import dev.relay.assignment.AssignmentRecord;
import dev.relay.assignment.LeadRouter;
import dev.relay.assignment.RoutingDecision;
import dev.relay.assignment.RoutingRequest;
import dev.relay.assignment.RoutingState;
import dev.relay.common.LeadId;
import dev.relay.common.RepId;
import dev.relay.common.TenantId;
import java.util.Objects;

/**
 * The lead capability's port to routing: decide who gets a lead, and keep the reps' open load — which capacity caps
 * and least-loaded routing read — in step with what happens to leads afterwards. The facade wires it {@link #over} the
 * {@link LeadRouter} and its {@link RoutingState}; tests may use a fake.
 *
 * <p>The routing state is a store of its own, so these calls are not part of the lead's unit of work: the lead service
 * calls {@link #released} after a lead's change is stored, and releases a decision's assignee again when storing the
 * routed lead loses an optimistic-locking race.
 */
public interface LeadRouting {

  /**
   * Routes a lead and records the assignment in the routing state.
   *
   * @throws dev.relay.common.ValidationException if the request names another tenant's reps
   * @throws dev.relay.common.NotFoundException if the tenant has no playbook
   */
  RoutingDecision route(RoutingRequest request);

  /**
   * A rep received a lead outside routing — a manual hand-over or an SLA escalation — so it counts in their open load
   * and in their capacity windows.
   */
  void assigned(AssignmentRecord record);

  /**
   * The lead no longer weighs on the rep's open load: it was qualified, disqualified or converted, or it moved to
   * someone else. Releasing a lead the rep does not hold changes nothing.
   */
  void released(TenantId tenant, RepId rep, LeadId lead);

  /**
   * The port over the router and the routing state it records in (which must be the router's own): {@link #route} and
   * {@link #released} go to the router, {@link #assigned} records the assignment in the state, outside any rotation.
   */
  static LeadRouting over(LeadRouter router, RoutingState state) {
    Objects.requireNonNull(router, "router");
    Objects.requireNonNull(state, "state");
    return new LeadRouting() {
      @Override
      public RoutingDecision route(RoutingRequest request) {
        return router.route(request);
      }

      @Override
      public void assigned(AssignmentRecord record) {
        state.locked(record.lead().tenant(), ledger -> {
          ledger.recordAssignment(record);
          return record;
        });
      }

      @Override
      public void released(TenantId tenant, RepId rep, LeadId lead) {
        router.released(tenant, rep, lead);
      }
    };
  }
}
