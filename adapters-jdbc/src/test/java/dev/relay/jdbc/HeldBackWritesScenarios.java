package dev.relay.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.relay.common.StorageException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Writes the runner holds back (on PostgreSQL) to travel with a later statement or the commit: every later repository
 * call of the unit of work sees them, they commit and roll back with it, and one that fails fails the commit. On H2
 * they are written at once, and the same scenarios hold.
 */
abstract class HeldBackWritesScenarios {
  private static final String INSERT = "INSERT INTO relay_tenant_lock (tenant_id, purpose) VALUES (?, ?)";

  JdbcTransactionRunner runner;

  abstract TestDatabase database();

  @BeforeEach
  void emptyDatabase() {
    runner = database().fresh();
  }

  private List<String> purposes() {
    return runner.withConnection(c -> Statements.query(c, "SELECT purpose FROM relay_tenant_lock WHERE tenant_id = ?"
        + " ORDER BY purpose", rs -> rs.getString(1), "held"));
  }

  private void holdBack(String purpose) {
    runner.withConnection(c -> {
      runner.writeBeforeNextStatement(c, INSERT, List.of("held", purpose));
      return null;
    });
  }

  @Test
  void aLaterCallOfTheUnitOfWorkSeesAHeldBackWrite() {
    List<String> seen = runner.inTransaction(() -> {
      holdBack("a");
      return purposes();
    });

    assertEquals(List.of("a"), seen);
    assertEquals(List.of("a"), purposes());
  }

  @Test
  void heldBackWritesCommitWithTheUnitOfWorkAndRollBackWithIt() {
    runner.inTransaction(() -> {
      holdBack("a");
      holdBack("b");
      return null;
    });
    assertThrows(IllegalStateException.class, () -> runner.inTransaction(() -> {
      holdBack("c");
      throw new IllegalStateException("the host's own write failed");
    }));

    assertEquals(List.of("a", "b"), purposes());
  }

  @Test
  void aHeldBackWriteThatFailsFailsTheCommitAndNothingCommits() {
    runner.inTransaction(() -> {
      holdBack("a");
      return null;
    });

    assertThrows(StorageException.class, () -> runner.inTransaction(() -> {
      holdBack("b");
      holdBack("a");
      return null;
    }));

    assertEquals(List.of("a"), purposes());
  }

  @Test
  void manyHeldBackWritesAllArriveInOrder() {
    List<String> expected = new ArrayList<>();
    runner.inTransaction(() -> {
      for (int i = 0; i < 40; i++) {
        String purpose = String.format("p%02d", i);
        expected.add(purpose);
        holdBack(purpose);
      }
      return null;
    });

    assertEquals(expected, purposes());
  }
}
