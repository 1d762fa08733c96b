package dev.relay.benchmarks.pool;

import dev.relay.benchmarks.pool.DuplicateCheckWorkload.Query;
import dev.relay.pool.matching.DuplicateCandidate;
import dev.relay.pool.matching.DuplicateDetector;
import java.util.List;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * A duplicate check (查重) against a customer pool of 1,000,000 companies: {@link DuplicateDetector#find} over an
 * {@link dev.relay.pool.matching.InMemoryMatchIndex}, against the baseline {@link LinearScanDetector}, which makes the
 * same comparison — exact keys, then name similarity, parent and branch — with every account's stored keys and
 * precomputed bigrams. Each invocation runs the {@link DuplicateCheckWorkload} query mix once (a credit-code hit, a phone
 * written differently, a company-domain hit, the same name with another legal form, a similar Chinese and a similar
 * English name, a branch of a known company, and two misses); scores are checks per second, one query each.
 *
 * <p>Setup builds the registry (about 13 s on two cores and 1.3 GB of live heap for a million accounts; printed as {@code
 * setup:}) and checks that both sides return exactly the same candidates for every query, so a fast wrong answer cannot
 * win. {@code DuplicateCheckBenchmarkTest} checks the same on a small registry. JMH runs each method in its own fork,
 * so the registry is built twice.
 *
 * <p>Run from the repository root:
 *
 * <pre>
 * mvn -q -pl benchmarks -am package -DskipTests &amp;&amp; java -jar benchmarks/target/benchmarks.jar DuplicateCheckBenchmark -f 1 -wi 2 -w 2s -i 3 -r 2s
 * </pre>
 *
 * Add {@code -p accounts=100000} for a smaller registry.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx6g", "-XX:+UseParallelGC"})
public class DuplicateCheckBenchmark {
  static final long SEED = 20_260_315L;

  /** Queries per invocation; {@link OperationsPerInvocation} needs a constant. */
  static final int QUERIES = 9;

  /** The registry size. */
  @Param("1000000")
  public int accounts;

  private DuplicateCheckWorkload workload;
  private DuplicateDetector detector;
  private Query[] queries;

  @Setup(Level.Trial)
  public void setUp() {
    workload = new DuplicateCheckWorkload(accounts, SEED);
    detector = new DuplicateDetector(workload.index);
    queries = workload.queries.toArray(new Query[0]);
    if (queries.length != QUERIES) {
      throw new IllegalStateException("the query mix has " + queries.length + " queries, expected " + QUERIES);
    }
    long verifyStart = System.nanoTime();
    StringBuilder summary = new StringBuilder();
    for (Query q : queries) {
      List<DuplicateCandidate> indexed = detector.find(DuplicateCheckWorkload.TENANT, q.keys(),
          DuplicateCheckWorkload.THRESHOLD);
      List<DuplicateCandidate> scanned = workload.linearScan.find(q.keys(), DuplicateCheckWorkload.THRESHOLD);
      if (!indexed.equals(scanned)) {
        throw new IllegalStateException("index and linear scan disagree on '" + q.label() + "':\n  index: " + indexed
            + "\n  scan:  " + scanned);
      }
      long exact = indexed.stream().filter(DuplicateCandidate::exact).count();
      summary.append(String.format("%n  %-40s %d exact, %d possible", q.label(), exact, indexed.size() - exact));
    }
    System.out.printf("%nsetup: %,d accounts indexed in %,d ms; both sides agree on every query (%,d ms):%s%n",
        accounts, workload.buildMillis, (System.nanoTime() - verifyStart) / 1_000_000, summary);
  }

  @Benchmark
  @OperationsPerInvocation(QUERIES)
  public int indexed() {
    int found = 0;
    for (Query q : queries) {
      found += detector.find(DuplicateCheckWorkload.TENANT, q.keys(), DuplicateCheckWorkload.THRESHOLD).size();
    }
    return found;
  }

  @Benchmark
  @OperationsPerInvocation(QUERIES)
  public int linearScan() {
    int found = 0;
    for (Query q : queries) {
      found += workload.linearScan.find(q.keys(), DuplicateCheckWorkload.THRESHOLD).size();
    }
    return found;
  }
}
