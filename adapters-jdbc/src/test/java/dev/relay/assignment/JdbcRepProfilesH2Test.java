package dev.relay.assignment;

import dev.relay.jdbc.JdbcRepProfiles;
import dev.relay.jdbc.TestDatabase;

/** Certifies {@link JdbcRepProfiles} on H2 against the port's contract. */
class JdbcRepProfilesH2Test extends RepProfilesContract {
  @Override
  protected RepProfiles createProfiles() {
    return new JdbcRepProfiles(TestDatabase.h2().fresh());
  }
}
