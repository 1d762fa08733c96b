package dev.relay.jdbc;

/**
 * H2 2.x. Row locks ({@code FOR UPDATE}) exist in its MVStore engine but {@code SKIP LOCKED} does not, so the outbox
 * relay on H2 waits instead of skipping; H2 is the single-process embedded store, where that costs nothing.
 */
final class H2Dialect implements Dialect {
  @Override
  public String migrationFolder() {
    return "h2";
  }

  @Override
  public String toString() {
    return "H2";
  }
}
