package dev.relay.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A tenant's standard sales process: ordered stages, the stage whose entry counts as won, the reasons a deal may be lost
 * for, and which back-moves are allowed. Skips are allowed only over stages marked {@link StageDefinition#skippable()}.
 *
 * <p>Deals are {@code OPEN} until won or lost. Entering the {@link #wonStage()} marks a deal won; stages after it
 * (payment, after-sales) are post-sale stages a won deal still moves through. Without a won stage, {@code markWon}
 * closes the deal where it stands. Structural rules (unique keys, known won stage, probabilities in range) are checked
 * by the playbook validator, which reports every problem with its path.
 *
 * @param key stable key, e.g. {@code b2b}
 * @param label shown to people
 * @param stages the ordered stages, at least one
 * @param wonStage key of the stage whose entry marks a deal won, or {@code null}
 * @param lostReasons the reasons a deal may be lost for, at least one
 * @param backMoves which moves back are allowed
 */
public record PipelineDefinition(
    String key,
    String label,
    List<StageDefinition> stages,
    @Nullable String wonStage,
    List<LostReason> lostReasons,
    BackMovePolicy backMoves) {

  public PipelineDefinition {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(backMoves, "backMoves");
    stages = List.copyOf(stages);
    lostReasons = List.copyOf(lostReasons);
  }

  /** The index of the stage with this key, or -1. */
  public int indexOf(String stageKey) {
    for (int i = 0; i < stages.size(); i++) {
      if (stages.get(i).key().equals(stageKey)) {
        return i;
      }
    }
    return -1;
  }

  public Optional<StageDefinition> stage(String stageKey) {
    int i = indexOf(stageKey);
    return i < 0 ? Optional.empty() : Optional.of(stages.get(i));
  }

  public StageDefinition firstStage() {
    return stages.get(0);
  }

  public Optional<LostReason> lostReason(String reasonKey) {
    return lostReasons.stream().filter(r -> r.key().equals(reasonKey)).findFirst();
  }

  public static Builder builder(String key, String label) {
    return new Builder(key, label);
  }

  /** Builder for {@link PipelineDefinition}; validation happens when the playbook is built. */
  public static final class Builder {
    private final String key;
    private final String label;
    private final List<StageDefinition> stages = new ArrayList<>();
    private final List<LostReason> lostReasons = new ArrayList<>();
    private @Nullable String wonStage;
    private BackMovePolicy backMoves = BackMovePolicy.PREVIOUS;

    private Builder(String key, String label) {
      this.key = key;
      this.label = label;
    }

    public Builder stage(StageDefinition stage) {
      stages.add(stage);
      return this;
    }

    public Builder stage(StageDefinition.Builder stage) {
      return stage(stage.build());
    }

    public Builder wonStage(String stageKey) {
      this.wonStage = stageKey;
      return this;
    }

    public Builder lostReason(String reasonKey, String reasonLabel) {
      lostReasons.add(LostReason.of(reasonKey, reasonLabel));
      return this;
    }

    public Builder lostReason(LostReason reason) {
      lostReasons.add(reason);
      return this;
    }

    public Builder backMoves(BackMovePolicy policy) {
      this.backMoves = Objects.requireNonNull(policy, "policy");
      return this;
    }

    public PipelineDefinition build() {
      return new PipelineDefinition(key, label, stages, wonStage, lostReasons, backMoves);
    }
  }
}
