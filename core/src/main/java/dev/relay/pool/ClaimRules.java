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

  /** A builder starting from {@link #unlimited()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link ClaimRules}; the playbook validates them with paths when it is built. */
  public static final class Builder {
    private @Nullable Integer maxOwned;
    private boolean countWon;
    private @Nullable Integer maxLocked;
    private @Nullable Integer maxClaimsPerDay;
    private Duration reclaimCooldown = Duration.ZERO;
    private Duration protection = Duration.ZERO;

    private Builder() {}

    public Builder maxOwned(int value) {
      this.maxOwned = value;
      return this;
    }

    public Builder countWon(boolean value) {
      this.countWon = value;
      return this;
    }

    public Builder maxLocked(int value) {
      this.maxLocked = value;
      return this;
    }

    public Builder maxClaimsPerDay(int value) {
      this.maxClaimsPerDay = value;
      return this;
    }

    public Builder reclaimCooldown(Duration value) {
      this.reclaimCooldown = Objects.requireNonNull(value, "reclaimCooldown");
      return this;
    }

    public Builder protection(Duration value) {
      this.protection = Objects.requireNonNull(value, "protection");
      return this;
    }

    public ClaimRules build() {
      return new ClaimRules(maxOwned, countWon, maxLocked, maxClaimsPerDay, reclaimCooldown, protection);
    }
  }
}
