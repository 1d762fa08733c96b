package dev.relay.pool.matching;

import java.util.Objects;

/**
 * Why a candidate matched.
 *
 * @param kind the kind of key
 * @param value the normalised value they share (for names: the candidate's normalised name)
 * @param similarity 1.0 for an exact key, the name similarity in [0, 1) otherwise
 * @param explanation in words, e.g. {@code same unified social credit code 91310000MA1FL1234X}
 */
public record MatchReason(MatchKind kind, String value, double similarity, String explanation) {
  public MatchReason {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(explanation, "explanation");
  }
}
