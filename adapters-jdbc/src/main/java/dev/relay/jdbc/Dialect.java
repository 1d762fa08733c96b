package dev.relay.jdbc;

import dev.relay.common.StorageException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * What differs between databases, and nothing else: the defaults are ANSI SQL and each database overrides only what it
 * does differently (in the manner of JobRunr's {@code Dialect}). Statements are written once in the repositories with
 * these few hooks. {@link #h2()} and {@link #postgres()} are the supported dialects; {@link #of(DataSource)} picks one
 * from the connection's metadata.
 */
public interface Dialect {

  /** The folder under {@code db/migration/relay/} holding this dialect's migrations, e.g. {@code postgresql}. */
  String migrationFolder();

  /** Appended to a {@code SELECT} to lock the rows read until the transaction ends. */
  default String forUpdate() {
    return " FOR UPDATE";
  }

  /**
   * Appended to a {@code SELECT} that scans for work: locks the rows read and skips rows other transactions hold, so
   * that several relays drain one queue without waiting on each other. The ANSI default only locks (and so waits).
   */
  default String forUpdateSkipLocked() {
    return forUpdate();
  }

  /** An expression drawing the next value of {@code sequence}; drawn values are never handed out again. */
  default String nextValue(String sequence) {
    return "NEXT VALUE FOR " + sequence;
  }

  /** Appended to a {@code SELECT … ORDER BY} to read at most {@code n} rows. */
  default String limit(int n) {
    return " FETCH FIRST " + n + " ROWS ONLY";
  }

  /**
   * An {@code INSERT} that does nothing (and updates no row) when the primary key exists, or {@code null} if the
   * database has no such statement; the caller then inserts and treats a unique-key violation as "existed". On
   * PostgreSQL a failed statement aborts the whole transaction, so there it must not fail.
   */
  default String insertIgnoringDuplicate(String table, String columns, String placeholders) {
    return "INSERT INTO " + table + " (" + columns + ") VALUES (" + placeholders + ")";
  }

  /** Whether {@link #insertIgnoringDuplicate} reports a duplicate by updating no row rather than by failing. */
  default boolean insertIgnoresDuplicates() {
    return false;
  }

  /**
   * Whether one prepared statement may hold several statements separated by semicolons, sent in one round trip (and
   * whether {@code INSERT … ON CONFLICT} and data-modifying {@code WITH} are available to them).
   */
  default boolean sendsStatementsTogether() {
    return false;
  }

  /** Whether a failure is a unique or primary key violation (SQLSTATE class 23, code 23505). */
  default boolean isDuplicateKey(SQLException e) {
    for (SQLException x = e; x != null; x = x.getNextException()) {
      if ("23505".equals(x.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  /** The embedded default: H2 2.x, file or memory. */
  static Dialect h2() {
    return new H2Dialect();
  }

  /** PostgreSQL 14 and later. */
  static Dialect postgres() {
    return new PostgresDialect();
  }

  /**
   * The dialect of the database behind {@code dataSource}, from its product name.
   *
   * @throws IllegalArgumentException if the database is not supported
   * @throws StorageException if no connection can be had
   */
  static Dialect of(DataSource dataSource) {
    try (Connection c = dataSource.getConnection()) {
      DatabaseMetaData meta = c.getMetaData();
      String product = meta.getDatabaseProductName().toLowerCase(Locale.ROOT);
      if (product.contains("h2")) {
        return h2();
      }
      if (product.contains("postgres")) {
        return postgres();
      }
      throw new IllegalArgumentException("Relay has no dialect for " + meta.getDatabaseProductName()
          + "; supported: H2, PostgreSQL");
    } catch (SQLException e) {
      throw new StorageException("cannot open a connection to detect the database", e);
    }
  }
}
