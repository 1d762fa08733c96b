package dev.relay.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relay.common.StorageException;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** The schema's life: validate-only refuses a database that is behind, migrate brings it up once. */
class RelaySchemaTest {
  private static JdbcDataSource emptyH2(String name) {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
    return ds;
  }

  @Test
  void validateOnlyRefusesAnEmptyDatabaseAndWritesNothing() {
    JdbcDataSource ds = emptyH2("schema-validate");

    StorageException e = assertThrows(StorageException.class, () -> RelaySchema.on(ds).validate());
    assertTrue(e.getMessage().contains("migrate"), e.getMessage());
    assertThrows(StorageException.class, () -> JdbcStorage.on(ds).schema(JdbcStorage.SchemaMode.VALIDATE).build());
  }

  @Test
  void migrateAppliesEveryMigrationOnceThenValidates() {
    JdbcDataSource ds = emptyH2("schema-migrate");

    assertTrue(RelaySchema.on(ds).migrate() >= 2);
    assertEquals(0, RelaySchema.on(ds).migrate());
    RelaySchema.on(ds).validate();
    JdbcStorage.on(ds).schema(JdbcStorage.SchemaMode.VALIDATE).build();
  }

  @Test
  void theDialectIsDetectedFromTheDatabase() {
    assertEquals("H2", Dialect.of(emptyH2("schema-dialect")).toString());
    assertEquals("PostgreSQL", Dialect.of(TestDatabase.postgres().dataSource()).toString());
    assertEquals("classpath:db/migration/relay/postgresql", RelaySchema.location(Dialect.postgres()));
  }
}
