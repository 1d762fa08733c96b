package dev.relay.scoring;

import dev.relay.jdbc.JdbcScoringModelRepository;
import dev.relay.jdbc.TestDatabase;

/** Certifies {@link JdbcScoringModelRepository} on Postgres against the port's contract. */
class JdbcScoringModelRepositoryPostgresTest extends ScoringModelRepositoryContract {
  @Override
  protected ScoringModelRepository createRepository() {
    return new JdbcScoringModelRepository(TestDatabase.postgres().fresh());
  }
}
