package dev.relay.pipeline;

/** Certifies the in-memory reference implementation against the port's contract. */
class InMemoryDealRepositoryTest extends DealRepositoryContract {
  @Override
  protected DealRepository createRepository() {
    return new InMemoryDealRepository();
  }
}
