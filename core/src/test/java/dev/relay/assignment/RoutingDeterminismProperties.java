package dev.relay.assignment;

import static dev.relay.assignment.RoutingFixture.TENANT;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.relay.assignment.RoutingScenario.Release;
import dev.relay.assignment.RoutingScenario.Route;
import dev.relay.assignment.RoutingScenario.Setup;
import dev.relay.assignment.RoutingScenario.Step;
import dev.relay.assignment.RoutingScenario.Wait;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import net.jqwik.api.AfterFailureMode;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * A decision is a function of the playbook, the routing state, the profiles, the org, the lead and the instant: two
 * fresh worlds given the same setup and the same history decide every lead alike, trace and all.
 */
class RoutingDeterminismProperties {

  @Property(tries = 60, afterFailure = AfterFailureMode.PREVIOUS_SEED)
  void theSameStateAndLeadAlwaysGiveTheSameDecision(@ForAll("setups") Setup setup, @ForAll("steps") List<Step> steps) {
    RoutingFixture one = new RoutingFixture();
    RoutingFixture two = new RoutingFixture();
    RoutingScenario.apply(one, setup);
    RoutingScenario.apply(two, setup);

    for (Step step : steps) {
      if (step instanceof Route route) {
        RoutingDecision first = one.router.route(RoutingScenario.request(one, route));
        RoutingDecision second = two.router.route(RoutingScenario.request(two, route));
        assertEquals(first, second);
        Statistics.collect(setup.strategy(), first.outcome());
      } else if (step instanceof Release release) {
        releaseOne(one, release.index());
        releaseOne(two, release.index());
      } else {
        one.advance(Duration.ofMinutes(((Wait) step).minutes()));
        two.advance(Duration.ofMinutes(((Wait) step).minutes()));
      }
    }
    RoutingDecision last = one.router.route(one.request(Map.of("grade", "A")));
    assertEquals(last, two.router.route(two.request(Map.of("grade", "A"))));

    Statistics.coverage(c -> {
      for (Strategy s : Strategy.values()) {
        c.check(s, RoutingOutcome.ASSIGNED).count(n -> n > 0);
      }
    });
  }

  /** Releases the {@code index}-th of the world's retained assignments (idempotent if it was released already). */
  private static void releaseOne(RoutingFixture f, int index) {
    List<AssignmentRecord> log = f.state.assignments(TENANT, java.time.Instant.MIN, java.time.Instant.MAX);
    if (!log.isEmpty()) {
      AssignmentRecord r = log.get(index % log.size());
      f.router.released(TENANT, r.rep(), r.lead());
    }
  }

  @Provide
  Arbitrary<Setup> setups() {
    return RoutingScenario.setups();
  }

  @Provide
  Arbitrary<List<Step>> steps() {
    return RoutingScenario.steps();
  }
}
