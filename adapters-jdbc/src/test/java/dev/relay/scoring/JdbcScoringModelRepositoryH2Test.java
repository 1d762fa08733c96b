package dev.relay.scoring;

import dev.relay.jdbc.JdbcScoringModelRepository;
import dev.relay.jdbc.TestDatabase;

/** Certifies {@link JdbcScoringModelRepository} on H2 against the port's contract. */
class JdbcScoringModelRepositoryH2Test extends ScoringModelRepositoryContract {
  @Override
  protected ScoringModelRepository createRepository() {
    return new JdbcScoringModelRepository(TestDatabase.h2().fresh());
  }
}
