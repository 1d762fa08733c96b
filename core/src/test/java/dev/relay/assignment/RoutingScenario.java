package dev.relay.assignment;

import static dev.relay.assignment.RoutingFixture.TENANT;

import dev.relay.assignment.BestFitCriterion.Attribute;
import dev.relay.common.Reason;
import dev.relay.common.RepId;
import dev.relay.common.TeamId;
import dev.relay.org.Rep;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Random routing worlds for the properties: team east (li, ma, sun, zhang) with random zones, working hours, pauses,
 * absences, seniority and industries; one rule with a random strategy and three caps (open leads, a rolling hour, a
 * calendar day), queueing when nobody is eligible; and random steps of routing, releasing and waiting.
 */
final class RoutingScenario {
  static final List<RepId> MEMBERS = List.of(RoutingFixture.LI, RoutingFixture.rep("ma"), RoutingFixture.SUN,
      RoutingFixture.ZHANG);
  static final List<ZoneId> ZONES = List.of(ZoneId.of("Asia/Shanghai"), ZoneId.of("America/New_York"),
      ZoneId.of("Asia/Kolkata"), ZoneId.of("UTC"));
  static final List<String> INDUSTRIES = List.of("manufacturing", "retail", "finance");
  static final List<String> GRADES = List.of("A", "B", "C", "D");

  private RoutingScenario() {}

  /**
   * One rep's situation.
   *
   * @param absentFrom hours after the start when an absence begins
   * @param absentHours how long it lasts; 0 for none
   */
  record RepSetup(int zone, boolean officeHours, boolean paused, boolean active, int absentFrom, int absentHours,
      String seniority, String industry, int weight) {}

  record Setup(Strategy strategy, int openCap, int hourCap, int dayCap, List<RepSetup> reps) {}

  sealed interface Step permits Route, Release, Wait {}

  /** Routes a lead; {@code owner} indexes {@link #MEMBERS} (out of range: no account owner). */
  record Route(int owner, String grade, String industry) implements Step {}

  /** Releases the {@code index}-th open lead (modulo how many are open), as the lead service would. */
  record Release(int index) implements Step {}

  record Wait(int minutes) implements Step {}

  static Arbitrary<Setup> setups() {
    Arbitrary<RepSetup> rep = Combinators.combine(Arbitraries.integers().between(0, ZONES.size() - 1),
        Arbitraries.integers().between(0, 2).map(i -> i == 0), Arbitraries.integers().between(0, 5).map(i -> i == 0),
        Arbitraries.integers().between(0, 9).map(i -> i != 0), Arbitraries.integers().between(0, 48),
        Arbitraries.of(0, 0, 4, 12, 30), Arbitraries.of("junior", "regular", "senior"),
        Arbitraries.of(INDUSTRIES)).as((zone, office, paused, active, from, hours, seniority, industry) ->
            // Combinators take eight values at most, so the weight (1–4) rides on the zone index.
            new RepSetup(zone, office, paused, active, from, hours, seniority, industry, 1 + zone));
    return Combinators.combine(Arbitraries.of(Strategy.class), Arbitraries.integers().between(1, 6),
        Arbitraries.integers().between(1, 4), Arbitraries.integers().between(1, 8),
        rep.list().ofSize(MEMBERS.size())).as(Setup::new);
  }

  static Arbitrary<List<Step>> steps() {
    Arbitrary<Step> route = Combinators.combine(Arbitraries.integers().between(0, MEMBERS.size() + 2),
        Arbitraries.of(GRADES), Arbitraries.of(INDUSTRIES)).as(Route::new);
    Arbitrary<Step> release = Arbitraries.integers().between(0, 50).map(Release::new);
    Arbitrary<Step> wait = Arbitraries.integers().between(1, 600).map(Wait::new);
    return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, route), net.jqwik.api.Tuple.of(2, release),
        net.jqwik.api.Tuple.of(2, wait)).list().ofMinSize(5).ofMaxSize(60);
  }

  /** Puts the setup into a fresh fixture: org entries, profiles and the playbook. */
  static void apply(RoutingFixture f, Setup setup) {
    f.org.saveRep(Rep.of(RoutingFixture.rep("ma"), "Ma", TeamId.of(TENANT, "east"), "sales_rep"));
    Instant start = f.clock.instant();
    for (int i = 0; i < MEMBERS.size(); i++) {
      RepId rep = MEMBERS.get(i);
      RepSetup s = setup.reps().get(i);
      f.changeRep(rep, r -> r.withZone(ZONES.get(s.zone())).withActive(s.active()));
      RepProfile.Builder profile = RepProfile.builder(rep).hours(s.officeHours() ? WorkingHours.officeHours()
          : WorkingHours.always()).paused(s.paused()).seniority(s.seniority()).industries(s.industry())
          .weight(s.weight());
      if (s.absentHours() > 0) {
        Instant from = start.plus(Duration.ofHours(s.absentFrom()));
        profile.absent(from, from.plus(Duration.ofHours(s.absentHours())), "休假 leave");
      }
      f.profile(profile);
    }
    f.use(RoutingFixture.eastTeam(setup.strategy(), r -> {
      r.cap(CapacityCap.openLeads(setup.openCap()))
          .cap(CapacityCap.assignedWithin(Duration.ofHours(1), setup.hourCap()))
          .cap(CapacityCap.assignedPerCalendar(Duration.ofDays(1), setup.dayCap()));
      if (setup.strategy() == Strategy.BEST_FIT) {
        r.bestFit(Attribute.INDUSTRIES, "industry", 3);
      }
      if (setup.strategy() == Strategy.GRADE_BASED) {
        r.minSeniority("A", "senior").minSeniority("B", "regular");
      }
      return r;
    }));
  }

  /** The request of a routing step. */
  static RoutingRequest request(RoutingFixture f, Route step) {
    RepId owner = step.owner() < MEMBERS.size() ? MEMBERS.get(step.owner()) : null;
    return f.request(Map.of("grade", step.grade(), "industry", step.industry())).withAccountOwner(owner);
  }

  /** Whether office hours (Monday to Friday, 09:00–18:00 local) hold at {@code now} in {@code zone}. */
  static boolean inOfficeHours(Instant now, ZoneId zone) {
    var local = now.atZone(zone);
    return local.getDayOfWeek().compareTo(DayOfWeek.SATURDAY) < 0 && local.getHour() >= 9 && local.getHour() < 18;
  }

  /** A short name for the kind of exclusion, for statistics. */
  static String label(Reason exclusion) {
    String rule = exclusion.rule();
    return switch (rule) {
      case "eligibility.absence" -> "absence";
      case "eligibility.working_hours" -> "working hours";
      case "eligibility.paused" -> "paused";
      case "eligibility.active" -> "inactive";
      case "eligibility.recent_assignee" -> "recent assignee";
      case "assignment.rules[0].caps[0]" -> "open-lead cap";
      case "assignment.rules[0].caps[1]" -> "hourly cap";
      case "assignment.rules[0].caps[2]" -> "daily cap";
      default -> rule.contains("min_seniority") ? "seniority" : rule;
    };
  }
}
