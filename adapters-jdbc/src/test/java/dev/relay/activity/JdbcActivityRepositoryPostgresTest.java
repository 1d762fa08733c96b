package dev.relay.activity;

import dev.relay.jdbc.JdbcActivityRepository;
import dev.relay.jdbc.TestDatabase;

/** Certifies {@link JdbcActivityRepository} on Postgres against the port's contract. */
class JdbcActivityRepositoryPostgresTest extends ActivityRepositoryContract {
  @Override
  protected ActivityRepository createRepository() {
    return new JdbcActivityRepository(TestDatabase.postgres().fresh());
  }
}
