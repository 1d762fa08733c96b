package dev.relay.jdbc;

/** The engine on H2. */
class JdbcRelayH2Test extends JdbcRelayScenarios {
  @Override
  TestDatabase database() {
    return TestDatabase.h2();
  }
}
