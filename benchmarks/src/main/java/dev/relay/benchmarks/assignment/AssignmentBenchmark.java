package dev.relay.benchmarks.assignment;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Lead routing through 50 ordered rules over 200 reps (10 teams of 20, a tenth paused), first match wins, round robin
 * within the team: Relay's {@code LeadRouter} (criteria compiled once per playbook version, routing state recorded,
 * full decision trace built) against (a) the same rules hand-written in plain Java and (b) the same rules in Easy Rules,
 * in one run. Each operation routes the next of 1,024 leads.
 *
 * <p>Run: {@code mvn -q -pl benchmarks -am package -DskipTests && java -jar benchmarks/target/benchmarks.jar
 * AssignmentBenchmark -f 1 -wi 3 -w 2s -i 5 -r 2s}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class AssignmentBenchmark {
  private RoutingWorkload workload;
  private HandWrittenRouter handWritten;
  private EasyRulesRouter easyRules;
  private RelayRouterSide relay;
  private int next;

  @Setup
  public void setUp() {
    workload = new RoutingWorkload(42);
    handWritten = new HandWrittenRouter(workload);
    easyRules = new EasyRulesRouter(workload);
    relay = new RelayRouterSide(workload);
  }

  private int nextLead() {
    int i = next;
    next = (i + 1) % RoutingWorkload.LEADS;
    return i;
  }

  @Benchmark
  public int relayRouter() {
    return relay.code(relay.route(nextLead()));
  }

  @Benchmark
  public int handWritten() {
    return handWritten.route(workload.leads.get(nextLead()));
  }

  @Benchmark
  public int easyRules() {
    return easyRules.route(workload.leads.get(nextLead()));
  }
}
