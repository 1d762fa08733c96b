package dev.relay.scoring;

import dev.relay.common.EventPublisher;
import dev.relay.common.NotFoundException;
import dev.relay.common.TenantId;
import dev.relay.playbook.Playbook;
import dev.relay.playbook.PlaybookRepository;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * The scoring use cases over the tenant's current playbook: collect history for a model's predictive part, train it
 * and store it as the next version, get a {@link Scoring} for the current playbook and the latest trained model, and
 * re-score a batch (publishing grade changes). Thread-safe; it keeps nothing between calls, so hosts that score often
 * hold on to the {@link Scoring} they get (it is immutable) and ask again after a playbook change or a retraining.
 */
public final class ScoringService {
  private final PlaybookRepository playbooks;
  private final ScoringModelRepository models;
  private final EventPublisher events;
  private final Clock clock;

  public ScoringService(PlaybookRepository playbooks, ScoringModelRepository models, EventPublisher events,
      Clock clock) {
    this.playbooks = Objects.requireNonNull(playbooks, "playbooks");
    this.models = Objects.requireNonNull(models, "models");
    this.events = Objects.requireNonNull(events, "events");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * An empty history for the model's predictive part: add the tenant's closed records, then {@link #train}.
   *
   * @throws NotFoundException if the tenant has no playbook or its playbook no such model
   * @throws IllegalArgumentException if the model has no predictive part
   */
  public TrainingSet.Builder history(TenantId tenant, String modelKey) {
    return TrainingSet.builder(predictive(model(tenant, modelKey)).features());
  }

  /**
   * Trains the model's predictive part on {@code history} and saves it as the model's next version.
   *
   * @throws NotFoundException if the tenant has no playbook or its playbook no such model
   * @throws IllegalArgumentException if the model has no predictive part, or the history was built for other features
   */
  public StoredModel train(TenantId tenant, String modelKey, TrainingSet history) {
    ScoringModel model = model(tenant, modelKey);
    return models.save(tenant, modelKey, ModelTraining.train(predictive(model), history, clock));
  }

  /**
   * Scoring under the current playbook's model and, for a model with a predictive part, its latest trained version.
   *
   * @throws NotFoundException if the tenant has no playbook, its playbook no such model, or the model's predictive
   *     part was never trained
   * @throws IllegalArgumentException if the latest trained model was trained for other features than the playbook's
   *     model now names (retrain after changing them)
   */
  public Scoring scoring(TenantId tenant, String modelKey) {
    Playbook playbook = playbook(tenant);
    ScoringModel model = playbook.scoring().model(modelKey)
        .orElseThrow(() -> new NotFoundException("scoring model", modelKey));
    PredictiveModel trained = null;
    if (model.predictive() != null) {
      trained = models.latest(tenant, modelKey).orElseThrow(() -> new NotFoundException("trained model", modelKey))
          .model();
      if (!trained.spec().features().equals(model.predictive().features())) {
        throw new IllegalArgumentException("the latest model of '" + modelKey + "' was trained on "
            + trained.spec().features() + ", the playbook now names " + model.predictive().features());
      }
    }
    return Scoring.of(model, playbook.schema(model.subject()), trained, clock);
  }

  /**
   * Re-scores a batch under {@link #scoring} and publishes a grade change for each record whose grade changed.
   *
   * @throws NotFoundException as {@link #scoring} does
   */
  public Scoring.RescoreReport rescore(TenantId tenant, String modelKey, List<ScoringRequest> batch) {
    return scoring(tenant, modelKey).rescore(batch, events);
  }

  private Playbook playbook(TenantId tenant) {
    return playbooks.current(Objects.requireNonNull(tenant, "tenant"))
        .orElseThrow(() -> new NotFoundException("playbook", tenant)).playbook();
  }

  private ScoringModel model(TenantId tenant, String modelKey) {
    return playbook(tenant).scoring().model(Objects.requireNonNull(modelKey, "modelKey"))
        .orElseThrow(() -> new NotFoundException("scoring model", modelKey));
  }

  private static PredictiveSpec predictive(ScoringModel model) {
    if (model.predictive() == null) {
      throw new IllegalArgumentException("scoring model '" + model.key() + "' has no predictive part to train");
    }
    return model.predictive();
  }
}
