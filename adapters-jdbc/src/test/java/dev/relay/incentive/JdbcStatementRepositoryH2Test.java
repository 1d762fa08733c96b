package dev.relay.incentive;

import dev.relay.jdbc.JdbcStatementRepository;
import dev.relay.jdbc.TestDatabase;

/** Certifies {@link JdbcStatementRepository} on H2 against the port's contract. */
class JdbcStatementRepositoryH2Test extends StatementRepositoryContract {
  @Override
  protected StatementRepository createRepository() {
    return new JdbcStatementRepository(TestDatabase.h2().fresh());
  }
}
