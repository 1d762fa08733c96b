package dev.relay.pipeline;

import dev.relay.jdbc.JdbcDealRepository;
import dev.relay.jdbc.TestDatabase;

/** Certifies {@link JdbcDealRepository} on PostgreSQL against the port's contract. */
class JdbcDealRepositoryPostgresTest extends DealRepositoryContract {
  @Override
  protected DealRepository createRepository() {
    return new JdbcDealRepository(TestDatabase.postgres().fresh(),
        (tenant, version, kind) -> DealSamples.PLAYBOOK.schema(kind));
  }
}
