package dev.relay.jdbc;

/** Lead inserts on H2. */
class LeadInsertH2Test extends LeadInsertScenarios {
  @Override
  TestDatabase database() {
    return TestDatabase.h2();
  }
}
