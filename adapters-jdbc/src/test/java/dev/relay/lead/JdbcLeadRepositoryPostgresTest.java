package dev.relay.lead;

import dev.relay.jdbc.JdbcLeadRepository;
import dev.relay.jdbc.TestDatabase;

/** Certifies {@link JdbcLeadRepository} on Postgres against the port's contract. */
class JdbcLeadRepositoryPostgresTest extends LeadRepositoryContract {
  @Override
  protected LeadRepository createRepository() {
    return new JdbcLeadRepository(TestDatabase.postgres().fresh(),
        (tenant, version, kind) -> LeadSamples.PLAYBOOK.schema(kind));
  }
}
