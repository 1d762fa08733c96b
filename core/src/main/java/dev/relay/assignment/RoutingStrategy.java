package dev.relay.assignment;

import dev.relay.common.Reason;
import dev.relay.common.RepId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The implementation of one {@link Strategy}: picks one eligible member and moves the strategy's persistent state in the
 * ledger. A pure function of its input and the ledger, so the same state and lead always give the same pick.
 */
sealed interface RoutingStrategy
    permits RoundRobinStrategy, WeightedRoundRobinStrategy, LeastLoadedStrategy, BestFitStrategy, GradeBasedStrategy,
        StickyOwnerStrategy {

  /** Picks an eligible member, or {@link Pick#none()} without writing anything when no member is eligible. */
  Pick pick(StrategyInput input);

  /** The implementation of {@code strategy}; implementations are stateless, so one instance serves every decision. */
  static RoutingStrategy of(Strategy strategy) {
    return switch (strategy) {
      case ROUND_ROBIN -> RoundRobinStrategy.INSTANCE;
      case WEIGHTED_ROUND_ROBIN -> WeightedRoundRobinStrategy.INSTANCE;
      case LEAST_LOADED -> LeastLoadedStrategy.INSTANCE;
      case BEST_FIT -> BestFitStrategy.INSTANCE;
      case GRADE_BASED -> GradeBasedStrategy.INSTANCE;
      case STICKY_OWNER -> StickyOwnerStrategy.INSTANCE;
    };
  }

  /**
   * What a strategy picks from.
   *
   * @param members the target's members after screening, sorted by rep id
   * @param owner the lead's account owner after screening (a member's own candidate if the owner is one), or {@code
   *     null}
   */
  record StrategyInput(List<Candidate> members, @Nullable Candidate owner, RoutingContext context,
      RoutingLedger ledger) {
    List<Candidate> eligible() {
      List<Candidate> eligible = new ArrayList<>(members.size());
      for (Candidate c : members) {
        if (c.eligible()) {
          eligible.add(c);
        }
      }
      return eligible;
    }

    String path() {
      return context.rule().strategyPath();
    }
  }

  /**
   * A strategy's answer.
   *
   * @param chosen the member picked, {@code null} when nobody was eligible
   * @param reasons why, in words
   * @param state the strategy's state before and after
   * @param scores best-fit scores by rep, empty for other strategies
   */
  record Pick(@Nullable Candidate chosen, List<Reason> reasons, StrategyState state, Map<RepId, Integer> scores) {
    public Pick {
      reasons = List.copyOf(reasons);
      scores = Map.copyOf(scores);
      Objects.requireNonNull(state, "state");
    }

    static Pick none() {
      return new Pick(null, List.of(), StrategyState.none(), Map.of());
    }

    /** The same pick with a reason in front (what a composite strategy adds to round robin's own). */
    Pick after(Reason first) {
      List<Reason> all = new ArrayList<>();
      all.add(first);
      all.addAll(reasons);
      return new Pick(chosen, all, state, scores);
    }
  }
}
