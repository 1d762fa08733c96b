package dev.relay.benchmarks.criteria;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relay.criteria.CompiledCriteria;
import dev.relay.criteria.CriteriaCompiler;
import dev.relay.criteria.CriteriaTrace.ConditionOutcome;
import dev.relay.fields.FieldValues;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The three contestants of {@link CriteriaBenchmark} compute the same thing, on a workload that is really mixed. */
class CriteriaBenchmarkTest {
  private final FieldValues[] deals = DealWorkload.deals(CriteriaBenchmark.DEALS, CriteriaBenchmark.SEED);
  private final CompiledCriteria compiled = CriteriaCompiler.compile(DealWorkload.RULE, DealWorkload.SCHEMA, "");

  @Test
  void compiledHandWrittenAndNaiveAgreeOnEveryDeal() {
    HandWrittenDealRule handWritten = new HandWrittenDealRule(DealWorkload.SCHEMA);
    for (int i = 0; i < deals.length; i++) {
      boolean expected = compiled.test(deals[i]);
      assertEquals(expected, handWritten.test(deals[i]), "hand-written, deal " + i + ": " + deals[i]);
      assertEquals(expected, NaiveCriteriaInterpreter.test(DealWorkload.RULE, DealWorkload.SCHEMA, deals[i]),
          "naive, deal " + i + ": " + deals[i]);
    }
    CriteriaBenchmark benchmark = new CriteriaBenchmark();
    benchmark.setUp();
    int matches = benchmark.relayCompiled();
    assertEquals(matches, benchmark.handWritten());
    assertEquals(matches, benchmark.naiveInterpreter());
    assertTrue(matches > deals.length / 4 && matches < deals.length * 3 / 4,
        matches + " of " + deals.length + " deals match: the workload should mix hits and misses");
  }

  @Test
  void everyConditionRejectsSomeDeal() {
    Map<String, Integer> failures = new TreeMap<>();
    for (FieldValues deal : deals) {
      for (ConditionOutcome outcome : compiled.explain(deal).failed()) {
        failures.merge(outcome.path(), 1, Integer::sum);
      }
    }
    assertEquals(11, failures.size(), "conditions that fail on some deal: " + failures);
  }
}
