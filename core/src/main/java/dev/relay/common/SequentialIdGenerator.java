package dev.relay.common;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Deterministic {@link IdGenerator}: {@code D-1}, {@code D-2}, … across all prefixes of one instance. Thread-safe.
 * Suited to tests and single-process embedding; use a UUID- or database-backed generator when several processes mint ids.
 */
public final class SequentialIdGenerator implements IdGenerator {
  private final AtomicLong counter = new AtomicLong();

  @Override
  public String next(String prefix) {
    return prefix + "-" + counter.incrementAndGet();
  }
}
