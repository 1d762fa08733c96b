/**
 * JDBC storage adapter: every core repository port on a host-supplied {@link javax.sql.DataSource}, with versioned
 * Flyway migrations per dialect ({@link dev.relay.jdbc.RelaySchema}), a unit of work that nested calls join ({@link
 * dev.relay.jdbc.JdbcTransactionRunner}), optimistic locking through version columns, tenant ids on every table and in
 * every statement, and a transactional outbox ({@link dev.relay.jdbc.OutboxEventPublisher}, {@link
 * dev.relay.jdbc.OutboxRelay}). H2 (file or memory) is the embedded default, PostgreSQL 14+ the production target.
 * {@link dev.relay.jdbc.JdbcStorage} wires everything into a {@link dev.relay.Relay.Builder}.
 */
@NullMarked
package dev.relay.jdbc;

import org.jspecify.annotations.NullMarked;
