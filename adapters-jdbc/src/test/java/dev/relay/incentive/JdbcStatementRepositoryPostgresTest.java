package dev.relay.incentive;

import dev.relay.jdbc.JdbcStatementRepository;
import dev.relay.jdbc.TestDatabase;

/** Certifies {@link JdbcStatementRepository} on PostgreSQL against the port's contract. */
class JdbcStatementRepositoryPostgresTest extends StatementRepositoryContract {
  @Override
  protected StatementRepository createRepository() {
    return new JdbcStatementRepository(TestDatabase.postgres().fresh());
  }
}
