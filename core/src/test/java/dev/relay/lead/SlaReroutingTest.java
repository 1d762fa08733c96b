package dev.relay.lead;

import static dev.relay.lead.LeadFixture.CHEN;
import static dev.relay.lead.LeadFixture.EAST;
import static dev.relay.lead.LeadFixture.LI;
import static dev.relay.lead.LeadFixture.TENANT;
import static dev.relay.lead.LeadFixture.WANG;
import static dev.relay.lead.LeadFixture.ZHANG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relay.assignment.AssignmentEvent.LeadAssigned;
import dev.relay.assignment.AssignmentEvent.LeadEscalated;
import dev.relay.assignment.RepProfile;
import dev.relay.assignment.RoutingOutcome;
import dev.relay.assignment.SlaClock;
import dev.relay.assignment.WorkingHours;
import dev.relay.common.DirectTransactionRunner;
import dev.relay.common.RepId;
import dev.relay.lead.LeadEvent.LeadRerouted;
import dev.relay.lead.LeadEvent.LeadSlaMissed;
import dev.relay.lead.SlaRerouteSweep.Breach;
import dev.relay.lead.SlaRerouteSweep.Handling;
import dev.relay.testing.WriteRace;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/** First-contact SLAs: the clock stops at first contact, misses are re-routed, then escalated, each once. */
class SlaReroutingTest {
  private static final Duration SLA = Duration.ofHours(4);
  private static final Duration JUST_PAST = SLA.plusMinutes(1);

  @Test
  void firstContactStopsTheSlaClock() {
    LeadFixture f = new LeadFixture();
    Lead lead = f.capture(LeadFixture.zhangWei());
    f.advance(Duration.ofHours(3));

    LeadChange.Changed contacted = f.service.contact(lead.id(), lead.owner(), f.clock.instant()).orThrow();
    f.advance(Duration.ofDays(2));
    SlaRerouteSweep.Report report = f.sweep.sweep(TENANT);

    assertEquals(LeadStatus.CONTACTED, contacted.lead().status());
    assertTrue(contacted.trace().get(0).message().contains("met the SLA"), contacted.trace().toString());
    assertTrue(f.events.events(LeadEvent.LeadContacted.class).get(0).withinSla());
    assertEquals(List.of(), report.breaches());
    assertEquals(lead.owner(), f.get(lead.id()).owner());
    assertEquals(List.of(), f.leads.findAssignedNotContacted(TENANT));
  }

  @Test
  void aLateFirstContactStillStopsTheClockButSaysItWasLate() {
    LeadFixture f = new LeadFixture();
    Lead lead = f.capture(LeadFixture.johnSmith());
    f.advance(Duration.ofHours(5));

    LeadChange.Changed contacted = f.service.contact(lead.id(), lead.owner(), f.clock.instant()).orThrow();

    assertFalse(f.events.events(LeadEvent.LeadContacted.class).get(0).withinSla());
    assertTrue(contacted.trace().get(0).message().contains("PT1H after the SLA"), contacted.trace().toString());
    assertEquals(List.of(), f.sweep.sweep(TENANT).breaches(), "recorded before the sweep came: no re-route");
  }

  @Test
  void leadNotContactedWithinItsSlaIsReroutedToSomeoneElse() {
    LeadFixture f = new LeadFixture();
    Lead lead = f.capture(LeadFixture.zhangWei());
    RepId first = lead.owner();
    f.advance(SLA);
    assertEquals(List.of(), f.sweep.sweep(TENANT).breaches(), "due, not yet missed");
    f.advance(Duration.ofMinutes(1));
    f.events.clear();

    SlaRerouteSweep.Report report = f.sweep.sweep(TENANT);

    Breach breach = report.breaches().get(0);
    assertEquals(Handling.REROUTED, breach.handling());
    assertEquals(first, breach.missedBy());
    Lead rerouted = f.get(lead.id());
    assertNotEquals(first, rerouted.owner());
    assertTrue(EAST.contains(rerouted.owner()));
    assertEquals(breach.to(), rerouted.owner());
    assertEquals(LeadStatus.ASSIGNED, rerouted.status());
    assertEquals(1, rerouted.reroutes());
    Assignment now = rerouted.lastAssignment().orElseThrow();
    assertEquals(AssignmentCause.SLA_REROUTE, now.cause());
    assertEquals(f.clock.instant().plus(SLA), now.slaDue());
    assertEquals(breach.decision(), rerouted.decision());
    assertEquals(0, f.openLeads(first), "the assignee who missed no longer carries the lead");
    assertEquals(1, f.openLeads(rerouted.owner()));
    assertEquals(List.of(LeadSlaMissed.class, LeadRerouted.class, LeadAssigned.class),
        f.events.events().stream().map(Object::getClass).toList());
    LeadRerouted event = f.events.events(LeadRerouted.class).get(0);
    assertEquals(List.of(first), event.avoided());
    assertEquals(1, event.reroute());
  }

