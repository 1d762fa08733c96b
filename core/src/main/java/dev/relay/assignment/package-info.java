/**
 * Lead routing (线索分配): ordered assignment rules (criteria → target and strategy, first match wins, with a default),
 * eligibility filters (availability, working hours, capacity caps over several windows), strategies (round robin,
 * smooth weighted round robin, least loaded, best fit, grade-based, sticky owner), a decision trace for every
 * assignment, first-contact SLAs with re-routing and escalation, and fairness reports.
 */
@NullMarked
package dev.relay.assignment;

import org.jspecify.annotations.NullMarked;
