package dev.relay.benchmarks.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * {@link LeadPersistenceBenchmark}'s two per-lead sides measured interleaved in one process — rounds of {@value #ROUND}
 * leads through the adapter, then {@value #ROUND} leads of raw batches, alternating — so that a machine shared with
 * other work slows both sides alike and their ratio stays meaningful when JMH's one-side-per-fork scores drift. Prints
 * leads per second per side and the ratio. Run from the repository root:
 *
 * <pre>
 * mvn -q -pl benchmarks -am package -DskipTests &amp;&amp; java -cp benchmarks/target/benchmarks.jar dev.relay.benchmarks.jdbc.LeadPersistenceHarness
 * </pre>
 */
public final class LeadPersistenceHarness {
  static final int ROUND = 200;
  static final int ROUNDS = 20;
  static final int WARM_ROUNDS = 5;

  private LeadPersistenceHarness() {}

  public static void main(String[] args) throws SQLException {
    try (LeadPersistenceWorkload workload = new LeadPersistenceWorkload(2_000);
        Connection raw = workload.pool.getConnection()) {
      raw.setAutoCommit(false);
      long relayNanos = 0;
      long rawNanos = 0;
      for (int round = 0; round < WARM_ROUNDS + ROUNDS; round++) {
        long start = System.nanoTime();
        for (int i = 0; i < ROUND; i++) {
          workload.captureNext();
        }
        long middle = System.nanoTime();
        for (int i = 0; i < ROUND; i++) {
          workload.insertNextRaw(raw);
        }
        long end = System.nanoTime();
        if (round >= WARM_ROUNDS) {
          relayNanos += middle - start;
          rawNanos += end - middle;
        }
      }
      double relay = ROUND * ROUNDS / (relayNanos / 1e9);
      double rawRate = ROUND * ROUNDS / (rawNanos / 1e9);
      System.out.printf("adapter (capture, route, persist; commit per lead): %,.0f leads/s%n", relay);
      System.out.printf("raw JDBC batches of the same rows (commit per lead): %,.0f leads/s%n", rawRate);
      System.out.printf("adapter / raw: %.2f×%n", relay / rawRate);
    }
  }
}
