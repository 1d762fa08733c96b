package dev.relay.jdbc;

import dev.relay.common.StorageException;
import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.ValidateResult;

/**
 * Relay's tables, as versioned SQL migrations per dialect under {@code db/migration/relay/{h2,postgresql}} on the
 * classpath, applied with Flyway into a history table of their own ({@value #HISTORY_TABLE}) so that they live beside
 * the host's own migrations. A host that runs its own Flyway can point it at {@link #location(Dialect)} instead.
 *
 * <pre>{@code
 * RelaySchema.on(dataSource).migrate();        // create or upgrade
 * RelaySchema.on(dataSource).validate();       // production start-up: refuse a database that is behind
 * }</pre>
 */
public final class RelaySchema {
  /** Flyway's history table for Relay's migrations. */
  public static final String HISTORY_TABLE = "relay_schema_history";

  private final DataSource dataSource;
  private final Dialect dialect;

  private RelaySchema(DataSource dataSource, Dialect dialect) {
    this.dataSource = dataSource;
    this.dialect = dialect;
  }

  /** The schema on {@code dataSource}, whose dialect is detected from the database. */
  public static RelaySchema on(DataSource dataSource) {
    return on(dataSource, Dialect.of(Objects.requireNonNull(dataSource, "dataSource")));
  }

  public static RelaySchema on(DataSource dataSource, Dialect dialect) {
    return new RelaySchema(Objects.requireNonNull(dataSource, "dataSource"), Objects.requireNonNull(dialect, "dialect"));
  }

  /** The Flyway location of a dialect's migrations, e.g. {@code classpath:db/migration/relay/postgresql}. */
  public static String location(Dialect dialect) {
    return "classpath:db/migration/relay/" + dialect.migrationFolder();
  }

  /**
   * Applies every pending migration.
   *
   * @return how many migrations ran (0 for an up-to-date database)
   * @throws StorageException if a migration fails
   */
  public int migrate() {
    try {
      return flyway().migrate().migrationsExecuted;
    } catch (FlywayException e) {
      throw new StorageException("Relay schema migration failed: " + e.getMessage(), e);
    }
  }

  /**
   * Checks, without changing anything, that the database has exactly the migrations this version of Relay ships.
   *
   * @throws StorageException if a migration is pending, missing or changed since it was applied
   */
  public void validate() {
    ValidateResult result;
    try {
      result = flyway().validateWithResult();
    } catch (FlywayException e) {
      throw new StorageException("Relay schema validation failed: " + e.getMessage(), e);
    }
    if (!result.validationSuccessful) {
      StringBuilder why = new StringBuilder("Relay schema is not up to date (run RelaySchema.migrate()):");
      result.invalidMigrations.forEach(m -> why.append(' ').append(m.version).append(' ')
          .append(m.errorDetails == null ? "" : m.errorDetails.errorMessage).append(';'));
      throw new StorageException(why.toString(), new IllegalStateException(result.getAllErrorMessages()));
    }
  }

  private Flyway flyway() {
    return Flyway.configure(RelaySchema.class.getClassLoader())
        .dataSource(dataSource)
        .locations(location(dialect))
        .table(HISTORY_TABLE)
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .load();
  }
}
