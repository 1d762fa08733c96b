package dev.relay.jdbc;

import dev.relay.common.StorageException;
import dev.relay.common.TransactionRunner;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * A JDBC unit of work on the host's {@link DataSource}: {@link #inTransaction} takes one connection, turns auto-commit
 * off, binds it to the calling thread for every JDBC repository sharing this runner, and commits when the work returns
 * or rolls back when it throws (the exception propagates unchanged). A nested call joins the outer transaction rather
 * than opening a second one, so that a service calling another service commits once. A repository call made outside
 * any unit of work runs in a short transaction of its own.
 *
 * <p>Thread-confined: a unit of work belongs to the thread that started it. Connection failures and SQL errors that
 * are not part of a port's contract surface as {@link StorageException}.
 */
public final class JdbcTransactionRunner implements TransactionRunner {
  /** How many held-back writes may travel with another statement; more go as batches first (one message stays small). */
  private static final int MAX_TOGETHER = 16;

  private final DataSource dataSource;
  private final Dialect dialect;
  private final ThreadLocal<Connection> bound = new ThreadLocal<>();
  /** Whether the bound transaction is a unit of work opened by {@link #inTransaction}, not a single call's own. */
  private final ThreadLocal<Boolean> unitOfWork = ThreadLocal.withInitial(() -> false);
  /** Values remembered for the rest of the bound transaction (see {@link #remembered}). */
  private final ThreadLocal<java.util.Map<Object, Object>> memo = new ThreadLocal<>();
  /** Writes held back to travel with a later statement or the commit (see {@link #writeBeforeNextStatement}). */
  private final ThreadLocal<java.util.List<Deferred>> deferred = new ThreadLocal<>();
  /** What to undo in memory (caches) if the bound transaction rolls back. */
  private final ThreadLocal<java.util.List<Runnable>> onRollback = new ThreadLocal<>();

  /** A runner on {@code dataSource}, whose dialect is detected from the database. */
  public JdbcTransactionRunner(DataSource dataSource) {
    this(dataSource, Dialect.of(dataSource));
  }

