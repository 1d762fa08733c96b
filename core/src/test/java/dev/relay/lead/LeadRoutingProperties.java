package dev.relay.lead;

import static dev.relay.lead.LeadFixture.EAST;
import static dev.relay.lead.LeadFixture.TENANT;
import static dev.relay.lead.LeadFixture.WANG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relay.assignment.CapacityCap;
import dev.relay.assignment.RoutingOutcome;
import dev.relay.common.LeadId;
import dev.relay.common.RepId;
import dev.relay.lead.LeadEvent.LeadSlaMissed;
import dev.relay.lead.SlaRerouteSweep.Breach;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.AfterFailureMode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Random sequences of captures, first contacts, qualifications, passing time, SLA sweeps and queue passes against
 * the real router, with a 2-hour SLA, the last 2 assignees avoided, escalation after 2 re-routes and at most 3 open
 * leads a rep: after every sweep no lead is left assigned past its SLA unless it was escalated; each re-route's
 * assignee differs from the lead's previous 2; each missed SLA is handled exactly once; and routing's open-lead count
 * of every rep is exactly the open leads they own.
 */
class LeadRoutingProperties {
  private static final Duration SLA = Duration.ofHours(2);
  private static final int REMEMBER = 2;
  private static final int MAX_REROUTES = 2;

  sealed interface Step permits Capture, Contact, Qualify, Wait, Sweep, RouteQueued {}

  record Capture(int lead) implements Step {}

  record Contact(int lead) implements Step {}

  record Qualify(int lead) implements Step {}

  record Wait(int minutes) implements Step {}

  /** A sweep, possibly after waiting just past the SLA (which makes runs of misses, and so escalations, common). */
  record Sweep(boolean pastSla) implements Step {}

  record RouteQueued() implements Step {}

  @Property(tries = 120, afterFailure = AfterFailureMode.PREVIOUS_SEED)
  void slasAreEnforcedOnceAlongChainedHistories(@ForAll("steps") List<Step> steps) {
    LeadFixture f = new LeadFixture(LeadFixture.policy(LeadFixture.eastRule().firstContactSla(SLA)
        .rememberLast(REMEMBER).maxReroutes(MAX_REROUTES).cap(CapacityCap.openLeads(3))));
    List<LeadId> leads = new ArrayList<>();

    for (Step step : steps) {
      if (step instanceof Capture c) {
        if (f.service.capture(TENANT, LeadFixture.eastLead(c.lead())) instanceof LeadCapture.Captured captured) {
          leads.add(captured.lead().id());
        }
      } else if (step instanceof Contact c && !leads.isEmpty()) {
        Lead lead = f.get(leads.get(c.lead() % leads.size()));
        if (lead.owner() != null && lead.status() == LeadStatus.ASSIGNED) {
          f.service.contact(lead.id(), lead.owner(), f.clock.instant()).orThrow();
          Statistics.collect("contacted");
        }
      } else if (step instanceof Qualify q && !leads.isEmpty()) {
        Lead lead = f.get(leads.get(q.lead() % leads.size()));
        if (lead.owner() != null && lead.status().isOpen()) {
          f.service.qualify(lead.id(), lead.owner()).orThrow();
        }
      } else if (step instanceof Wait w) {
        f.advance(Duration.ofMinutes(w.minutes()));
      } else if (step instanceof Sweep sweep) {
        if (sweep.pastSla()) {
          f.advance(SLA.plusMinutes(1));
        }
        for (Breach b : f.sweep.sweep(TENANT).breaches()) {
          Statistics.collect(b.handling() == SlaRerouteSweep.Handling.REROUTED && b.to() == null
              ? "re-routed into the queue" : b.handling().name());
        }
        assertNoneLeftPastItsSla(f, leads, f.clock.instant());
      } else if (step instanceof RouteQueued) {
        f.service.routeQueued(TENANT);
      }
      assertLoadsMatchOwnership(f, leads);
    }
    for (LeadId id : leads) {
      Lead lead = f.get(id);
      assertHistoryChains(lead);
      assertEachMissHandledOnce(f, lead);
    }
    Statistics.coverage(c -> {
      c.check("REROUTED").count((Integer n) -> n > 0);
      c.check("ESCALATED").count((Integer n) -> n > 0);
      c.check("contacted").count((Integer n) -> n > 0);
    });
  }

