package dev.relay.lead;

import dev.relay.jdbc.JdbcLeadRepository;
import dev.relay.jdbc.TestDatabase;

/** Certifies {@link JdbcLeadRepository} on H2 against the port's contract. */
class JdbcLeadRepositoryH2Test extends LeadRepositoryContract {
  @Override
  protected LeadRepository createRepository() {
    return new JdbcLeadRepository(TestDatabase.h2().fresh(),
        (tenant, version, kind) -> LeadSamples.PLAYBOOK.schema(kind));
  }
}
