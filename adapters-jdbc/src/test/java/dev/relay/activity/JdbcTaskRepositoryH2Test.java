package dev.relay.activity;

import dev.relay.jdbc.JdbcTaskRepository;
import dev.relay.jdbc.TestDatabase;

/** Certifies {@link JdbcTaskRepository} on H2 against the port's contract. */
class JdbcTaskRepositoryH2Test extends TaskRepositoryContract {
  @Override
  protected TaskRepository createRepository() {
    return new JdbcTaskRepository(TestDatabase.h2().fresh());
  }
}
