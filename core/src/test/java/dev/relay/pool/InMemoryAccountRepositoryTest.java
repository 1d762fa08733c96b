package dev.relay.pool;

/** Certifies the in-memory reference implementation against the port's contract. */
class InMemoryAccountRepositoryTest extends AccountRepositoryContract {
  @Override
  protected AccountRepository createRepository() {
    return new InMemoryAccountRepository();
  }
}
