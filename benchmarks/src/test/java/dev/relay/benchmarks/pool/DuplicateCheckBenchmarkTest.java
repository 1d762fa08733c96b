package dev.relay.benchmarks.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relay.benchmarks.pool.DuplicateCheckWorkload.Query;
import dev.relay.pool.matching.DuplicateCandidate;
import dev.relay.pool.matching.DuplicateDetector;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Both contestants of {@link DuplicateCheckBenchmark} find the same candidates, on a query mix that really mixes. */
class DuplicateCheckBenchmarkTest {
  private static final int ACCOUNTS = 20_000;

  @Test
  void indexAndLinearScanFindTheSameCandidatesForEveryQuery() {
    DuplicateCheckWorkload workload = new DuplicateCheckWorkload(ACCOUNTS, DuplicateCheckBenchmark.SEED);
    DuplicateDetector detector = new DuplicateDetector(workload.index);
    Map<String, List<DuplicateCandidate>> found = new LinkedHashMap<>();
    for (Query q : workload.queries) {
      List<DuplicateCandidate> indexed = detector.find(DuplicateCheckWorkload.TENANT, q.keys(),
          DuplicateCheckWorkload.THRESHOLD);
      assertEquals(workload.linearScan.find(q.keys(), DuplicateCheckWorkload.THRESHOLD), indexed, q.label());
      found.put(q.label(), indexed);
    }
    assertEquals(DuplicateCheckBenchmark.QUERIES, found.size());
    for (String hit : List.of("credit code hit", "phone hit, written differently", "company e-mail domain hit",
        "same name, other legal form and spacing")) {
      assertTrue(found.get(hit).stream().anyMatch(DuplicateCandidate::exact), hit + ": " + found.get(hit));
    }
    for (String possible : List.of("similar Chinese name", "similar English name", "branch of a known company")) {
      assertTrue(found.get(possible).stream().anyMatch(c -> !c.exact()), possible + ": " + found.get(possible));
    }
    assertEquals(List.of(), found.get("miss (Chinese)"));
    assertEquals(List.of(), found.get("miss (English)"));
  }

  @Test
  void bothBenchmarkMethodsCountTheSameCandidates() {
    DuplicateCheckBenchmark benchmark = new DuplicateCheckBenchmark();
    benchmark.accounts = ACCOUNTS;
    benchmark.setUp();
    int found = benchmark.indexed();
    assertEquals(found, benchmark.linearScan());
    assertFalse(found == 0);
  }
}
