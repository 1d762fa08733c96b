package dev.relay.benchmarks.incentive;

import dev.relay.common.RepId;
import dev.relay.incentive.CommissionEngine;
import dev.relay.incentive.CommissionInputs;
import dev.relay.incentive.CommissionStatement;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Commission statements for 1,000 reps from 1,000,000 credited deal lines in one quarter under {@link
 * CreditWorkload#PLAN} (graduated tiers, an accelerator, a deal cap and a period cap): Relay's {@link
 * CommissionEngine}, which builds every statement line with its base, rate, tier and rule, against {@link
 * HandWrittenCommissions}, a single pass that only adds up the same rounded figures. Scores are milliseconds per run
 * (all statements). {@code IncentiveBenchmarkTest} checks that both give every rep the same total.
 *
 * <p>Run from the repository root:
 *
 * <pre>
 * mvn -q -pl benchmarks -am package -DskipTests &amp;&amp; java -jar benchmarks/target/benchmarks.jar IncentiveBenchmark -f 1 -wi 3 -i 5
 * </pre>
 *
 * <p>The fork runs as a batch job would: a throughput collector and a young generation that holds one run's garbage.
 * The heap settings matter more than any code here: Relay keeps about 1.3 million statement lines alive while it
 * builds them, which the default G1 settings copy between survivor spaces, while the hand-written pass keeps nothing.
 * To see the default collector (G1), add {@code -jvmArgsAppend "-Xmx4g"} to the command: it replaces these settings.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-Xmn2500m", "-XX:+UseParallelGC"})
public class IncentiveBenchmark {
  static final long SEED = 20_260_401L;

  @Param("1000")
  int reps;

  @Param("1000000")
  int lines;

  private CreditWorkload workload;
  private CommissionInputs inputs;

  @Setup
  public void setUp() {
    workload = CreditWorkload.generate(reps, lines, SEED);
    inputs = CommissionInputs.builder(CreditWorkload.QUARTER).credits(workload.credits).targets(workload.targets)
        .build();
    // Tenure the workload (a million credits) now, so that young collections during the measurement do not copy it.
    System.gc();
    System.gc();
  }

  @Benchmark
  public List<CommissionStatement> relayStatements() {
    return CommissionEngine.calculate(CreditWorkload.PLAN, inputs);
  }

  @Benchmark
  public Map<RepId, BigDecimal> handWrittenSinglePass() {
    return HandWrittenCommissions.totals(workload.credits, workload.targets);
  }
}
