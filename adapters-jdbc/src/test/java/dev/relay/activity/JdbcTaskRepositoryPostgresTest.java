package dev.relay.activity;

import dev.relay.jdbc.JdbcTaskRepository;
import dev.relay.jdbc.TestDatabase;

/** Certifies {@link JdbcTaskRepository} on Postgres against the port's contract. */
class JdbcTaskRepositoryPostgresTest extends TaskRepositoryContract {
  @Override
  protected TaskRepository createRepository() {
    return new JdbcTaskRepository(TestDatabase.postgres().fresh());
  }
}
