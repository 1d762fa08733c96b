package dev.relay.org;

import dev.relay.jdbc.JdbcOrgDirectory;
import dev.relay.jdbc.TestDatabase;

/** Certifies {@link JdbcOrgDirectory} on H2 against the port's contract. */
class JdbcOrgDirectoryH2Test extends OrgDirectoryContract {
  @Override
  protected OrgDirectory createDirectory() {
    return new JdbcOrgDirectory(TestDatabase.h2().fresh());
  }
}