  private static void assertNoneLeftPastItsSla(LeadFixture f, List<LeadId> leads, Instant now) {
    for (LeadId id : leads) {
      Lead lead = f.get(id);
      if (lead.status() == LeadStatus.ASSIGNED && lead.slaDue().map(now::isAfter).orElse(false)) {
        assertEquals(RoutingOutcome.ESCALATED, lead.lastAssignment().orElseThrow().outcome(),
            () -> id + " is still assigned past its SLA after a sweep: " + lead.assignments());
      }
    }
  }

  /** Each re-route went to someone other than the lead's last {@value #REMEMBER} assignees before it. */
  private static void assertHistoryChains(Lead lead) {
    List<Assignment> history = lead.assignments();
    for (int i = 0; i < history.size(); i++) {
      Assignment a = history.get(i);
      if (a.cause() == AssignmentCause.SLA_REROUTE && a.assignee() != null) {
        List<RepId> before = recentAssignees(history.subList(0, i));
        assertFalse(before.contains(a.assignee()),
            () -> lead.id() + " re-routed to one of its last assignees " + before + ": " + history);
      }
    }
    assertTrue(lead.reroutes() <= MAX_REROUTES, () -> lead.id() + " re-routed " + lead.reroutes() + " times");
  }

  private static List<RepId> recentAssignees(List<Assignment> history) {
    List<RepId> out = new ArrayList<>();
    for (int i = history.size() - 1; i >= 0 && out.size() < REMEMBER; i--) {
      RepId rep = history.get(i).assignee();
      if (rep != null && !out.contains(rep)) {
        out.add(rep);
      }
    }
    return out;
  }

  /** Every miss produced one event and one mark: a re-route, an escalation, or a report on the current assignment. */
  private static void assertEachMissHandledOnce(LeadFixture f, Lead lead) {
    long misses = f.events.events(LeadSlaMissed.class).stream().filter(e -> e.lead().equals(lead.id())).count();
    long handled = lead.assignments().stream().filter(a -> a.cause() == AssignmentCause.SLA_REROUTE
        || a.cause() == AssignmentCause.SLA_ESCALATION).count() + (lead.isCurrentBreachReported() ? 1 : 0);
    assertEquals(handled, misses, () -> lead.id() + ": " + lead.assignments());
    assertEquals(lead.reroutes(), lead.assignments().stream()
        .filter(a -> a.cause() == AssignmentCause.SLA_REROUTE).count());
  }

  private static void assertLoadsMatchOwnership(LeadFixture f, List<LeadId> leads) {
    List<Lead> all = leads.stream().map(f::get).toList();
    for (RepId rep : reps()) {
      long open = all.stream().filter(l -> rep.equals(l.owner()) && l.status().isOpen()).count();
      assertEquals(open, f.openLeads(rep), () -> rep + " carries a different load than the open leads they own");
    }
  }

  private static List<RepId> reps() {
    List<RepId> reps = new ArrayList<>(EAST);
    reps.add(WANG);
    return reps;
  }

  @Provide
  Arbitrary<List<Step>> steps() {
    Arbitrary<Step> capture = Arbitraries.integers().between(0, 11).map(Capture::new);
    Arbitrary<Step> contact = Arbitraries.integers().between(0, 11).map(Contact::new);
    Arbitrary<Step> qualify = Arbitraries.integers().between(0, 11).map(Qualify::new);
    Arbitrary<Step> wait = Arbitraries.integers().between(10, 5 * 60).map(Wait::new);
    Arbitrary<Step> sweep = Arbitraries.of(true, false).map(Sweep::new);
    Arbitrary<Step> routeQueued = Arbitraries.just(new RouteQueued());
    return Arbitraries.frequencyOf(Tuple.of(3, capture), Tuple.of(1, contact), Tuple.of(1, qualify),
        Tuple.of(3, wait), Tuple.of(5, sweep), Tuple.of(1, routeQueued)).list().ofMinSize(5).ofMaxSize(60);
  }
}
