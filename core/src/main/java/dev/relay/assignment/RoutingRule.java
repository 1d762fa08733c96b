package dev.relay.assignment;

import dev.relay.criteria.Criteria;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One assignment rule: the leads it applies to, who receives them and how one rep is picked, who is eligible, what
 * happens when nobody is, and the first-contact SLA.
 *
 * @param key stable key, recorded in every decision it makes
 * @param label shown to people
 * @param when the leads it applies to ({@link Criteria#always()} for the default rule)
 * @param target who may receive the leads
 * @param strategy how one eligible member is picked
 * @param bestFit the scoring terms of {@link Strategy#BEST_FIT} (empty for other strategies)
 * @param minSeniority per lead grade, the lowest seniority level (of the policy's ordered levels) a rep needs, for
 *     {@link Strategy#GRADE_BASED}, e.g. {@code {"A": "senior"}}; grades not listed need none
 * @param caps capacity caps that exclude reps at their limit, all applied at once
 * @param whenNoneEligible what happens when no member is eligible
 * @param fallbackOwner tenant-local rep id for {@link NoEligibleAction#FALLBACK} (and the escalation fallback), or
 *     {@code null}
 * @param firstContactSla how long the assignee has to contact the lead
 * @param slaByGrade shorter (or longer) SLAs for some lead grades, e.g. {@code {"A": PT15M}}
 * @param slaClock whether the SLA counts wall time or the assignee's working hours
 * @param rememberLast how many recent assignees of a lead a re-route avoids
 * @param maxReroutes re-routes after which a lead missing its SLA is escalated to the team's manager instead
 */
public record RoutingRule(
    String key,
    String label,
    Criteria when,
    Target target,
    Strategy strategy,
    List<BestFitCriterion> bestFit,
    Map<String, String> minSeniority,
    List<CapacityCap> caps,
    NoEligibleAction whenNoneEligible,
    @Nullable String fallbackOwner,
    Duration firstContactSla,
    Map<String, Duration> slaByGrade,
    SlaClock slaClock,
    int rememberLast,
    int maxReroutes) {

  public RoutingRule {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(when, "when");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(strategy, "strategy");
    Objects.requireNonNull(whenNoneEligible, "whenNoneEligible");
    Objects.requireNonNull(firstContactSla, "firstContactSla");
    Objects.requireNonNull(slaClock, "slaClock");
    bestFit = List.copyOf(bestFit);
    minSeniority = Map.copyOf(minSeniority);
    caps = List.copyOf(caps);
    slaByGrade = Map.copyOf(slaByGrade);
  }

  /** The first-contact SLA for a lead of this grade ({@code null} if it has none). */
  public Duration slaFor(@Nullable String grade) {
    return grade == null ? firstContactSla : slaByGrade.getOrDefault(grade, firstContactSla);
  }
}
