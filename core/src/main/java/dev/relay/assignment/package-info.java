/**
 * Lead routing (线索分配): ordered assignment rules (criteria → target and strategy, first match wins, with a default),
 * eligibility filters (availability, working hours, capacity caps over several windows), strategies (round robin,
 * exact weighted round robin, least loaded, best fit, grade-based, sticky owner), a decision trace for every
 * assignment, first-contact SLAs, and fairness reports.
 *
 * <p>{@link dev.relay.assignment.LeadRouter} is the entry point: it routes a {@link dev.relay.assignment.RoutingRequest}
 * into a {@link dev.relay.assignment.RoutingDecision} and records it in the {@link
 * dev.relay.assignment.RoutingState} port, which serialises decisions per tenant ({@link
 * dev.relay.assignment.InMemoryRoutingState} is the reference). Rules come from the playbook's {@link
 * dev.relay.assignment.AssignmentPolicy}; what routing knows of reps beyond the org directory from {@link
 * dev.relay.assignment.RepProfiles}. Filters and strategies are package-private, one class each.
 */
@NullMarked
package dev.relay.assignment;

import org.jspecify.annotations.NullMarked;
