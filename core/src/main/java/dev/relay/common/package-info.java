/**
 * Value types shared by every capability: tenant-scoped identifiers, {@link dev.relay.common.Money}, {@link
 * dev.relay.common.Period}, verdicts, events, the exception hierarchy and the cross-cutting ports
 * ({@link dev.relay.common.EventPublisher}, {@link dev.relay.common.IdGenerator}, {@link
 * dev.relay.common.TransactionRunner}).
 */
@NullMarked
package dev.relay.common;

import org.jspecify.annotations.NullMarked;
