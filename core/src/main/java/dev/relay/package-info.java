/**
 * Relay's entry point: {@link dev.relay.Relay#builder()} wires ports (storage, events, clock, ids, transactions) to the
 * application services of every capability. Everything defaults to thread-safe in-memory adapters, so a host's unit
 * test stands up a whole engine in a few lines.
 */
@NullMarked
package dev.relay;

import org.jspecify.annotations.NullMarked;
