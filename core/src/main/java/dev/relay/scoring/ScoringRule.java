package dev.relay.scoring;

import dev.relay.criteria.Criteria;
import java.util.List;
import java.util.Objects;

/**
 * One scoring rule: a condition worth points (negative points penalise). {@link FitRule}s read the record's fields
 * through the shared criteria language; {@link EngagementRule}s count engagements.
 */
public sealed interface ScoringRule {
  String key();

  String label();

  /** The points the rule gives (fit) or gives per engagement counted (engagement). */
  double points();

  /**
   * Points when the record matches {@code when}, e.g. {@code industry in [bank, insurance]} → 15.
   *
   * @throws IllegalArgumentException if points are not finite
   */
  record FitRule(String key, String label, Criteria when, double points) implements ScoringRule {
    public FitRule {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(when, "when");
      checkFinite(key, points);
    }
  }

  /**
   * Points per engagement of one of {@code signals}, weighed by its age through {@code window}; only the {@code
   * maxCount} most recent engagements count (1 = "engaged at all").
   *
   * @throws IllegalArgumentException if signals are empty, points not finite or {@code maxCount < 1}
   */
  record EngagementRule(String key, String label, List<String> signals, double points, int maxCount,
      EngagementWindow window) implements ScoringRule {
    public EngagementRule {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(window, "window");
      signals = List.copyOf(signals);
      if (signals.isEmpty()) {
        throw new IllegalArgumentException("engagement rule '" + key + "' needs at least one signal");
      }
      checkFinite(key, points);
      if (maxCount < 1) {
        throw new IllegalArgumentException("engagement rule '" + key + "' max count must be at least 1, got "
            + maxCount);
      }
    }
  }

  static FitRule fit(String key, Criteria when, double points) {
    return new FitRule(key, key, when, points);
  }

  static EngagementRule engagement(String key, List<String> signals, double points, int maxCount,
      EngagementWindow window) {
    return new EngagementRule(key, key, signals, points, maxCount, window);
  }

  private static void checkFinite(String key, double points) {
    if (!Double.isFinite(points)) {
      throw new IllegalArgumentException("rule '" + key + "' points must be finite, got " + points);
    }
  }
}
