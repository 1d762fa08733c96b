package dev.relay.benchmarks.jdbc;

import dev.relay.lead.LeadCapture;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Leads captured, routed and persisted on PostgreSQL through the JDBC adapter, against raw JDBC batch inserts of the
 * same rows. Scores are leads per second.
 *
 * <ul>
 *   <li>{@code relayCaptureRoutePersist}: {@code relay.leads().capture(…)} in one unit of work per lead — duplicate
 *       check against stored leads, account matching, the routing decision under the tenant's routing lock, the lead,
 *       its keys and its events written — committed per lead, so each lead is durable when capture returns.
 *   <li>{@code rawJdbcBatchPerLead}: the baseline with the same durability — the rows one capture writes (lead, keys,
 *       outbox events, assignment, open lead), one JDBC batch per table and one commit per lead.
 *   <li>{@code rawJdbcBulk}: the ceiling for a bulk load — the same rows for {@value #BATCH} leads per commit.
 * </ul>
 *
 * <p>Each fork starts its own embedded PostgreSQL 14 (zonky, from Maven Central) and the engine, and captures {@code
 * warmLeads} leads first so that both sides write into tables of a working size with fresh statistics (printed as
 * {@code setup:}). {@code LeadPersistenceBenchmarkTest} checks that both sides write the same rows per lead. Run from the
 * repository root:
 *
 * <pre>
 * mvn -q -pl benchmarks -am package -DskipTests &amp;&amp; java -jar benchmarks/target/benchmarks.jar LeadPersistenceBenchmark -f 1 -wi 2 -w 3s -i 3 -r 3s
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
public class LeadPersistenceBenchmark {
  /** Leads per invocation; {@link OperationsPerInvocation} needs a constant. */
  static final int BATCH = 50;

  /** Leads captured before measuring (see {@link LeadPersistenceWorkload#LeadPersistenceWorkload(int)}). */
  @Param("2000")
  public int warmLeads;

  LeadPersistenceWorkload workload;
  private Connection raw;

  @Setup(Level.Trial)
  public void setUp() throws SQLException {
    long start = System.nanoTime();
    workload = new LeadPersistenceWorkload(warmLeads);
    raw = workload.pool.getConnection();
    raw.setAutoCommit(false);
    System.out.printf("%nsetup: embedded PostgreSQL, schema, engine and %,d leads captured in %,d ms%n",
        workload.relayLeads(), (System.nanoTime() - start) / 1_000_000);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws SQLException {
    raw.close();
    workload.close();
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public int relayCaptureRoutePersist() {
    int assigned = 0;
    for (int i = 0; i < BATCH; i++) {
      LeadCapture capture = workload.captureNext();
      if (capture.lead().owner() != null) {
        assigned++;
      }
    }
    return assigned;
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public int rawJdbcBatchPerLead() throws SQLException {
    for (int i = 0; i < BATCH; i++) {
      workload.insertNextRaw(raw);
    }
    return BATCH;
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public int rawJdbcBulk() throws SQLException {
    workload.insertRawBulk(raw, BATCH);
    return BATCH;
  }
}
