package dev.relay.pool.matching;

import java.util.Objects;

/**
 * One normalised key of an account. Two accounts sharing a key are duplicates (or conflict, when owned by different
 * reps).
 *
 * @param kind what was normalised
 * @param value the normalised form
 */
public record MatchKey(MatchKind kind, String value) {
  public MatchKey {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(value, "value");
    if (value.isEmpty()) {
      throw new IllegalArgumentException("a match key needs a value");
    }
  }

  @Override
  public String toString() {
    return kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + value;
  }
}
