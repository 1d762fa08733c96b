package dev.relay.pool;

import dev.relay.common.RepId;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One entry of an account's ownership history. Entries chain: each one's {@link #from()} is the previous one's {@link
 * #to()}, and kinds that do not change the owner ({@link OwnershipChangeKind#changesOwner()}) have {@code from ==
 * to}.
 *
 * @param kind what happened
 * @param from the owner before, or {@code null} for the public pool (and for the creation)
 * @param to the owner after, or {@code null} for the public pool
 * @param actor who did it, or {@code null} when Relay itself acted (a recycle)
 * @param at when it was recorded
 * @param note the release reason, the handover note, the recycle rule, what a merge added, the registration window;
 *     {@code null} if none
 * @param playbookVersion the playbook version that decided it
 * @throws IllegalArgumentException if a kind that keeps the owner names two different owners, or the version is < 1
 */
public record OwnershipChange(
    OwnershipChangeKind kind,
    @Nullable RepId from,
    @Nullable RepId to,
    @Nullable RepId actor,
    Instant at,
    @Nullable String note,
    int playbookVersion) {

  public OwnershipChange {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(at, "at");
    if (!kind.changesOwner() && !Objects.equals(from, to)) {
      throw new IllegalArgumentException(kind + " keeps the owner, but the entry goes from " + from + " to " + to);
    }
    if (playbookVersion < 1) {
      throw new IllegalArgumentException("playbook versions start at 1, got " + playbookVersion);
    }
  }
}
