package dev.relay.incentive;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The {@code incentives} section of the playbook: how won deals are split into credits, targets, scorecards per role
 * and commission plans. Validated with paths by the playbook ({@code incentives.plans[0].components[2].tiers[1].from});
 * {@link #defaults()} (nothing configured) when the playbook has no such section.
 *
 * @param splits credit split by collaborator role
 * @param collectedStage the pipeline stage whose entry marks a deal paid (for plans measured on collected revenue), or
 *     {@code null}
 * @param targets targets and their rules
 * @param scorecards one scorecard per role
 * @param plans commission plans, keys unique
 */
public record IncentivePolicy(SplitPolicy splits, @Nullable String collectedStage, TargetSettings targets,
    List<Scorecard> scorecards, List<CommissionPlan> plans) {
  public IncentivePolicy {
    Objects.requireNonNull(splits, "splits");
    Objects.requireNonNull(targets, "targets");
    scorecards = List.copyOf(scorecards);
    plans = List.copyOf(plans);
  }

  /** Nothing configured: owners take all credit, no targets, scorecards or plans. */
  public static IncentivePolicy defaults() {
    return new IncentivePolicy(SplitPolicy.ownerTakesAll(), null, TargetSettings.defaults(), List.of(), List.of());
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Whether nothing is configured, so that the playbook's JSON form can leave the section out. */
  public boolean isDefault() {
    return equals(defaults());
  }

  public Optional<CommissionPlan> plan(String key) {
    return plans.stream().filter(p -> p.key().equals(key)).findFirst();
  }

  public Optional<Scorecard> scorecard(String role) {
    return scorecards.stream().filter(s -> s.role().equals(role)).findFirst();
  }

  /**
   * Each rep's scorecard result under the scorecard of their role (the first scorecard, in playbook order, whose role
   * the rep holds), ordered by rep id; reps holding no such role are left out.
   *
   * @param measures raw measures per rep, e.g. from {@link MeasureCollector#collect}; a missing measure counts as 0
   */
  public List<ScorecardResult> score(List<dev.relay.org.Rep> reps,
      java.util.Map<dev.relay.common.RepId, java.util.Map<DimensionKind, java.math.BigDecimal>> measures) {
    List<ScorecardResult> results = new java.util.ArrayList<>();
    reps.stream().sorted(java.util.Comparator.comparing(r -> r.id().value())).forEach(rep -> scorecards.stream()
        .filter(card -> rep.hasRole(card.role())).findFirst()
        .ifPresent(card -> results.add(card.score(rep.id(), measures.getOrDefault(rep.id(), java.util.Map.of())))));
    return results;
  }

  /**
   * Builds the section in Java; the playbook validates it when it is built (problems carry {@code incentives.…}
   * paths).
   */
  public static final class Builder {
    private SplitPolicy splits = SplitPolicy.ownerTakesAll();
    private @Nullable String collectedStage;
    private TargetSettings targets = TargetSettings.defaults();
    private final List<Scorecard> scorecards = new java.util.ArrayList<>();
    private final List<CommissionPlan> plans = new java.util.ArrayList<>();

    private Builder() {}

    public Builder splits(SplitPolicy value) {
      this.splits = Objects.requireNonNull(value, "splits");
      return this;
    }

    public Builder collectedStage(String stage) {
      this.collectedStage = Objects.requireNonNull(stage, "stage");
      return this;
    }

    public Builder targets(TargetSettings value) {
      this.targets = Objects.requireNonNull(value, "targets");
      return this;
    }

    public Builder scorecard(Scorecard value) {
      scorecards.add(Objects.requireNonNull(value, "scorecard"));
      return this;
    }

    public Builder plan(CommissionPlan value) {
      plans.add(Objects.requireNonNull(value, "plan"));
      return this;
    }

    public IncentivePolicy build() {
      return new IncentivePolicy(splits, collectedStage, targets, scorecards, plans);
    }
  }
}
