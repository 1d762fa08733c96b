package dev.relay.assignment;

import static dev.relay.assignment.RoutingFixture.CHEN;
import static dev.relay.assignment.RoutingFixture.LI;
import static dev.relay.assignment.RoutingFixture.SUN;
import static dev.relay.assignment.RoutingFixture.TENANT;
import static dev.relay.assignment.RoutingFixture.ZHANG;
import static dev.relay.assignment.RoutingFixture.eastTeam;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.relay.common.LeadId;
import dev.relay.common.NotFoundException;
import dev.relay.common.RepId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How evenly a rule shared its leads: received against the share each rep's weight entitles them to. */
class FairnessAnalyticsTest {
  private static final Instant FROM = Instant.parse("2026-03-02T00:00:00Z");
  private static final Instant TO = Instant.parse("2026-03-09T00:00:00Z");

  private static List<AssignmentRecord> received(Map<RepId, Integer> counts, Instant at) {
    List<AssignmentRecord> out = new ArrayList<>();
    counts.forEach((rep, n) -> {
      for (int i = 0; i < n; i++) {
        out.add(new AssignmentRecord(LeadId.of(TENANT, rep.value() + "-" + i), rep, "east", Strategy.ROUND_ROBIN,
            at));
      }
    });
    return out;
  }

  @Test
  void aWeightedRuleMatchesItsWeightsExactlyAtMultiplesOfTheWeightSum() {
    RoutingFixture f = new RoutingFixture();
    f.use(eastTeam(Strategy.WEIGHTED_ROUND_ROBIN, r -> r));
    f.profile(RepProfile.builder(LI).weight(2));
    Instant start = f.clock.instant();
    f.routeMany(40);

    FairnessReport report = f.router.fairness(TENANT, "east", start, start.plus(Duration.ofHours(1)));

    assertEquals(List.of(new FairnessReport.RepShare(LI, 2, 0.5, 20, 20.0, 0.0),
        new FairnessReport.RepShare(SUN, 1, 0.25, 10, 10.0, 0.0),
        new FairnessReport.RepShare(ZHANG, 1, 0.25, 10, 10.0, 0.0)), report.reps());
    assertEquals(0.0, report.largestDeviation().orElseThrow().deviation());
  }

  @Test
  void ownersFirstAreNotPartOfTheRotationsFairness() {
    RoutingFixture f = new RoutingFixture();
    f.use(eastTeam(Strategy.ROUND_ROBIN, r -> r).accountOwnerFirst(true));
    Instant start = f.clock.instant();
    f.routeMany(3);
    f.router.route(f.request(Map.of()).withAccountOwner(LI));

    FairnessReport report = f.router.fairness(TENANT, "east", start, start.plusSeconds(1));

    assertEquals(List.of(1, 1, 1), report.reps().stream().map(FairnessReport.RepShare::received).toList());
    assertThrows(NotFoundException.class, () -> f.router.fairness(TENANT, "nope", start, start.plusSeconds(1)));
  }

  @Test
  void equalSharesShowTheLargestDeviation() {
    List<AssignmentRecord> log = received(Map.of(LI, 5, SUN, 3, ZHANG, 1, CHEN, 2), FROM.plusSeconds(60));

    FairnessReport report = new FairnessAnalytics().report(log, FROM, TO,
        FairnessAnalytics.equalWeights(List.of(LI, SUN, ZHANG)));

    assertEquals(9, report.total());
    assertEquals(2, report.others(), "chen is not compared");
    assertEquals(LI, report.largestDeviation().orElseThrow().rep(), "li +2 comes before zhang −2");
    assertEquals(-2.0, report.rep(ZHANG).orElseThrow().deviation());
    assertEquals("""
        Fairness 2026-03-02T00:00:00Z – 2026-03-09T00:00:00Z: 9 leads to 3 reps (2 to others)
        rep    weight  received  expected  deviation
        li          1         5       3.0       +2.0
        sun         1         3       3.0       +0.0
        zhang       1         1       3.0       -2.0
        largest deviation: li +2.0
        """, report.render());
  }

  @Test
  void onlyAssignmentsInsideTheRangeCount() {
    List<AssignmentRecord> log = new ArrayList<>(received(Map.of(LI, 1), FROM));
    log.addAll(received(Map.of(SUN, 1), TO));

    FairnessReport report = new FairnessAnalytics().report(log, FROM, TO,
        FairnessAnalytics.equalWeights(List.of(LI, SUN)));

    assertEquals(List.of(1, 0), report.reps().stream().map(FairnessReport.RepShare::received).toList());
    assertEquals(0.5, report.rep(LI).orElseThrow().expected());
  }

  @Test
  void aRepWhoGotNothingStillHasARow() {
    FairnessReport report = new FairnessAnalytics().report(List.of(), FROM, TO, Map.of(LI, 2));

    assertEquals(List.of(new FairnessReport.RepShare(LI, 2, 1.0, 0, 0.0, 0.0)), report.reps());
  }
}
