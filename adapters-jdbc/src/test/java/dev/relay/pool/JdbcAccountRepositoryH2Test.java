package dev.relay.pool;

import dev.relay.jdbc.JdbcAccountRepository;
import dev.relay.jdbc.TestDatabase;

/** Certifies {@link JdbcAccountRepository} on H2 against the port's contract. */
class JdbcAccountRepositoryH2Test extends AccountRepositoryContract {
  @Override
  protected AccountRepository createRepository() {
    return new JdbcAccountRepository(TestDatabase.h2().fresh(),
        (tenant, version, kind) -> AccountSamples.PLAYBOOK.schema(kind));
  }
}
