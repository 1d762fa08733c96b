package dev.relay.testing;

import dev.relay.common.ConcurrencyConflictException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Starts writes at the same instant, one thread each, and sorts their outcomes into winners and optimistic-locking
 * losers — what the repository contracts use to show that of writers racing from one read exactly one wins. Any other
 * failure fails the race.
 */
public final class WriteRace {
  private WriteRace() {}

  /**
   * The outcome of a race.
   *
   * @param winners the values of the writes that succeeded
   * @param conflicts how many writes lost with a {@link ConcurrencyConflictException}
   */
  public record Outcome<T>(List<T> winners, int conflicts) {}

  /** Runs every write at once from one starting gate and waits (at most 30 s each) for all of them. */
  public static <T> Outcome<T> run(List<Callable<T>> writes) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(writes.size());
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (Callable<T> write : writes) {
        futures.add(threads.submit(() -> {
          start.await();
          return write.call();
        }));
      }
      start.countDown();
      List<T> winners = new ArrayList<>();
      int conflicts = 0;
      for (Future<T> f : futures) {
        try {
          winners.add(f.get(30, TimeUnit.SECONDS));
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof ConcurrencyConflictException)) {
            throw e;
          }
          conflicts++;
        }
      }
      return new Outcome<>(List.copyOf(winners), conflicts);
    } finally {
      threads.shutdownNow();
    }
  }
}
