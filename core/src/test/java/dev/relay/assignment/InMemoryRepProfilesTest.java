package dev.relay.assignment;

/** {@link InMemoryRepProfiles} under the {@link RepProfilesContract}. */
class InMemoryRepProfilesTest extends RepProfilesContract {
  @Override
  protected RepProfiles createProfiles() {
    return new InMemoryRepProfiles();
  }
}
