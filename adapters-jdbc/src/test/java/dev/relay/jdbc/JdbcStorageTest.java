package dev.relay.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.relay.assignment.RoutingState;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The storage builder refuses what cannot work when it is configured, not when it is used. */
class JdbcStorageTest {
  @Test
  void aRoutingRetentionShorterThanTheLongestWindowIsRefused() {
    JdbcStorage.Builder builder = JdbcStorage.on(TestDatabase.h2().dataSource());

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> builder.routingRetention(Duration.ofDays(7)));
    assertEquals(true, e.getMessage().contains(RoutingState.MIN_RETENTION.toString()), e.getMessage());
  }

  @Test
  void optionsAreNullHostile() {
    assertThrows(NullPointerException.class, () -> JdbcStorage.on(null));
    JdbcStorage.Builder builder = JdbcStorage.on(TestDatabase.h2().dataSource());
    assertThrows(NullPointerException.class, () -> builder.dialect(null));
    assertThrows(NullPointerException.class, () -> builder.schema(null));
  }

  @Test
  void theStorageDetectsItsDialectAndSharesOneUnitOfWork() {
    JdbcStorage storage = JdbcStorage.on(TestDatabase.h2().dataSource()).build();

    assertEquals("H2", storage.transactions().dialect().toString());
    storage.transactions().inTransaction(() -> {
      assertEquals(true, storage.transactions().inUnitOfWork());
      return null;
    });
    assertEquals(false, storage.transactions().inUnitOfWork());
  }
}
