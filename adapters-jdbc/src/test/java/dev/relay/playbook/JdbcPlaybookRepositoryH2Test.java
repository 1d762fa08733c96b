package dev.relay.playbook;

import dev.relay.jdbc.JdbcPlaybookRepository;
import dev.relay.jdbc.TestDatabase;

/** Certifies {@link JdbcPlaybookRepository} on H2 against the port's contract. */
class JdbcPlaybookRepositoryH2Test extends PlaybookRepositoryContract {
  @Override
  protected PlaybookRepository newRepository() {
    return new JdbcPlaybookRepository(TestDatabase.h2().fresh());
  }
}
