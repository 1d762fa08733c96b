package dev.relay.pool;

import dev.relay.jdbc.JdbcAccountRepository;
import dev.relay.jdbc.TestDatabase;

/** Certifies {@link JdbcAccountRepository} on Postgres against the port's contract. */
class JdbcAccountRepositoryPostgresTest extends AccountRepositoryContract {
  @Override
  protected AccountRepository createRepository() {
    return new JdbcAccountRepository(TestDatabase.postgres().fresh(),
        (tenant, version, kind) -> AccountSamples.PLAYBOOK.schema(kind));
  }
}
