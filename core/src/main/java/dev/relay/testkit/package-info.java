/**
 * Support for hosts testing their own playbooks and integrations: a {@link dev.relay.testkit.ManualClock} that moves
 * only when told, and {@link dev.relay.testkit.RelayTestKit}, which stands up an in-memory engine from a playbook in a
 * few lines. Nothing here is needed in production.
 */
@NullMarked
package dev.relay.testkit;

import org.jspecify.annotations.NullMarked;
