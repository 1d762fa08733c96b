package dev.relay.scoring;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A group of rules of one dimension whose points add up, limited by an optional cap (HubSpot's "score limit"): a group
 * of five engagement rules capped at 40 never gives more than 40 however busy the lead is. Fit groups hold only {@link
 * ScoringRule.FitRule}s, engagement groups only {@link ScoringRule.EngagementRule}s; the playbook validates that.
 *
 * @param cap the most points the group gives, or {@code null} for no cap
 * @throws IllegalArgumentException if the cap is not finite
 */
public record RuleGroup(String key, String label, Dimension dimension, @Nullable Double cap,
    List<ScoringRule> rules) {
  public RuleGroup {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(dimension, "dimension");
    rules = List.copyOf(rules);
    if (cap != null && !Double.isFinite(cap)) {
      throw new IllegalArgumentException("group '" + key + "' cap must be finite, got " + cap);
    }
  }

  public static RuleGroup of(String key, Dimension dimension, @Nullable Double cap, ScoringRule... rules) {
    return new RuleGroup(key, key, dimension, cap, List.of(rules));
  }
}
