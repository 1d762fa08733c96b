package dev.relay.activity;

/** Certifies the in-memory reference implementation against the port's contract. */
class InMemoryActivityRepositoryTest extends ActivityRepositoryContract {
  @Override
  protected ActivityRepository createRepository() {
    return new InMemoryActivityRepository();
  }
}
