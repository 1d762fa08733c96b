package dev.relay.scoring;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a model was trained on.
 *
 * @param rows the closed records
 * @param won how many of them were won
 * @param from the earliest close, or {@code null} for an empty history
 * @param to the latest close, or {@code null} for an empty history
 * @param trainedAt when training ran (from the injected clock)
 * @param teamRows the rows of each team that has its own model
 */
public record TrainingSummary(int rows, int won, @Nullable Instant from, @Nullable Instant to, Instant trainedAt,
    Map<String, Integer> teamRows) {
  public TrainingSummary {
    Objects.requireNonNull(trainedAt, "trainedAt");
    teamRows = Map.copyOf(teamRows);
  }

  public int lost() {
    return rows - won;
  }
}
