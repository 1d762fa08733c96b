package dev.relay.org;

import dev.relay.jdbc.JdbcOrgDirectory;
import dev.relay.jdbc.TestDatabase;

/** Certifies {@link JdbcOrgDirectory} on Postgres against the port's contract. */
class JdbcOrgDirectoryPostgresTest extends OrgDirectoryContract {
  @Override
  protected OrgDirectory createDirectory() {
    return new JdbcOrgDirectory(TestDatabase.postgres().fresh());
  }
}