  public JdbcTransactionRunner(DataSource dataSource, Dialect dialect) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.dialect = Objects.requireNonNull(dialect, "dialect");
  }

  public Dialect dialect() {
    return dialect;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    Objects.requireNonNull(work, "work");
    if (bound.get() != null) {
      return work.get();
    }
    unitOfWork.set(true);
    try {
      return inNewTransaction(c -> work.get());
    } finally {
      unitOfWork.remove();
    }
  }

  /** Whether the calling thread is inside a unit of work that {@link #inTransaction} opened. */
  public boolean inUnitOfWork() {
    return unitOfWork.get();
  }

  /** Runs SQL on the current unit of work's connection, or in a transaction of its own if there is none. */
  <T> T withConnection(SqlWork<T> work) {
    return withConnection(work, true);
  }

  /**
   * Like {@link #withConnection}, leaving held-back writes held back: for a work whose first statement takes them along
   * ({@link #withHeldBack}).
   */
  <T> T withConnectionTakingHeldBack(SqlWork<T> work) {
    return withConnection(work, false);
  }

  private <T> T withConnection(SqlWork<T> work, boolean sendHeldBack) {
    Connection c = bound.get();
    if (c == null) {
      return inNewTransaction(work);
    }
    try {
      if (sendHeldBack) {
        sendDeferred(c);
      }
      return work.run(c);
    } catch (SQLException e) {
      throw new StorageException("SQL failed: " + e.getMessage(), e);
    }
  }

  /**
   * Runs {@code sql} once per row on the current connection, now or later in the same transaction: where the dialect
   * sends statements together, the rows are held back (see {@link #writeBeforeNextStatement}). For inserts that
   * nothing in the transaction reads back before commit (outbox rows).
   */
  void insertBeforeCommit(Connection c, String sql, java.util.List<Object[]> rows) throws SQLException {
    java.util.List<Deferred> pending = deferred.get();
    if (pending == null || !dialect.sendsStatementsTogether()) {
      Statements.batch(c, sql, new java.util.ArrayList<>(rows));
      return;
    }
    for (Object[] row : rows) {
      pending.add(new Deferred(sql, row));
    }
  }

  /**
   * Runs {@code sql} (one statement or several separated by semicolons, returning no rows) on the current connection,
   * now or later in the same transaction. Where the dialect sends statements together, it is held back and goes out in
   * the same round trip as the transaction's next statement that takes held-back writes along ({@link
   * #withHeldBack}) or its commit, or else just before the transaction's next repository call: every later statement
   * of the transaction sees it, and it commits or rolls back with the transaction. For writes whose failure is a
   * fault, never a business outcome: such a failure surfaces from the statement it travels with.
   */
  void writeBeforeNextStatement(Connection c, String sql, java.util.List<?> params) throws SQLException {
    java.util.List<Deferred> pending = deferred.get();
    if (pending == null || !dialect.sendsStatementsTogether()) {
      Statements.execute(c, sql, params.toArray());
      return;
    }
    pending.add(new Deferred(sql, params.toArray()));
  }

  /**
   * The held-back writes as statement text to put before {@code statement}, their parameters added to the front of
   * {@code params}; the writes are then no longer held back. When there are too many to travel together, they are sent
   * first, on their own, and {@code statement} comes back as it was.
   */
  String withHeldBack(Connection c, String statement, java.util.List<Object> params) throws SQLException {
    java.util.List<Deferred> pending = deferred.get();
    if (pending == null || pending.isEmpty()) {
      return statement;
    }
    if (pending.size() > MAX_TOGETHER) {
      sendDeferred(c);
      return statement;
    }
    StringBuilder text = new StringBuilder();
    java.util.List<Object> front = new java.util.ArrayList<>();
    for (Deferred d : pending) {
      text.append(d.sql()).append(d.sql().endsWith(";") ? "\n" : ";\n");
      front.addAll(java.util.Arrays.asList(d.params()));
    }
    pending.clear();
    params.addAll(0, front);
    return text.append(statement).toString();
  }

  /** Sends the held-back writes, before a statement that might read them. */
  private void sendDeferred(Connection c) throws SQLException {
    java.util.List<Deferred> pending = deferred.get();
    if (pending == null || pending.isEmpty()) {
      return;
    }
    java.util.List<Deferred> rows = new java.util.ArrayList<>(pending);
    pending.clear();
    // Runs of one statement go as JDBC batches, in the order they were held back; several statements in one text go
    // as they are.
    int i = 0;
    while (i < rows.size()) {
      if (rows.get(i).sql().contains(";")) {
        Statements.execute(c, rows.get(i).sql(), rows.get(i).params());
        i++;
        continue;
      }
      int j = i;
      java.util.List<Object[]> run = new java.util.ArrayList<>();
      while (j < rows.size() && rows.get(j).sql().equals(rows.get(i).sql())) {
        run.add(rows.get(j++).params());
      }
      Statements.batch(c, rows.get(i).sql(), new java.util.ArrayList<>(run));
      i = j;
    }
  }

  /**
   * Commits, sending the held-back writes in the same round trip as the {@code COMMIT} when there are few of them.
   * Should a write fail, the server skips the rest of the message, the {@code COMMIT} included, and the failure
   * surfaces here; the driver learns from the server that the transaction ended, so its own commit then sends nothing.
   */
  private void commit(Connection c) throws SQLException {
    java.util.List<Object> params = new java.util.ArrayList<>();
    String text = withHeldBack(c, "COMMIT", params);
    if (!text.equals("COMMIT")) {
      Statements.execute(c, text, params.toArray());
    }
    c.commit();
  }

  /**
   * Runs {@code undo} if the current transaction rolls back (at once if there is no transaction): for caches that hold
   * what the transaction wrote.
   */
  void onRollback(Runnable undo) {
    java.util.List<Runnable> pending = onRollback.get();
    if (pending == null) {
      undo.run();
    } else {
      pending.add(undo);
    }
  }

  /**
   * The values remembered for the rest of the current transaction, or {@code null} outside one: for reads that may be
   * answered once per transaction (the tenant's current playbook version), and that its own writes must forget.
   */
  java.util.@org.jspecify.annotations.Nullable Map<Object, Object> remembered() {
    return memo.get();
  }

  private void rolledBack() {
    java.util.List<Runnable> pending = onRollback.get();
    if (pending != null) {
      pending.forEach(Runnable::run);
      pending.clear();
    }
  }

  private <T> T inNewTransaction(SqlWork<T> work) {
    Connection c;
    try {
      c = dataSource.getConnection();
    } catch (SQLException e) {
      throw new StorageException("cannot open a connection: " + e.getMessage(), e);
    }
    bound.set(c);
    onRollback.set(new java.util.ArrayList<>(0));
    deferred.set(new java.util.ArrayList<>(0));
    memo.set(new java.util.HashMap<>(4));
    try {
      boolean autoCommit = c.getAutoCommit();
      if (autoCommit) {
        c.setAutoCommit(false);
      }
      try {
        T result = work.run(c);
        commit(c);
        return result;
      } catch (SQLException e) {
        rollback(c, e);
        rolledBack();
        throw new StorageException("SQL failed: " + e.getMessage(), e);
      } catch (RuntimeException | Error e) {
        rollback(c, e);
        rolledBack();
        throw e;
      } finally {
        if (autoCommit) {
          c.setAutoCommit(true);
        }
      }
    } catch (SQLException e) {
      throw new StorageException("transaction failed: " + e.getMessage(), e);
    } finally {
      bound.remove();
      onRollback.remove();
      deferred.remove();
      memo.remove();
      try {
        c.close();
      } catch (SQLException ignored) {
        // The pool discards a connection that cannot be closed cleanly; the outcome is already decided.
      }
    }
  }

  private static void rollback(Connection c, Throwable cause) {
    try {
      c.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  /** One held-back write: statement text and its parameters. */
  private record Deferred(String sql, Object[] params) {}

  /** SQL run on one connection. */
  @FunctionalInterface
  interface SqlWork<T> {
    T run(Connection c) throws SQLException;
  }
}
