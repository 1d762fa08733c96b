package dev.relay.jdbc;

/** Held-back writes on H2. */
class HeldBackWritesH2Test extends HeldBackWritesScenarios {
  @Override
  TestDatabase database() {
    return TestDatabase.h2();
  }
}
