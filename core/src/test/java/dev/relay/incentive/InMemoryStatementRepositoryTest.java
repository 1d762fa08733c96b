package dev.relay.incentive;

/** Certifies the in-memory reference implementation against the port's contract. */
class InMemoryStatementRepositoryTest extends StatementRepositoryContract {
  @Override
  protected StatementRepository createRepository() {
    return new InMemoryStatementRepository();
  }
}
