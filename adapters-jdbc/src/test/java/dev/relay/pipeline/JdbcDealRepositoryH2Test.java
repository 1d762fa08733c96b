package dev.relay.pipeline;

import dev.relay.jdbc.JdbcDealRepository;
import dev.relay.jdbc.TestDatabase;

/** Certifies {@link JdbcDealRepository} on H2 against the port's contract. */
class JdbcDealRepositoryH2Test extends DealRepositoryContract {
  @Override
  protected DealRepository createRepository() {
    return new JdbcDealRepository(TestDatabase.h2().fresh(), (tenant, version, kind) -> DealSamples.PLAYBOOK.schema(kind));
  }
}
