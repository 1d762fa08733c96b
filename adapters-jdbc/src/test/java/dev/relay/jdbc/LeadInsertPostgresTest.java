package dev.relay.jdbc;

/** Lead inserts on Postgres. */
class LeadInsertPostgresTest extends LeadInsertScenarios {
  @Override
  TestDatabase database() {
    return TestDatabase.postgres();
  }
}
