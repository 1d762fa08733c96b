package dev.relay.assignment;

import static dev.relay.assignment.RoutingFixture.TENANT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relay.assignment.RoutingScenario.Release;
import dev.relay.assignment.RoutingScenario.RepSetup;
import dev.relay.assignment.RoutingScenario.Route;
import dev.relay.assignment.RoutingScenario.Setup;
import dev.relay.assignment.RoutingScenario.Step;
import dev.relay.assignment.RoutingScenario.Wait;
import dev.relay.common.LeadId;
import dev.relay.common.RepId;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.AfterFailureMode;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Whatever the reps' zones, hours, pauses, absences and caps, and whatever leads arrive, are released and however time
 * passes: no lead ever goes to a rep who is unavailable or full, and no lead is queued while someone could take it.
 * Checked against a model of the caps kept by the test itself, not by the routing state.
 */
class EligibilityProperties {

  @Property(tries = 150, afterFailure = AfterFailureMode.PREVIOUS_SEED)
  void noLeadEverGoesToAnUnavailableOrFullRep(@ForAll("setups") Setup setup, @ForAll("steps") List<Step> steps) {
    RoutingFixture f = new RoutingFixture();
    RoutingScenario.apply(f, setup);
    Instant start = f.clock.instant();
    Map<RepId, Set<LeadId>> open = new HashMap<>();
    Map<RepId, List<Instant>> received = new HashMap<>();

    for (Step step : steps) {
      if (step instanceof Route route) {
        RoutingDecision decision = f.router.route(RoutingScenario.request(f, route));
        Instant now = decision.decidedAt();
        Statistics.collect(decision.outcome());
        decision.candidates().stream().flatMap(c -> c.exclusions().stream()).map(RoutingScenario::label)
            .distinct().forEach(Statistics::collect);
        List<String> whyNot = new ArrayList<>();
        for (int i = 0; i < RoutingScenario.MEMBERS.size(); i++) {
          RepId rep = RoutingScenario.MEMBERS.get(i);
          String obstacle = obstacle(setup, setup.reps().get(i), route, start, now, open.getOrDefault(rep, Set.of()),
              received.getOrDefault(rep, List.of()));
          if (rep.equals(decision.assignee())) {
            assertEquals(null, obstacle, () -> rep + " got " + decision.lead() + ": " + decision.reasons());
          }
          whyNot.add(rep.value() + ": " + obstacle);
        }
        if (decision.outcome() == RoutingOutcome.QUEUED) {
          assertTrue(whyNot.stream().noneMatch(w -> w.endsWith(": null")), () -> "queued although " + whyNot);
        } else {
          assertEquals(RoutingOutcome.ASSIGNED, decision.outcome());
          RepId assignee = decision.assignee();
          open.computeIfAbsent(assignee, r -> new LinkedHashSet<>()).add(decision.lead());
          received.computeIfAbsent(assignee, r -> new ArrayList<>()).add(now);
        }
      } else if (step instanceof Release release) {
        List<Map.Entry<RepId, LeadId>> held = new ArrayList<>();
        open.forEach((rep, leads) -> leads.forEach(l -> held.add(Map.entry(rep, l))));
        if (!held.isEmpty()) {
          held.sort(Map.Entry.comparingByValue(java.util.Comparator.comparing(LeadId::value)));
          Map.Entry<RepId, LeadId> pick = held.get(release.index() % held.size());
          f.router.released(TENANT, pick.getKey(), pick.getValue());
          open.get(pick.getKey()).remove(pick.getValue());
        }
      } else {
        f.advance(Duration.ofMinutes(((Wait) step).minutes()));
      }
    }

    Statistics.coverage(c -> {
      c.check(RoutingOutcome.ASSIGNED).count(n -> n > 0);
      c.check(RoutingOutcome.QUEUED).count(n -> n > 0);
      for (String label : List.of("open-lead cap", "hourly cap", "daily cap", "absence", "working hours", "paused")) {
        c.check(label).count(n -> n > 0);
      }
    });
  }

  /** What, by the test's own model, stops the rep from taking the lead now; {@code null} if nothing does. */
  private static String obstacle(Setup setup, RepSetup rep, Route route, Instant start, Instant now, Set<LeadId> open,
      List<Instant> received) {
    ZoneId zone = RoutingScenario.ZONES.get(rep.zone());
    if (!rep.active()) {
      return "inactive";
    }
    if (rep.paused()) {
      return "paused";
    }
    Instant awayFrom = start.plus(Duration.ofHours(rep.absentFrom()));
    if (rep.absentHours() > 0 && !now.isBefore(awayFrom) && now.isBefore(awayFrom.plus(Duration.ofHours(
        rep.absentHours())))) {
      return "absent";
    }
    if (rep.officeHours() && !RoutingScenario.inOfficeHours(now, zone)) {
      return "off duty";
    }
    if (setup.strategy() == Strategy.GRADE_BASED && ((route.grade().equals("A") && !rep.seniority().equals("senior"))
        || (route.grade().equals("B") && rep.seniority().equals("junior")))) {
      return "too junior";
    }
    if (open.size() >= setup.openCap()) {
      return "open leads " + open.size();
    }
    Instant hourAgo = now.minus(Duration.ofHours(1));
    if (received.stream().filter(t -> !t.isBefore(hourAgo)).count() >= setup.hourCap()) {
      return "hourly cap";
    }
    Instant midnight = now.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
    if (received.stream().filter(t -> !t.isBefore(midnight)).count() >= setup.dayCap()) {
      return "daily cap";
    }
    return null;
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
