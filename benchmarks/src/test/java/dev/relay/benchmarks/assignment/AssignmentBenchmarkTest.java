package dev.relay.benchmarks.assignment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The three routers of {@link AssignmentBenchmark} must make the same choices, or the benchmark compares nothing. */
class AssignmentBenchmarkTest {
  @Test
  void relayHandWrittenAndEasyRulesRouteEveryLeadToTheSameRep() {
    RoutingWorkload workload = new RoutingWorkload(42);
    HandWrittenRouter hand = new HandWrittenRouter(workload);
    EasyRulesRouter easy = new EasyRulesRouter(workload);
    RelayRouterSide relay = new RelayRouterSide(workload);
    Set<Integer> teams = new HashSet<>();
    for (int round = 0; round < 3; round++) {
      for (int i = 0; i < RoutingWorkload.LEADS; i++) {
        int expected = hand.route(workload.leads.get(i));
        assertEquals(expected, easy.route(workload.leads.get(i)), "easy rules, lead " + i);
        assertEquals(expected, relay.code(relay.route(i)), "relay, lead " + i);
        teams.add(expected / 1000);
      }
    }
    assertTrue(teams.size() == RoutingWorkload.TEAMS, "every team receives leads: " + teams);
  }
}
