package dev.relay.benchmarks.incentive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relay.common.RepId;
import dev.relay.incentive.CommissionStatement;
import dev.relay.incentive.LineKind;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Both sides of {@link IncentiveBenchmark} give every rep the same total, on a workload that hits every rule. */
class IncentiveBenchmarkTest {

  @Test
  void relayAndHandWrittenAgreeOnEveryRepsTotal() {
    IncentiveBenchmark benchmark = new IncentiveBenchmark();
    benchmark.reps = 50;
    benchmark.lines = 50_000;
    benchmark.setUp();

    List<CommissionStatement> statements = benchmark.relayStatements();
    Map<RepId, BigDecimal> expected = benchmark.handWrittenSinglePass();

    assertEquals(expected.size(), statements.size());
    for (CommissionStatement s : statements) {
      assertEquals(0, expected.get(s.rep()).compareTo(s.total().amount()), s.rep() + ": " + expected.get(s.rep())
          + " vs " + s.total());
    }
    for (LineKind kind : List.of(LineKind.ACCELERATOR, LineKind.DEAL_CAP, LineKind.PERIOD_CAP)) {
      assertTrue(statements.stream().anyMatch(s -> !s.lines(kind).isEmpty()), "the workload never hits " + kind);
    }
    assertTrue(statements.stream().anyMatch(s -> s.lines(LineKind.PERIOD_CAP).isEmpty()),
        "every rep hits the period cap");
  }
}
