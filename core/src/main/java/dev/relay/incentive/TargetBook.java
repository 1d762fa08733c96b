package dev.relay.incentive;

import dev.relay.common.Period;
import dev.relay.common.RepId;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The targets of a tenant, by owner and period. A period without a target of its own takes the sum of the finer
 * targets inside it (a quarter from its three months), so a plan may pay quarterly on monthly targets. Immutable.
 */
public final class TargetBook {
  private record Key(TargetOwner owner, Period period) {}

  private final Map<Key, Target> targets = new LinkedHashMap<>();

  private TargetBook(Collection<Target> targets) {
    for (Target t : targets) {
      Target clash = this.targets.put(new Key(t.owner(), t.period()), t);
      if (clash != null) {
        throw new IllegalArgumentException("two targets for " + t.owner().key() + " in " + t.period());
      }
    }
  }

  /** @throws IllegalArgumentException if two targets have the same owner and period */
  public static TargetBook of(Collection<Target> targets) {
    return new TargetBook(targets);
  }

  public List<Target> all() {
    return List.copyOf(targets.values());
  }

  /** The owner's levels for the period: its own target, else the sum of those inside it, else empty. */
  public Optional<TargetLevels> levels(TargetOwner owner, Period period) {
    Target own = targets.get(new Key(owner, period));
    if (own != null) {
      return Optional.of(own.levels());
    }
    TargetLevels sum = null;
    for (Target t : targets.values()) {
      if (t.owner().equals(owner) && t.period().kind().compareTo(period.kind()) < 0
          && !t.period().start().isBefore(period.start()) && !t.period().end().isAfter(period.end())) {
        sum = sum == null ? t.levels() : sum.plus(t.levels());
      }
    }
    return Optional.ofNullable(sum);
  }

  /** Every rep's levels for the period, for {@link CommissionInputs.Builder#targets}. */
  public Map<RepId, TargetLevels> repLevels(Period period) {
    Map<RepId, TargetLevels> out = new HashMap<>();
    for (Target t : targets.values()) {
      if (t.owner() instanceof TargetOwner.OfRep r && !out.containsKey(r.rep())) {
        levels(t.owner(), period).ifPresent(l -> out.put(r.rep(), l));
      }
    }
    return out;
  }

}
