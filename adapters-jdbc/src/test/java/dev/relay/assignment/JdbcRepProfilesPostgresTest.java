package dev.relay.assignment;

import dev.relay.jdbc.JdbcRepProfiles;
import dev.relay.jdbc.TestDatabase;

/** Certifies {@link JdbcRepProfiles} on Postgres against the port's contract. */
class JdbcRepProfilesPostgresTest extends RepProfilesContract {
  @Override
  protected RepProfiles createProfiles() {
    return new JdbcRepProfiles(TestDatabase.postgres().fresh());
  }
}
