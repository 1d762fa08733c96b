package dev.relay.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;

/**
 * The two databases the adapter's tests run on, each started and migrated once per test JVM: H2 in memory and an
 * embedded PostgreSQL (zonky, binaries from Maven Central). {@link #fresh()} empties every Relay table, so each test
 * starts from nothing without paying for a new database.
 */
public final class TestDatabase {
  private static final List<String> TABLES = List.of("relay_outbox", "relay_lead_key", "relay_lead", "relay_task",
      "relay_activity", "relay_account_claim", "relay_account_gram", "relay_account_key", "relay_account",
      "relay_deal", "relay_playbook", "relay_tenant_lock", "relay_routing_cursor", "relay_routing_pointer",
      "relay_routing_open_lead", "relay_routing_assignment", "relay_routing_load", "relay_scoring_model",
      "relay_statement", "relay_statement_deal", "relay_statement_closed", "relay_rep", "relay_team",
      "relay_rep_profile", "relay_revision");

  private static TestDatabase h2;
  private static TestDatabase postgres;

  private final String name;
  private final DataSource dataSource;
  private final Dialect dialect;

  private TestDatabase(String name, DataSource dataSource, Dialect dialect) {
    this.name = name;
    this.dataSource = dataSource;
    this.dialect = dialect;
    RelaySchema.on(dataSource, dialect).migrate();
  }

  /** H2 in memory, kept for the whole JVM. */
  public static synchronized TestDatabase h2() {
    if (h2 == null) {
      org.h2.jdbcx.JdbcDataSource ds = new org.h2.jdbcx.JdbcDataSource();
      ds.setURL("jdbc:h2:mem:relay-test;DB_CLOSE_DELAY=-1");
      h2 = new TestDatabase("H2", ds, Dialect.h2());
    }
    return h2;
  }

  /** One embedded PostgreSQL per test JVM, stopped when the JVM exits. */
  public static synchronized TestDatabase postgres() {
    if (postgres == null) {
      postgres = new TestDatabase("PostgreSQL", pool(EmbeddedPostgresServer.jdbcUrl(), 16), Dialect.postgres());
    }
    return postgres;
  }

  /** The JDBC URL of the shared embedded PostgreSQL (started on first use). */
  public static String postgresUrl() {
    return EmbeddedPostgresServer.jdbcUrl();
  }

  /** A new connection pool on the shared PostgreSQL, as a second engine would have. */
  public static HikariDataSource pool(String jdbcUrl, int size) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    config.setUsername("postgres");
    config.setPassword("postgres");
    config.setMaximumPoolSize(size);
    config.setAutoCommit(true);
    return new HikariDataSource(config);
  }

  public DataSource dataSource() {
    return dataSource;
  }

  public Dialect dialect() {
    return dialect;
  }

  /** Empties every Relay table and returns a unit-of-work runner on the database. */
  public JdbcTransactionRunner fresh() {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      for (String table : TABLES) {
        if (exists(c, table)) {
          s.executeUpdate("DELETE FROM " + table);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return new JdbcTransactionRunner(dataSource, dialect);
  }

  private static boolean exists(Connection c, String table) throws SQLException {
    try (var rs = c.getMetaData().getTables(null, null, table, null)) {
      if (rs.next()) {
        return true;
      }
    }
    try (var rs = c.getMetaData().getTables(null, null, table.toUpperCase(java.util.Locale.ROOT), null)) {
      return rs.next();
    }
  }

  @Override
  public String toString() {
    return name;
  }

  /** The embedded PostgreSQL server of this JVM. */
  static final class EmbeddedPostgresServer {
    private static EmbeddedPostgres server;

    static synchronized String jdbcUrl() {
      if (server == null) {
        try {
          // Tests start from empty tables and fill them fast: statements prepared while a table was empty keep plans
          // that scan it until autovacuum's next ANALYZE, which by default comes up to a minute later.
          server = EmbeddedPostgres.builder().setServerConfig("autovacuum_naptime", "1").start();
        } catch (IOException e) {
          throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
          try {
            server.close();
          } catch (IOException ignored) {
            // The JVM is exiting; the data directory is temporary anyway.
          }
        }));
      }
      return server.getJdbcUrl("postgres", "postgres");
    }

    private EmbeddedPostgresServer() {}
  }
}
