package dev.relay.pool;

import dev.relay.common.RepId;
import java.time.Instant;
import java.util.Objects;

/**
 * A deal registration (报备): a rep's claim to be pursuing a customer, which protects it from other reps' claims for the
 * playbook's {@code registration_protection}. It expires by itself: nothing has to run for it to stop protecting.
 *
 * @param rep who registered
 * @param registeredAt when the rep registered it (as reported, e.g. by a phone that synced late)
 * @param expiresAt when the protection ends
 * @throws IllegalArgumentException if it expires before it starts
 */
public record Registration(RepId rep, Instant registeredAt, Instant expiresAt) {
  public Registration {
    Objects.requireNonNull(rep, "rep");
    Objects.requireNonNull(registeredAt, "registeredAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    if (expiresAt.isBefore(registeredAt)) {
      throw new IllegalArgumentException("a registration cannot expire (" + expiresAt + ") before it starts ("
          + registeredAt + ")");
    }
  }

  /** Whether it still protects the customer at {@code now}. */
  public boolean isActiveAt(Instant now) {
    return now.isBefore(expiresAt);
  }
}
