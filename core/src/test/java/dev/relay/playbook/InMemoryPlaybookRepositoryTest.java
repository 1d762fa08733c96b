package dev.relay.playbook;

/** Certifies the in-memory reference implementation against the repository contract. */
class InMemoryPlaybookRepositoryTest extends PlaybookRepositoryContract {
  @Override
  protected PlaybookRepository newRepository() {
    return new InMemoryPlaybookRepository();
  }
}
