package dev.relay.assignment;

import dev.relay.jdbc.JdbcRoutingState;
import dev.relay.jdbc.TestDatabase;

/** Certifies {@link JdbcRoutingState} on Postgres against the port's contract and its own scenarios. */
class JdbcRoutingStatePostgresTest extends JdbcRoutingStateScenarios {
  @Override
  protected RoutingState createState() {
    return new JdbcRoutingState(TestDatabase.postgres().fresh());
  }
}
