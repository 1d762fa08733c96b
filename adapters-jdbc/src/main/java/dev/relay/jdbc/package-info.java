/**
 * JDBC storage adapter (H2 embedded by default, PostgreSQL in production). The repository implementations arrive with
 * the storage issue; the module builds now so that the layout is fixed.
 */
package dev.relay.jdbc;
