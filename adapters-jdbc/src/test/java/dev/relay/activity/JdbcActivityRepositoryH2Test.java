package dev.relay.activity;

import dev.relay.jdbc.JdbcActivityRepository;
import dev.relay.jdbc.TestDatabase;

/** Certifies {@link JdbcActivityRepository} on H2 against the port's contract. */
class JdbcActivityRepositoryH2Test extends ActivityRepositoryContract {
  @Override
  protected ActivityRepository createRepository() {
    return new JdbcActivityRepository(TestDatabase.h2().fresh());
  }
}
