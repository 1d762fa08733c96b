package dev.relay.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relay.common.RepId;
import dev.relay.common.TenantId;
import dev.relay.incentive.ClosedPeriodException;
import dev.relay.incentive.CommissionStatement;
import dev.relay.incentive.JdbcStatementSamples;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Closing a period (结算关账) while statements of it are being saved, on PostgreSQL with two transactions at once: the
 * tenant's {@code statement} row lock orders them, so no statement changes once its period has been seen closed. Each
 * scenario lets the second transaction reach the database while the first is still open.
 * PostgreSQL only: H2's default lock timeout of one second would turn a wait on a loaded machine into a failure.
 */
class ClosingAPeriodPostgresTest {
  static final TenantId ACME = TenantId.of("acme");
  static final RepId LI = RepId.of(ACME, "li");

  JdbcTransactionRunner runner;
  JdbcStatementRepository statements;
  ExecutorService threads;

  @BeforeEach
  void emptyDatabase() {
    runner = TestDatabase.postgres().fresh();
    statements = new JdbcStatementRepository(runner);
    threads = Executors.newFixedThreadPool(2);
  }

  @AfterEach
  void stopThreads() {
    threads.shutdownNow();
  }

  @Test
  void aSaveArrivingWhileThePeriodIsBeingClosedIsRefusedOnceTheCloseCommits() throws Exception {
    CountDownLatch closedUncommitted = new CountDownLatch(1);
    CountDownLatch commit = new CountDownLatch(1);
    Future<?> closing = threads.submit(() -> runner.inTransaction(() -> {
      statements.close(ACME, JdbcStatementSamples.MARCH);
      closedUncommitted.countDown();
      await(commit);
      return null;
    }));
    await(closedUncommitted);

    // Without the lock this save would see the period open (the close is not committed) and write into it.
    Future<?> saving = threads.submit(() -> statements.save(JdbcStatementSamples.march(LI, "50.00", "D-1")));
    waitUntilDoneOrWaitingOnALock(saving);
    assertFalse(saving.isDone(), "the save waits for the close to commit");
    commit.countDown();
    closing.get(30, TimeUnit.SECONDS);

    ExecutionException refused = assertThrows(ExecutionException.class, () -> saving.get(30, TimeUnit.SECONDS));
    assertInstanceOf(ClosedPeriodException.class, refused.getCause());
    assertEquals(Optional.empty(), statements.find(LI, JdbcStatementSamples.MARCH));
  }

  @Test
  void aCloseArrivingWhileAStatementIsBeingSavedFreezesWhatWasSaved() throws Exception {
    CommissionStatement paid = JdbcStatementSamples.march(LI, "50.00", "D-1");
    CountDownLatch savedUncommitted = new CountDownLatch(1);
    CountDownLatch commit = new CountDownLatch(1);
    Future<?> saving = threads.submit(() -> runner.inTransaction(() -> {
      statements.save(paid);
      savedUncommitted.countDown();
      await(commit);
      return null;
    }));
    await(savedUncommitted);

    Future<?> closing = threads.submit(() -> statements.close(ACME, JdbcStatementSamples.MARCH));
    waitUntilDoneOrWaitingOnALock(closing);
    assertFalse(closing.isDone(), "the close waits for the save to commit");
    commit.countDown();
    saving.get(30, TimeUnit.SECONDS);
    closing.get(30, TimeUnit.SECONDS);

    assertTrue(statements.isClosed(ACME, JdbcStatementSamples.MARCH));
    assertEquals(Optional.of(paid), statements.find(LI, JdbcStatementSamples.MARCH));
    assertThrows(ClosedPeriodException.class,
        () -> statements.save(JdbcStatementSamples.march(LI, "99.00", "D-1")));
  }

  /**
   * Returns once {@code work} has finished or a session of the database waits on a lock (the server's own view, so no
   * guessing with sleeps): only then is the other transaction known to have raced the open one.
   */
  private static void waitUntilDoneOrWaitingOnALock(Future<?> work) throws SQLException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    try (Connection c = TestDatabase.postgres().dataSource().getConnection();
        PreparedStatement waiting = c.prepareStatement("SELECT COUNT(*) FROM pg_stat_activity"
            + " WHERE datname = current_database() AND wait_event_type = 'Lock'")) {
      while (!work.isDone()) {
        try (ResultSet rs = waiting.executeQuery()) {
          rs.next();
          if (rs.getLong(1) > 0) {
            return;
          }
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("the racing transaction neither finished nor waited");
        }
      }
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the other transaction never got there");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
