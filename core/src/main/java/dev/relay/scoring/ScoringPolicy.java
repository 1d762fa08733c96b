package dev.relay.scoring;

import java.util.List;
import java.util.Optional;

/**
 * The playbook's {@code scoring} section: the tenant's scoring models, each with a unique key. Empty by default.
 */
public record ScoringPolicy(List<ScoringModel> models) {
  public ScoringPolicy {
    models = List.copyOf(models);
  }

  /** No models: nothing is scored. */
  public static ScoringPolicy defaults() {
    return new ScoringPolicy(List.of());
  }

  public static ScoringPolicy of(ScoringModel... models) {
    return new ScoringPolicy(List.of(models));
  }

  /** The model with this key. */
  public Optional<ScoringModel> model(String key) {
    return models.stream().filter(m -> m.key().equals(key)).findFirst();
  }
}
