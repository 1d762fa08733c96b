package dev.relay.common;

import java.util.function.Supplier;

/**
 * Re-runs a whole unit of work (re-read, re-decide, write) when it lost an optimistic-locking race, a bounded number of
 * times. Only for commands whose meaning does not depend on the state they were issued against: "set these fields" or
 * "move to stage X" can be re-decided on fresh state, "advance one stage" cannot (it would advance twice).
 */
public final class ConflictRetry {
  private final int maxAttempts;

  /** @throws IllegalArgumentException if {@code maxAttempts} is below 1 */
  public ConflictRetry(int maxAttempts) {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("at least one attempt: " + maxAttempts);
    }
    this.maxAttempts = maxAttempts;
  }

  /** @throws ConcurrencyConflictException from the last attempt if every attempt lost its race */
  public <T> T run(Supplier<T> attempt) {
    for (int i = 1; ; i++) {
      try {
        return attempt.get();
      } catch (ConcurrencyConflictException e) {
        if (i >= maxAttempts) {
          throw e;
        }
      }
    }
  }
}
