package dev.relay.pipeline;

import java.util.Objects;

/**
 * One entry of the configured list of reasons a deal may be lost for.
 *
 * @param key stable key, e.g. {@code price}
 * @param label shown to people, e.g. {@code 价格过高 Price too high}
 * @param requiresNote whether marking a deal lost for this reason needs a free-text note (typically {@code other})
 */
public record LostReason(String key, String label, boolean requiresNote) {
  public LostReason {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(label, "label");
  }

  public static LostReason of(String key, String label) {
    return new LostReason(key, label, false);
  }
}
