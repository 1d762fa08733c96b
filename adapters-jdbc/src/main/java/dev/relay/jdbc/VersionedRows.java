package dev.relay.jdbc;

import dev.relay.common.ConcurrencyConflictException;
import dev.relay.common.NotFoundException;
import dev.relay.common.TenantScopedId;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Optimistic writes of one aggregate table whose key is {@code (tenant_id, id)} and whose {@code version} column guards
 * every update: an insert of an existing id and an update from a stale version both raise {@link
 * ConcurrencyConflictException} and write nothing; an update of a missing row raises {@link NotFoundException}. The
 * table's other columns are named once here and given per write.
 */
final class VersionedRows {
  private final Statements sql;
  private final String table;
  private final String what;
  private final List<String> columns;
  private final String insert;
  private final String update;

  /**
   * @param columns the columns besides {@code tenant_id, id, version}, in the order values are given
   */
  VersionedRows(Statements sql, String table, String what, List<String> columns) {
    this.sql = sql;
    this.table = table;
    this.what = what;
    this.columns = List.copyOf(columns);
    List<String> all = new ArrayList<>(List.of("tenant_id", "id", "version"));
    all.addAll(columns);
    this.insert = sql.dialect().insertIgnoringDuplicate(table, String.join(", ", all),
        String.join(", ", Collections.nCopies(all.size(), "?")));
    StringBuilder set = new StringBuilder("version = ?");
    for (String c : columns) {
      set.append(", ").append(c).append(" = ?");
    }
    this.update = "UPDATE " + table + " SET " + set + " WHERE tenant_id = ? AND id = ? AND version = ?";
  }

  List<String> columns() {
    return columns;
  }

  /** Inserts a row at version 1, then runs {@code andThen} in the same transaction. */
  void insert(TenantScopedId id, long version, @Nullable Object[] values, AfterWrite andThen) {
    sql.runner().withConnection(c -> {
      Object[] params = new Object[3 + values.length];
      params[0] = id.tenant().value();
      params[1] = id.value();
      params[2] = version;
      System.arraycopy(values, 0, params, 3, values.length);
      boolean inserted;
      if (sql.dialect().insertIgnoresDuplicates()) {
        inserted = Statements.update(c, insert, params) == 1;
      } else {
        try {
          inserted = Statements.update(c, insert, params) == 1;
        } catch (SQLException e) {
          if (!sql.dialect().isDuplicateKey(e)) {
            throw e;
          }
          inserted = false;
        }
      }
      if (!inserted) {
        throw new ConcurrencyConflictException(id, 0, storedVersion(c, id).orElse(0L));
      }
      andThen.run(c);
      return null;
    });
  }

  /**
   * Inserts a row at version 1 with its index rows, like {@link #insert} with an {@code andThen} writing them; where
   * the dialect allows, row and index rows go in one round trip, the index rows written only if the row was.
   *
   * @param indexTable the index table, whose columns are {@code indexColumns}
   * @param indexRows the index rows' values, in the order of {@code indexColumns}, all strings
   */
  void insertIndexed(TenantScopedId id, long version, @Nullable Object[] values, String indexTable,
      String indexColumns, List<Object[]> indexRows) {
    if (!sql.dialect().sendsStatementsTogether() || indexRows.isEmpty()) {
      insert(id, version, values, c -> Statements.batch(c, "INSERT INTO " + indexTable + " (" + indexColumns
          + ") VALUES (" + String.join(", ", Collections.nCopies(indexColumns.split(",").length, "?")) + ")",
          new ArrayList<>(indexRows)));
      return;
    }
    sql.runner().withConnectionTakingHeldBack(c -> {
      List<@Nullable Object> params = new ArrayList<>();
      params.add(id.tenant().value());
      params.add(id.value());
      params.add(version);
      params.addAll(java.util.Arrays.asList(values));
      StringBuilder rows = new StringBuilder();
      for (Object[] r : indexRows) {
        rows.append(rows.length() == 0 ? "(" : ", (")
            .append(String.join(", ", Collections.nCopies(r.length, "?"))).append(')');
        params.addAll(java.util.Arrays.asList(r));
      }
      // A data-modifying WITH: the index rows are inserted only if the row was (ON CONFLICT DO NOTHING returns no
      // row for an existing id), and the query answers whether it was.
      String text = "WITH written AS (" + insert + " RETURNING 1), indexed AS (INSERT INTO " + indexTable + " ("
          + indexColumns + ") SELECT * FROM (VALUES " + rows + ") AS v WHERE EXISTS (SELECT 1 FROM written))"
          + " SELECT COUNT(*) FROM written";
      // Writes the unit of work held back (a routing decision's) travel in the same round trip, ahead of the insert.
      String all = sql.runner().withHeldBack(c, text, params);
      boolean inserted;
      try (java.sql.PreparedStatement ps = c.prepareStatement(all)) {
        Statements.bind(ps, params.toArray());
        boolean answered = ps.execute();
        while (!answered) {
          if (ps.getUpdateCount() == -1) {
            throw new SQLException("the insert into " + table + " returned no row");
          }
          answered = ps.getMoreResults();
        }
        try (java.sql.ResultSet rs = ps.getResultSet()) {
          inserted = rs.next() && rs.getInt(1) == 1;
        }
      }
      if (!inserted) {
        throw new ConcurrencyConflictException(id, 0, storedVersion(c, id).orElse(0L));
      }
      return null;
    });
  }

  /** Moves a row from {@code expectedVersion} to {@code newVersion}, then runs {@code andThen} in the same transaction. */
  void update(TenantScopedId id, long expectedVersion, long newVersion, @Nullable Object[] values,
      AfterWrite andThen) {
    sql.runner().withConnection(c -> {
      Object[] params = new Object[values.length + 4];
      params[0] = newVersion;
      System.arraycopy(values, 0, params, 1, values.length);
      params[values.length + 1] = id.tenant().value();
      params[values.length + 2] = id.value();
      params[values.length + 3] = expectedVersion;
      if (Statements.update(c, update, params) != 1) {
        Optional<Long> stored = storedVersion(c, id);
        if (stored.isEmpty()) {
          throw new NotFoundException(what, id);
        }
        throw new ConcurrencyConflictException(id, expectedVersion, stored.get());
      }
      andThen.run(c);
      return null;
    });
  }

  private Optional<Long> storedVersion(Connection c, TenantScopedId id) throws SQLException {
    List<Long> v = Statements.query(c, "SELECT version FROM " + table + " WHERE tenant_id = ? AND id = ?",
        rs -> rs.getLong(1), id.tenant().value(), id.value());
    return v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
  }

  /** Writes that go with the row's (index rows, outbox) in the same transaction. */
  @FunctionalInterface
  interface AfterWrite {
    AfterWrite NOTHING = c -> { };

    void run(Connection c) throws SQLException;
  }
}
