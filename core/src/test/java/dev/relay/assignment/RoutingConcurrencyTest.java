package dev.relay.assignment;

import static dev.relay.assignment.RoutingFixture.TENANT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relay.common.LeadId;
import dev.relay.common.RepId;
import dev.relay.common.TeamId;
import dev.relay.org.Rep;
import dev.relay.org.Team;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Routing racing itself: 8 threads route 2,000 leads at once to 10 reps capped at 30 per rolling hour and 50 open.
 * No cap is exceeded, every lead is assigned or queued, and the counts add up.
 */
class RoutingConcurrencyTest {
  private static final int THREADS = 8;
  private static final int LEADS = 2_000;

  @Test
  void eightThreadsRoutingTwoThousandLeadsNeverExceedACap() throws Exception {
    RoutingFixture f = new RoutingFixture();
    TeamId inbound = TeamId.of(TENANT, "inbound");
    f.org.saveTeam(new Team(inbound, "Inbound", null, null));
    List<RepId> reps = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      RepId rep = RoutingFixture.rep("r" + i);
      f.org.saveRep(Rep.of(rep, "Rep " + i, inbound, "sales_rep"));
      reps.add(rep);
    }
    f.use(AssignmentPolicy.builder().accountOwnerFirst(false).rule(RoutingRule.builder("inbound", "Inbound")
        .target(Target.team("inbound")).strategy(Strategy.LEAST_LOADED)
        .cap(CapacityCap.assignedWithin(Duration.ofHours(1), 30)).cap(CapacityCap.openLeads(50))));
    List<LeadId> leads = new ArrayList<>();
    for (int i = 0; i < LEADS; i++) {
      leads.add(f.nextLead());
    }
    Instant start = f.clock.instant();

    // First half at one instant: the hourly cap binds (10 × 30). An hour later the open-lead cap binds (10 × 50).
    List<RoutingDecision> first = race(f, leads.subList(0, LEADS / 2));
    f.advance(Duration.ofMinutes(61));
    List<RoutingDecision> second = race(f, leads.subList(LEADS / 2, LEADS));

    List<RoutingDecision> all = new ArrayList<>(first);
    all.addAll(second);
    assertEquals(LEADS, all.size());
    assertTrue(all.stream().allMatch(d -> d.outcome() == RoutingOutcome.ASSIGNED
        || d.outcome() == RoutingOutcome.QUEUED), "every lead assigned or queued");
    assertEquals(300, first.stream().filter(d -> d.assignee() != null).count());
    assertEquals(200, second.stream().filter(d -> d.assignee() != null).count());
    Map<RepId, Integer> received = new HashMap<>();
    all.stream().filter(d -> d.assignee() != null).forEach(d -> received.merge(d.assignee(), 1, Integer::sum));
    for (RepId rep : reps) {
      assertEquals(50, received.get(rep), rep + " fills up to the open-lead cap");
      assertEquals(50, f.openLeads(rep));
      assertEquals(30, first.stream().filter(d -> rep.equals(d.assignee())).count(), rep + " in the first hour");
    }
    assertEquals(500, f.state.assignments(TENANT, start, f.clock.instant().plusSeconds(1)).size());
    assertEquals(500, all.stream().filter(d -> d.assignee() != null).map(RoutingDecision::lead).distinct().count(),
        "no lead assigned twice");
  }

  private static List<RoutingDecision> race(RoutingFixture f, List<LeadId> leads) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(THREADS);
    CountDownLatch gate = new CountDownLatch(1);
    try {
      List<Future<List<RoutingDecision>>> futures = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        Callable<List<RoutingDecision>> worker = () -> {
          gate.await();
          List<RoutingDecision> mine = new ArrayList<>();
          for (int i = thread; i < leads.size(); i += THREADS) {
            mine.add(f.router.route(RoutingRequest.of(leads.get(i), f.fields(Map.of()))));
          }
          return mine;
        };
        futures.add(threads.submit(worker));
      }
      gate.countDown();
      List<RoutingDecision> out = new ArrayList<>();
      for (Future<List<RoutingDecision>> future : futures) {
        out.addAll(future.get(30, TimeUnit.SECONDS));
      }
      return out;
    } finally {
      threads.shutdownNow();
    }
  }
}
