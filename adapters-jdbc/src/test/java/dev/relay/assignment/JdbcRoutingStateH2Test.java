package dev.relay.assignment;

import dev.relay.jdbc.JdbcRoutingState;
import dev.relay.jdbc.TestDatabase;

/** Certifies {@link JdbcRoutingState} on H2 against the port's contract and its own scenarios. */
class JdbcRoutingStateH2Test extends JdbcRoutingStateScenarios {
  @Override
  protected RoutingState createState() {
    return new JdbcRoutingState(TestDatabase.h2().fresh());
  }
}