  @Test
  void rerouteAvoidsTheLastAssignees() {
    LeadFixture f = new LeadFixture(LeadFixture.policy(LeadFixture.eastRule().maxReroutes(5)));
    Lead lead = f.capture(LeadFixture.zhangWei());

    for (int i = 0; i < 5; i++) {
      f.advance(JUST_PAST);
      f.sweep.sweep(TENANT);
    }

    List<RepId> assignees = f.get(lead.id()).assignments().stream().map(Assignment::assignee).toList();
    assertEquals(6, assignees.size());
    for (int i = 1; i < assignees.size(); i++) {
      List<RepId> lastTwo = assignees.subList(Math.max(0, i - 2), i);
      assertFalse(lastTwo.contains(assignees.get(i)), () -> "re-routed into its last two assignees: " + assignees);
    }
    assertEquals(List.of(CHEN, LI, ZHANG, CHEN, LI, ZHANG), assignees, "three reps, two avoided: one choice each");
    assertEquals(List.of(List.of(LI, CHEN), List.of(ZHANG, LI)), f.events.events(LeadRerouted.class).stream()
        .skip(1).limit(2).map(LeadRerouted::avoided).toList(), "newest first");
  }

  @Test
  void afterMaxReroutesTheLeadIsEscalatedToTheManager() {
    LeadFixture f = new LeadFixture();
    Lead lead = f.capture(LeadFixture.zhangWei());
    f.advance(JUST_PAST);
    f.sweep.sweep(TENANT);
    f.advance(JUST_PAST);
    f.sweep.sweep(TENANT);
    RepId last = f.get(lead.id()).owner();
    f.advance(JUST_PAST);

    SlaRerouteSweep.Report report = f.sweep.sweep(TENANT);

    Breach breach = report.breaches().get(0);
    assertEquals(Handling.ESCALATED, breach.handling());
    assertEquals(WANG, breach.to(), "wang manages team east");
    Lead escalated = f.get(lead.id());
    assertEquals(WANG, escalated.owner());
    assertEquals(2, escalated.reroutes());
    Assignment assignment = escalated.lastAssignment().orElseThrow();
    assertEquals(AssignmentCause.SLA_ESCALATION, assignment.cause());
    assertEquals(RoutingOutcome.ESCALATED, assignment.outcome());
    assertEquals("assignment.rules[0]", assignment.rulePath());
    assertTrue(assignment.reasons().get(0).rule().endsWith(".max_reroutes"), assignment.reasons().toString());
    LeadEscalated event = f.events.events(LeadEscalated.class).get(0);
    assertEquals(WANG, event.escalatedTo());
    assertEquals(0, f.openLeads(last));
    assertEquals(1, f.openLeads(WANG), "the manager now carries it");

    f.advance(JUST_PAST);
    SlaRerouteSweep.Report missedByManager = f.sweep.sweep(TENANT);
    f.advance(Duration.ofDays(1));
    SlaRerouteSweep.Report later = f.sweep.sweep(TENANT);

    assertEquals(List.of(Handling.REPORTED), missedByManager.breaches().stream().map(Breach::handling).toList());
    assertEquals(List.of(), later.breaches());
    assertEquals(WANG, f.get(lead.id()).owner(), "an escalated lead stays with the manager");
    assertEquals(4, f.events.events(LeadSlaMissed.class).size());
  }

