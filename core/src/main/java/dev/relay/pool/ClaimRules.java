package dev.relay.pool;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Limits on claiming accounts from a pool. A {@code null} limit means none.
 *
 * @param maxOwned most accounts a rep may own at once
 * @param countWon whether accounts that are already customers count towards {@code maxOwned}
 * @param maxLocked most accounts a rep may lock (locked accounts are never recycled)
 * @param maxClaimsPerDay most claims a rep may make per day (the tenant's days)
 * @param reclaimCooldown how long a rep must wait to reclaim an account recycled from or released by them
 * @param protection how long a fresh claim is protected from recycling
 */
public record ClaimRules(
    @Nullable Integer maxOwned,
    boolean countWon,
    @Nullable Integer maxLocked,
    @Nullable Integer maxClaimsPerDay,
    Duration reclaimCooldown,
    Duration protection) {

  public ClaimRules {
    Objects.requireNonNull(reclaimCooldown, "reclaimCooldown");
    Objects.requireNonNull(protection, "protection");
  }

  /** No limits, no cool-down, no protection. */
  public static ClaimRules unlimited() {
    return new ClaimRules(null, false, null, null, Duration.ZERO, Duration.ZERO);
  }
}
