package dev.relay.jdbc;

/** Held-back writes on Postgres. */
class HeldBackWritesPostgresTest extends HeldBackWritesScenarios {
  @Override
  TestDatabase database() {
    return TestDatabase.postgres();
  }
}
