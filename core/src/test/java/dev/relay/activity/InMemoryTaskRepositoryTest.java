package dev.relay.activity;

/** Certifies the in-memory reference implementation against the port's contract. */
class InMemoryTaskRepositoryTest extends TaskRepositoryContract {
  @Override
  protected TaskRepository createRepository() {
    return new InMemoryTaskRepository();
  }
}
