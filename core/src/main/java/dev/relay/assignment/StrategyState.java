package dev.relay.assignment;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The persistent state a strategy read and wrote, for the decision trace: a round-robin cursor ({@code cursor → li}) or
 * the weighted pointers of every member ({@code li → 1/2}), before and after the decision.
 *
 * @param key the state's key in the {@link RoutingState}, e.g. {@code inbound|team:east}; empty for stateless
 *     strategies
 * @param before the values before the decision, in member order
 * @param after the values after it, in member order
 */
public record StrategyState(String key, Map<String, String> before, Map<String, String> after) {
  private static final Class<?> IMMUTABLE_ONE = Map.of("", "").getClass();
  private static final StrategyState NONE = new StrategyState("", Map.of(), Map.of());

  public StrategyState {
    Objects.requireNonNull(key, "key");
    before = ordered(before);
    after = ordered(after);
  }

  /** No state read or written (best fit, the account owner, nobody eligible). */
  public static StrategyState none() {
    return NONE;
  }

  /** An unmodifiable copy in the same order: the trace reads like the member list. */
  private static Map<String, String> ordered(Map<String, String> values) {
    // A round-robin cursor is one value, so the small cases go without a linked map.
    if (values.isEmpty()) {
      return Map.of();
    }
    if (values.getClass() == IMMUTABLE_ONE) {
      return values; // Map.of(k, v): unmodifiable, and one entry has one order
    }
    if (values.size() == 1) {
      Map.Entry<String, String> only = values.entrySet().iterator().next();
      return Collections.singletonMap(only.getKey(), only.getValue());
    }
    return Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }
}
