package dev.relay.benchmarks.criteria;

import dev.relay.criteria.CompiledCriteria;
import dev.relay.criteria.Criteria;
import dev.relay.criteria.CriteriaCompiler;
import dev.relay.fields.FieldSchema;
import dev.relay.fields.FieldValues;
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
 * Evaluating a ten-condition deal rule ({@link DealWorkload#RULE}) over 1,024 deals, about half of them matching:
 * Relay's compiled criteria against the same rule written by hand in Java (the ceiling) and against a tree-walking
 * interpreter with name lookups and per-call conversions (the floor). Scores are evaluations per second, one deal each.
 * {@code CriteriaBenchmarkTest} checks that the three agree on every deal.
 *
 * <p>Run from the repository root:
 *
 * <pre>
 * mvn -q -pl benchmarks -am package -DskipTests &amp;&amp; java -jar benchmarks/target/benchmarks.jar CriteriaBenchmark -f 1 -wi 3 -i 5
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CriteriaBenchmark {
  static final int DEALS = 1024;
  static final long SEED = 20_260_101L;

  private FieldSchema schema;
  private Criteria rule;
  private FieldValues[] deals;
  private CompiledCriteria compiled;
  private HandWrittenDealRule handWritten;

  @Setup
  public void setUp() {
    schema = DealWorkload.SCHEMA;
    rule = DealWorkload.RULE;
    deals = DealWorkload.deals(DEALS, SEED);
    compiled = CriteriaCompiler.compile(rule, schema, "");
    handWritten = new HandWrittenDealRule(schema);
  }

  @Benchmark
  @OperationsPerInvocation(DEALS)
  public int relayCompiled() {
    int matches = 0;
    for (FieldValues deal : deals) {
      if (compiled.test(deal)) {
        matches++;
      }
    }
    return matches;
  }

  @Benchmark
  @OperationsPerInvocation(DEALS)
  public int handWritten() {
    int matches = 0;
    for (FieldValues deal : deals) {
      if (handWritten.test(deal)) {
        matches++;
      }
    }
    return matches;
  }

  @Benchmark
  @OperationsPerInvocation(DEALS)
  public int naiveInterpreter() {
    int matches = 0;
    for (FieldValues deal : deals) {
      if (NaiveCriteriaInterpreter.test(rule, schema, deal)) {
        matches++;
      }
    }
    return matches;
  }
}
