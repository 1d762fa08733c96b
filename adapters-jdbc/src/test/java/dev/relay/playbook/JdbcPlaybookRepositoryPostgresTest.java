package dev.relay.playbook;

import dev.relay.jdbc.JdbcPlaybookRepository;
import dev.relay.jdbc.TestDatabase;

/** Certifies {@link JdbcPlaybookRepository} on Postgres against the port's contract. */
class JdbcPlaybookRepositoryPostgresTest extends PlaybookRepositoryContract {
  @Override
  protected PlaybookRepository newRepository() {
    return new JdbcPlaybookRepository(TestDatabase.postgres().fresh());
  }
}
