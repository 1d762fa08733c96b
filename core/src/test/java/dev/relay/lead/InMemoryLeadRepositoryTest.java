package dev.relay.lead;

/** Certifies the in-memory reference implementation against the port's contract. */
class InMemoryLeadRepositoryTest extends LeadRepositoryContract {
  @Override
  protected LeadRepository createRepository() {
    return new InMemoryLeadRepository();
  }
}
