/**
 * Leads (线索): inbound prospects before qualification — captured with duplicate checks against leads and accounts,
 * routed to a rep by the assignment rules, contacted, qualified or disqualified, and converted into accounts and deals.
 *
 * <p>{@link dev.relay.lead.LeadService} holds the use cases and {@link dev.relay.lead.SlaRerouteSweep} re-routes and
 * escalates leads whose first-contact SLA was missed; both store {@link dev.relay.lead.Lead}s through the {@link
 * dev.relay.lead.LeadRepository} port and route through the {@link dev.relay.lead.LeadRouting} port. The policies
 * behind them (duplicates, account matching, SLA deadlines and breaches, who may act) are package-private classes.
 * {@code docs/leads.md} describes the behaviour.
 */
@NullMarked
package dev.relay.lead;

import org.jspecify.annotations.NullMarked;
