package dev.relay.incentive;

import dev.relay.common.Money;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

/**
 * How a parent's target is divided among its children (目标拆解方式). Children are named by their {@link
 * TargetOwner#key() owner keys}; a child the allocation does not name gets nothing under weights and last year's share.
 */
public sealed interface Allocation {
  /** Equal parts. */
  record Equal() implements Allocation {}

  /** Parts proportional to configured weights. */
  record Weighted(Map<String, BigDecimal> weights) implements Allocation {
    public Weighted {
      weights = Map.copyOf(weights);
      weights.values().forEach(w -> {
        if (w.signum() < 0) {
          throw new IllegalArgumentException("allocation weights must not be negative: " + w);
        }
      });
    }
  }

  /** Amounts set by hand (base levels); the stretch keeps the parent's stretch-to-base ratio. */
  record Manual(Map<String, Money> bases) implements Allocation {
    public Manual {
      bases = Map.copyOf(bases);
    }
  }

  /** Parts proportional to each child's revenue in the same period last year. */
  record LastYearShare(Map<String, Money> lastYear) implements Allocation {
    public LastYearShare {
      lastYear = Map.copyOf(lastYear);
      Objects.requireNonNull(lastYear, "lastYear");
    }
  }
}
