package dev.relay.scoring;

import dev.relay.common.TenantId;
import java.util.Objects;

/**
 * A predictive model as a {@link ScoringModelRepository} holds it: one version of the model trained for a tenant's
 * scoring model.
 *
 * @param key the scoring model's key, e.g. {@code lead_score}
 * @param version 1 for the first model saved under the key, then 2, 3, …
 * @throws IllegalArgumentException if the version is below 1
 */
public record StoredModel(TenantId tenant, String key, int version, PredictiveModel model) {
  public StoredModel {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(model, "model");
    if (version < 1) {
      throw new IllegalArgumentException("versions start at 1, got " + version);
    }
  }
}
