package dev.relay.jdbc;

/** Tenant isolation on H2. */
class TenantIsolationH2Test extends TenantIsolationScenarios {
  @Override
  TestDatabase database() {
    return TestDatabase.h2();
  }
}
