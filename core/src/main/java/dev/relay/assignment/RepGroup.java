package dev.relay.assignment;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A named group of reps to route to, e.g. the key-account specialists, with optional routing weights.
 *
 * @param key stable key, e.g. {@code key_accounts}
 * @param label shown to people
 * @param members tenant-local rep ids
 * @param weights weight per member for weighted round robin; members not listed weigh their profile's weight
 */
public record RepGroup(String key, String label, List<String> members, Map<String, Integer> weights) {
  public RepGroup {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(label, "label");
    members = List.copyOf(members);
    weights = Map.copyOf(weights);
  }

  /** A group of equally weighted members. */
  public static RepGroup of(String key, String label, String... members) {
    return new RepGroup(key, label, List.of(members), Map.of());
  }

  /** This group with {@code member} weighing {@code weight} in weighted round robin. */
  public RepGroup withWeight(String member, int weight) {
    Map<String, Integer> w = new java.util.HashMap<>(weights);
    w.put(Objects.requireNonNull(member, "member"), weight);
    return new RepGroup(key, label, members, w);
  }
}
