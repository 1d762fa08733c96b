package dev.relay.jdbc;

/** The engine on Postgres. */
class JdbcRelayPostgresTest extends JdbcRelayScenarios {
  @Override
  TestDatabase database() {
    return TestDatabase.postgres();
  }
}
