package dev.relay.org;

/** {@link InMemoryOrgDirectory} under the {@link OrgDirectoryContract}. */
class InMemoryOrgDirectoryTest extends OrgDirectoryContract {
  @Override
  protected OrgDirectory createDirectory() {
    return new InMemoryOrgDirectory();
  }
}
