package dev.relay.scoring;

import dev.relay.common.TenantId;
import java.util.List;
import java.util.Optional;

/**
 * Port storing trained {@link PredictiveModel}s, versioned per tenant and scoring-model key, append-only: retraining
 * saves a new version and older versions stay readable (to explain yesterday's scores). Adapters store the text of
 * {@link PredictiveModelJson#write} and rebuild models with {@link PredictiveModelJson#read}. {@link
 * InMemoryScoringModelRepository} is the reference implementation; {@code ScoringModelRepositoryContract} in the core
 * test-jar certifies others.
 */
public interface ScoringModelRepository {

  /**
   * Saves the model as the next version under the key (1 when there is none yet). Concurrent saves under one key get
   * distinct versions.
   *
   * @throws dev.relay.common.StorageException if the store fails
   */
  StoredModel save(TenantId tenant, String key, PredictiveModel model);

  /** The newest version under the key, or empty. */
  Optional<StoredModel> latest(TenantId tenant, String key);

  /** One version under the key, or empty. */
  Optional<StoredModel> find(TenantId tenant, String key, int version);

  /** The keys the tenant has models under, sorted. */
  List<String> keys(TenantId tenant);
}
