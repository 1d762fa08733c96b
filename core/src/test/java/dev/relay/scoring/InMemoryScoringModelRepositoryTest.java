package dev.relay.scoring;

/** Certifies the in-memory reference implementation against the port's contract. */
class InMemoryScoringModelRepositoryTest extends ScoringModelRepositoryContract {
  @Override
  protected ScoringModelRepository createRepository() {
    return new InMemoryScoringModelRepository();
  }
}
