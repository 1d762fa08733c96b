/**
 * Leads (线索): inbound prospects before qualification — captured with duplicate checks against leads and accounts,
 * routed to a rep by the assignment rules, contacted, qualified or disqualified, and converted into accounts and deals.
 */
@NullMarked
package dev.relay.lead;

import org.jspecify.annotations.NullMarked;
