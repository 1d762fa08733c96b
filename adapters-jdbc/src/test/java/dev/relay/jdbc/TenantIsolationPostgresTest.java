package dev.relay.jdbc;

/** Tenant isolation on Postgres. */
class TenantIsolationPostgresTest extends TenantIsolationScenarios {
  @Override
  TestDatabase database() {
    return TestDatabase.postgres();
  }
}
