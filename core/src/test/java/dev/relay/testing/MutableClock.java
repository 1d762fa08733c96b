package dev.relay.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link Clock} that stands still until a test moves it: {@code clock.advance(Duration.ofHours(25))} instead of
 * sleeping. Thread-safe; clocks derived with {@link #withZone} share the same instant.
 */
public final class MutableClock extends Clock {
  private final AtomicReference<Instant> now;
  private final ZoneId zone;

  private MutableClock(AtomicReference<Instant> now, ZoneId zone) {
    this.now = now;
    this.zone = zone;
  }

  /** A clock standing at {@code start}, in UTC. */
  public static MutableClock at(Instant start) {
    return new MutableClock(new AtomicReference<>(Objects.requireNonNull(start, "start")), ZoneOffset.UTC);
  }

  /** A clock standing at an ISO instant such as {@code 2026-03-02T09:00:00Z}. */
  public static MutableClock at(String isoInstant) {
    return at(Instant.parse(isoInstant));
  }

  /** Moves the clock forward (or back, for a negative amount) and returns the new instant. */
  public Instant advance(Duration amount) {
    return now.updateAndGet(t -> t.plus(amount));
  }

  /** Puts the clock at {@code instant}. */
  public void set(Instant instant) {
    now.set(Objects.requireNonNull(instant, "instant"));
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId newZone) {
    return new MutableClock(now, newZone);
  }
}