  @Test
  void slaOnBusinessHoursSkipsNightsAndWeekends() {
    LeadFixture f = new LeadFixture(LeadFixture.policy(LeadFixture.eastRule().slaClock(SlaClock.BUSINESS_HOURS)));
    for (RepId rep : EAST) {
      f.profiles.save(RepProfile.builder(rep).hours(WorkingHours.officeHours()).build());
    }
    f.clock.set(shanghai("2026-03-06T16:00")); // a Friday afternoon

    Lead lead = f.capture(LeadFixture.zhangWei());

    Instant due = lead.slaDue().orElseThrow();
    assertEquals(shanghai("2026-03-09T11:00"), due, "2 hours on Friday, 2 more on Monday morning");
    f.clock.set(shanghai("2026-03-07T12:00"));
    assertEquals(List.of(), f.sweep.sweep(TENANT).breaches(), "Saturday: the clock does not run");
    f.clock.set(shanghai("2026-03-09T10:59"));
    assertEquals(List.of(), f.sweep.sweep(TENANT).breaches());
    f.clock.set(shanghai("2026-03-09T11:01"));
    Breach breach = f.sweep.sweep(TENANT).breaches().get(0);
    assertEquals(Handling.REROUTED, breach.handling());
    assertEquals(shanghai("2026-03-09T15:01"), f.get(lead.id()).slaDue().orElseThrow(), "within Monday's hours");
  }

  @Test
  void eachBreachIsHandledOnce() {
    LeadFixture f = new LeadFixture();
    Lead first = f.capture(LeadFixture.zhangWei());
    Lead second = f.capture(LeadFixture.johnSmith());
    f.advance(JUST_PAST);

    SlaRerouteSweep.Report once = f.sweep.sweep(TENANT);
    SlaRerouteSweep.Report again = f.sweep.sweep(TENANT);
    SlaRerouteSweep.Report byAnotherSweeper = new SlaRerouteSweep(f.leads, f.accounts, f.routing, f.playbooks, f.org,
        f.profiles, f.events, new DirectTransactionRunner(), f.clock).sweep(TENANT);

    assertEquals(List.of(first.id(), second.id()), once.breaches().stream().map(Breach::lead).toList());
    assertEquals(List.of(), again.breaches());
    assertEquals(List.of(), byAnotherSweeper.breaches());
    assertEquals(2, f.events.events(LeadSlaMissed.class).size());
    assertEquals(2, f.events.events(LeadRerouted.class).size());
    assertEquals(1, f.get(first.id()).reroutes());
  }

  @Test
  void concurrentSweepsRerouteEachLeadOnce() throws Exception {
    LeadFixture f = new LeadFixture(LeadFixture.policy(LeadFixture.eastRule().maxReroutes(10)));
    List<Lead> captured = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      captured.add(f.capture(LeadFixture.eastLead(i)));
    }
    f.advance(JUST_PAST);
    int sweepers = 4;
    List<Callable<SlaRerouteSweep.Report>> sweeps = new ArrayList<>();
    for (int s = 0; s < sweepers; s++) {
      SlaRerouteSweep sweep = new SlaRerouteSweep(f.leads, f.accounts, f.routing, f.playbooks, f.org, f.profiles,
          f.events, new DirectTransactionRunner(), f.clock);
      sweeps.add(() -> sweep.sweep(TENANT));
    }

    WriteRace.Outcome<SlaRerouteSweep.Report> race = WriteRace.run(sweeps);

    int handled = race.winners().stream().mapToInt(r -> r.breaches().size()).sum();
    assertEquals(captured.size(), handled, "every breach handled by exactly one sweeper");
    for (Lead lead : captured) {
      assertEquals(1, f.get(lead.id()).reroutes(), lead.id().toString());
    }
    assertEquals(captured.size(), f.events.events(LeadRerouted.class).size());
    for (RepId rep : EAST) {
      long owned = captured.stream().filter(l -> rep.equals(f.get(l.id()).owner())).count();
      assertEquals(owned, f.openLeads(rep), () -> rep + "'s load matches the leads they hold");
    }
  }

  private static Instant shanghai(String localDateTime) {
    return ZonedDateTime.of(LocalDateTime.parse(localDateTime), LeadFixture.SHANGHAI).toInstant();
  }
}
