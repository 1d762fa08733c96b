package dev.relay.benchmarks.scoring;

import dev.relay.scoring.RuleScorer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Rule scores per second for the 40-rule lead model of {@link LeadScoringWorkload} over 1,024 leads with 0–12
 * engagements each: Relay's compiled {@link RuleScorer#points} against the same model written by hand in Java ({@link
 * HandWrittenLeadScore}, the ceiling), and against {@link RuleScorer#score}, which also builds the explanation.
 * {@code ScoringBenchmarkTest} checks that all three agree on every lead.
 *
 * <p>Run from the repository root:
 *
 * <pre>
 * mvn -q -pl benchmarks -am package -DskipTests &amp;&amp; java -jar benchmarks/target/benchmarks.jar ScoringBenchmark -f 1 -wi 3 -w 2s -i 5 -r 2s
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ScoringBenchmark {
  static final int LEADS = 1024;
  static final long SEED = 20_260_302L;

  private LeadScoringWorkload.Lead[] leads;
  private RuleScorer compiled;
  private HandWrittenLeadScore handWritten;

  @Setup
  public void setUp() {
    leads = LeadScoringWorkload.leads(LEADS, SEED);
    compiled = RuleScorer.compile(LeadScoringWorkload.model(), LeadScoringWorkload.SCHEMA);
    handWritten = new HandWrittenLeadScore(LeadScoringWorkload.SCHEMA);
  }

  @Benchmark
  @OperationsPerInvocation(LEADS)
  public double relayCompiled() {
    double sum = 0;
    for (LeadScoringWorkload.Lead lead : leads) {
      sum += compiled.points(lead.fields(), lead.engagements(), LeadScoringWorkload.NOW);
    }
    return sum;
  }

  @Benchmark
  @OperationsPerInvocation(LEADS)
  public double handWritten() {
    double sum = 0;
    for (LeadScoringWorkload.Lead lead : leads) {
      sum += handWritten.score(lead.fields(), lead.engagements(), LeadScoringWorkload.NOW);
    }
    return sum;
  }

  @Benchmark
  @OperationsPerInvocation(LEADS)
  public double relayExplained() {
    double sum = 0;
    for (LeadScoringWorkload.Lead lead : leads) {
      sum += compiled.score(lead.fields(), lead.engagements(), LeadScoringWorkload.NOW).score();
    }
    return sum;
  }
}
