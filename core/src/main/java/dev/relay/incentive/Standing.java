package dev.relay.incentive;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One place on a leaderboard.
 *
 * @param rank 1-based; equal values share a rank and the next rank skips (1, 2, 2, 4)
 * @param key who or what: a rep's or a team's id value
 * @param value the ranked value
 * @param share the value's share of the board's total (0 when the total is 0), for contribution boards
 */
public record Standing(int rank, String key, BigDecimal value, BigDecimal share) {
  public Standing {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(share, "share");
  }
}
