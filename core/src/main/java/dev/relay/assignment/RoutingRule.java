package dev.relay.assignment;

import dev.relay.criteria.Criteria;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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

  /**
   * A builder with the defaults of {@link AssignmentPolicy#standardDefaultRule()}: every lead, every active rep, round
   * robin, no caps, queue when nobody is eligible, a 24-hour wall-clock SLA, avoid the last 3 assignees, escalate after
   * 2 re-routes.
   */
  public static Builder builder(String key, String label) {
    return new Builder(key, label);
  }

  /** Builds a {@link RoutingRule}; the playbook validates the result against the rest of the configuration. */
  public static final class Builder {
    private final String key;
    private final String label;
    private Criteria when = Criteria.always();
    private Target target = Target.everyone();
    private Strategy strategy = Strategy.ROUND_ROBIN;
    private final List<BestFitCriterion> bestFit = new ArrayList<>();
    private final Map<String, String> minSeniority = new LinkedHashMap<>();
    private final List<CapacityCap> caps = new ArrayList<>();
    private NoEligibleAction whenNoneEligible = NoEligibleAction.QUEUE;
    private @Nullable String fallbackOwner;
    private Duration firstContactSla = Duration.ofHours(24);
    private final Map<String, Duration> slaByGrade = new LinkedHashMap<>();
    private SlaClock slaClock = SlaClock.WALL;
    private int rememberLast = 3;
    private int maxReroutes = 2;

    private Builder(String key, String label) {
      this.key = Objects.requireNonNull(key, "key");
      this.label = Objects.requireNonNull(label, "label");
    }

    public Builder when(Criteria value) {
      this.when = Objects.requireNonNull(value, "when");
      return this;
    }

    public Builder target(Target value) {
      this.target = Objects.requireNonNull(value, "target");
      return this;
    }

    public Builder strategy(Strategy value) {
      this.strategy = Objects.requireNonNull(value, "strategy");
      return this;
    }

    /** Adds a best-fit term (for {@link Strategy#BEST_FIT}). */
    public Builder bestFit(BestFitCriterion.Attribute attribute, String leadField, int weight) {
      bestFit.add(new BestFitCriterion(attribute, leadField, weight));
      return this;
    }

    /** Leads of {@code grade} need reps at {@code seniority} or above. */
    public Builder minSeniority(String grade, String seniority) {
      minSeniority.put(Objects.requireNonNull(grade, "grade"), Objects.requireNonNull(seniority, "seniority"));
      return this;
    }

    public Builder cap(CapacityCap value) {
      caps.add(Objects.requireNonNull(value, "cap"));
      return this;
    }

    public Builder whenNoneEligible(NoEligibleAction value) {
      this.whenNoneEligible = Objects.requireNonNull(value, "whenNoneEligible");
      return this;
    }

    /** Tenant-local id of the rep who receives the lead when nobody is eligible. */
    public Builder fallbackOwner(@Nullable String repId) {
      this.fallbackOwner = repId;
      return this;
    }

    public Builder firstContactSla(Duration value) {
      this.firstContactSla = Objects.requireNonNull(value, "firstContactSla");
      return this;
    }

    public Builder slaForGrade(String grade, Duration value) {
      slaByGrade.put(Objects.requireNonNull(grade, "grade"), Objects.requireNonNull(value, "sla"));
      return this;
    }

    public Builder slaClock(SlaClock value) {
      this.slaClock = Objects.requireNonNull(value, "slaClock");
      return this;
    }

    public Builder rememberLast(int value) {
      this.rememberLast = value;
      return this;
    }

    public Builder maxReroutes(int value) {
      this.maxReroutes = value;
      return this;
    }

    public RoutingRule build() {
      return new RoutingRule(key, label, when, target, strategy, bestFit, minSeniority, caps, whenNoneEligible,
          fallbackOwner, firstContactSla, slaByGrade, slaClock, rememberLast, maxReroutes);
    }
  }
}
