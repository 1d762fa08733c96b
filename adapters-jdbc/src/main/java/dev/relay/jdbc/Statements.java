package dev.relay.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The few ways the repositories talk SQL, on the runner's current connection: parameters bound by position, rows mapped
 * by a function. Kept small on purpose; every statement names its tenant column explicitly in the repository.
 */
final class Statements {
  private final JdbcTransactionRunner runner;

  Statements(JdbcTransactionRunner runner) {
    this.runner = runner;
  }

  JdbcTransactionRunner runner() {
    return runner;
  }

  Dialect dialect() {
    return runner.dialect();
  }

  <T> List<T> query(String sql, RowMapper<T> mapper, @Nullable Object... params) {
    return runner.withConnection(c -> query(c, sql, mapper, params));
  }

  static <T> List<T> query(Connection c, String sql, RowMapper<T> mapper, @Nullable Object... params)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, params);
      try (ResultSet rs = ps.executeQuery()) {
        List<T> out = new ArrayList<>();
        while (rs.next()) {
          out.add(mapper.map(rs));
        }
        return out;
      }
    }
  }

  <T> Optional<T> queryOne(String sql, RowMapper<@Nullable T> mapper, @Nullable Object... params) {
    List<T> rows = query(sql, mapper, params);
    return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0));
  }

  int update(String sql, @Nullable Object... params) {
    return runner.withConnection(c -> update(c, sql, params));
  }

  static int update(Connection c, String sql, @Nullable Object... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, params);
      return ps.executeUpdate();
    }
  }

  /** Runs a statement, or several separated by semicolons where the dialect allows, ignoring what they return. */
  static void execute(Connection c, String sql, @Nullable Object... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, params);
      ps.execute();
    }
  }

  /** One statement run once per parameter row, as a JDBC batch. */
  static void batch(Connection c, String sql, List<@Nullable Object[]> rows) throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (@Nullable Object[] row : rows) {
        bind(ps, row);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** Like {@link #batch}, returning each row's update count. */
  static int[] batchCounts(Connection c, String sql, List<@Nullable Object[]> rows) throws SQLException {
    if (rows.isEmpty()) {
      return new int[0];
    }
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (@Nullable Object[] row : rows) {
        bind(ps, row);
        ps.addBatch();
      }
      int[] counts = ps.executeBatch();
      for (int i = 0; i < counts.length; i++) {
        if (counts[i] == java.sql.Statement.SUCCESS_NO_INFO) {
          throw new SQLException("the driver did not report the update count of a batched statement");
        }
      }
      return counts;
    }
  }

  static void bind(PreparedStatement ps, @Nullable Object... params) throws SQLException {
    for (int i = 0; i < params.length; i++) {
      Object p = params[i];
      if (p == null) {
        ps.setNull(i + 1, Types.NULL);
      } else if (p instanceof Instant t) {
        // With time zone, so that no JVM or session zone can shift the instant.
        ps.setObject(i + 1, OffsetDateTime.ofInstant(t, ZoneOffset.UTC));
      } else if (p instanceof String s) {
        ps.setString(i + 1, s);
      } else if (p instanceof Integer n) {
        ps.setInt(i + 1, n);
      } else if (p instanceof Long n) {
        ps.setLong(i + 1, n);
      } else if (p instanceof Boolean b) {
        ps.setBoolean(i + 1, b);
      } else {
        ps.setObject(i + 1, p);
      }
    }
  }

  static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  /** Maps the current row of a result set. */
  @FunctionalInterface
  interface RowMapper<T> {
    T map(ResultSet rs) throws SQLException;
  }
}
