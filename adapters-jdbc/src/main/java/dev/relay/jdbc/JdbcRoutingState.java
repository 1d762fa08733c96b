package dev.relay.jdbc;

import dev.relay.assignment.AssignmentRecord;
import dev.relay.assignment.RoutingLedger;
import dev.relay.assignment.RoutingState;
import dev.relay.assignment.Strategy;
import dev.relay.assignment.WeightedPointer;
import dev.relay.common.LeadId;
import dev.relay.common.RepId;
import dev.relay.common.TenantId;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * {@link RoutingState} on the {@code relay_routing_*} tables. {@link #locked} runs in one transaction (or inside the
 * caller's unit of work) that first locks the tenant's {@code routing} row in {@code relay_tenant_lock}: routing
 * decisions of one tenant are serialised across every engine on the database, so a cap is checked and counted by one
 * decision at a time and cannot be overrun. Each rep's open leads are also kept as a counter row that cannot go
 * negative. The ledger reads what it needs once per call, keeps the call's writes in memory (its reads see them) and
 * writes them in a few batched statements when the work returns: a work that throws writes nothing. Assignments older
 * than the retention, measured back from the newest one recorded, are deleted as calls record new ones (at most hourly
 * per tenant and engine).
 */
public final class JdbcRoutingState implements RoutingState {
  private static final Duration FORGET_EVERY = Duration.ofHours(1);

  private final JdbcTransactionRunner runner;
  private final TenantLocks locks;
  private final Duration retention;
  private final String insertOpen;
  /** Per tenant, the cutoff of the last deletion of old assignments by this engine. */
  private final java.util.concurrent.ConcurrentMap<TenantId, Instant> forgotten =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** A state keeping assignments for {@link RoutingState#MIN_RETENTION}. */
  public JdbcRoutingState(JdbcTransactionRunner transactions) {
    this(transactions, MIN_RETENTION);
  }

  /**
   * A state keeping assignments longer, e.g. 35 days for monthly fairness reports.
   *
   * @throws IllegalArgumentException if {@code retention} is shorter than {@link RoutingState#MIN_RETENTION}
   */
  public JdbcRoutingState(JdbcTransactionRunner transactions, Duration retention) {
    this.runner = Objects.requireNonNull(transactions, "transactions");
    Objects.requireNonNull(retention, "retention");
    if (retention.compareTo(MIN_RETENTION) < 0) {
      throw new IllegalArgumentException("assignments must be kept at least " + MIN_RETENTION + ": " + retention);
    }
    this.retention = retention;
    this.locks = new TenantLocks(runner.dialect());
    this.insertOpen = runner.dialect().insertIgnoringDuplicate("relay_routing_open_lead", "tenant_id, rep_id, lead_id",
        "?, ?, ?");
  }

  @Override
  public <T> T locked(TenantId tenant, Function<RoutingLedger, T> work) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(work, "work");
    // The ledger writes nothing until the work returns, so a work that throws leaves nothing behind without a
    // savepoint; inside a unit of work the decision joins it and commits with it.
    return runner.withConnection(c -> {
      Ledger ledger = new Ledger(tenant, c);
      if (!runner.dialect().sendsStatementsTogether() || !lockReadingCursors(c, ledger)) {
        locks.lock(c, tenant.value(), "routing");
      }
      try {
        T result = work.apply(ledger);
        ledger.closed = true;
        ledger.flush();
        return result;
      } finally {
        ledger.closed = true;
      }
    });
  }

  /**
   * Locks the tenant's routing row and reads its cursors in one round trip: two statements, the second run only after
   * the first holds the lock, so that (each statement seeing what was committed when it began) the cursors read are
   * those the previous holder of the lock committed. Returns false, with nothing locked, if the lock row does not exist
   * yet.
   */
  private boolean lockReadingCursors(Connection c, Ledger ledger) throws SQLException {
    try (java.sql.PreparedStatement ps = c.prepareStatement("SELECT tenant_id FROM relay_tenant_lock WHERE tenant_id"
        + " = ? AND purpose = 'routing'" + runner.dialect().forUpdate()
        + "; SELECT cursor_key, rep_id FROM relay_routing_cursor WHERE tenant_id = ?")) {
      Statements.bind(ps, ledger.t, ledger.t);
      ps.execute();
      boolean locked;
      try (ResultSet rs = ps.getResultSet()) {
        locked = rs.next();
      }
      if (!ps.getMoreResults()) {
        throw new SQLException("the cursor query returned no result set");
      }
      Map<String, String> loaded = new HashMap<>();
      try (ResultSet rs = ps.getResultSet()) {
        while (rs.next()) {
          loaded.put(rs.getString(1), rs.getString(2));
        }
      }
      if (locked) {
        ledger.cursors = loaded;
      }
      return locked;
    }
  }

  @Override
  public List<AssignmentRecord> assignments(TenantId tenant, Instant from, Instant to) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    return runner.withConnection(c -> Statements.query(c, "SELECT lead_id, rep_id, rule_key, strategy, assigned_at"
        + " FROM relay_routing_assignment WHERE tenant_id = ? AND assigned_at >= ? AND assigned_at < ?"
        + " ORDER BY assigned_at, seq", rs -> {
          String strategy = rs.getString(4);
          return new AssignmentRecord(LeadId.of(tenant, rs.getString(1)), RepId.of(tenant, rs.getString(2)),
              rs.getString(3), strategy == null ? null : Strategy.valueOf(strategy),
              Objects.requireNonNull(Statements.instant(rs, "assigned_at")));
        }, tenant.value(), from, to));
  }

  /**
   * One call's view. Reads go to the database (the rep loads and the cursors once per call, as one small set each);
   * writes are kept in memory, seen by the call's later reads, and written in one flush when the work returns — so a
   * work that throws has written nothing, and a decision costs a handful of statements. On PostgreSQL the common
   * flush is held back to travel with the unit of work's next statement or its commit.
   */
  private final class Ledger implements RoutingLedger {
    private final TenantId tenant;
    private final String t;
    private final Connection c;
    private @Nullable Map<String, String> cursors;
    private final Map<String, String> cursorMoves = new LinkedHashMap<>();
    private final Map<String, Map<RepId, WeightedPointer>> pointers = new HashMap<>();
    private final Map<String, Map<RepId, WeightedPointer>> pointerPuts = new LinkedHashMap<>();
    /** Open leads per rep as stored when the call began, loaded for every rep at the first count. */
    private @Nullable Map<String, Integer> loads;
    /** The (rep, lead) pairs this call opened or released. */
    private final Map<Pair, Touch> touched = new LinkedHashMap<>();
    private final List<AssignmentRecord> records = new ArrayList<>();
    boolean closed;

    Ledger(TenantId tenant, Connection c) {
      this.tenant = tenant;
      this.t = tenant.value();
      this.c = c;
    }

    @Override
    public Optional<RepId> cursor(String key) {
      checkOpen();
      Objects.requireNonNull(key, "key");
      String moved = cursorMoves.get(key);
      if (moved != null) {
        return Optional.of(RepId.of(tenant, moved));
      }
      Map<String, String> stored = cursors;
      if (stored == null) {
        Map<String, String> loaded = new HashMap<>();
        sql(() -> Statements.query(c, "SELECT cursor_key, rep_id FROM relay_routing_cursor WHERE tenant_id = ?",
            rs -> loaded.put(rs.getString(1), rs.getString(2)), t));
        stored = loaded;
        cursors = stored;
      }
      return Optional.ofNullable(stored.get(key)).map(rep -> RepId.of(tenant, rep));
    }

    @Override
    public void moveCursor(String key, RepId chosen) {
      checkOpen();
      Objects.requireNonNull(key, "key");
      cursorMoves.put(key, local(chosen));
    }

    @Override
    public Map<RepId, WeightedPointer> pointers(String key) {
      checkOpen();
      Objects.requireNonNull(key, "key");
      Map<RepId, WeightedPointer> put = pointerPuts.get(key);
      if (put != null) {
        return put;
      }
      return pointers.computeIfAbsent(key, k -> {
        Map<RepId, WeightedPointer> out = new LinkedHashMap<>();
        sql(() -> Statements.query(c, "SELECT rep_id, numerator, weight FROM relay_routing_pointer"
            + " WHERE tenant_id = ? AND pointer_key = ? ORDER BY rep_id", rs -> {
              out.put(RepId.of(tenant, rs.getString(1)), new WeightedPointer(rs.getLong(2), rs.getInt(3)));
              return null;
            }, t, k));
        return java.util.Collections.unmodifiableMap(out);
      });
    }

    @Override
    public void putPointers(String key, Map<RepId, WeightedPointer> pointers) {
      checkOpen();
      Objects.requireNonNull(key, "key");
      Map<RepId, WeightedPointer> copy = new LinkedHashMap<>();
      pointers.forEach((rep, p) -> {
        local(rep);
        copy.put(rep, Objects.requireNonNull(p, "pointer"));
      });
      pointerPuts.put(key, java.util.Collections.unmodifiableMap(copy));
    }

    @Override
    public int openLeads(RepId rep) {
      checkOpen();
      String r = local(rep);
      verifyUnknown(r);
      int open = loads().getOrDefault(r, 0);
      for (Map.Entry<Pair, Touch> e : touched.entrySet()) {
        if (e.getKey().rep().equals(r)) {
          open += e.getValue().delta();
        }
      }
      return open;
    }

    private Map<String, Integer> loads() {
      Map<String, Integer> counts = loads;
      if (counts == null) {
        Map<String, Integer> loaded = new HashMap<>();
        sql(() -> Statements.query(c, "SELECT rep_id, open_leads FROM relay_routing_load WHERE tenant_id = ?",
            rs -> loaded.put(rs.getString(1), rs.getInt(2)), t));
        counts = loaded;
        loads = counts;
      }
      return counts;
    }

    /** Finds out, in one query, which of the rep's leads this call opened were open already. */
    private void verifyUnknown(String rep) {
      List<Pair> unknown = new ArrayList<>();
      touched.forEach((p, touch) -> {
        if (p.rep().equals(rep) && touch.stored == null) {
          unknown.add(p);
        }
      });
      if (unknown.isEmpty()) {
        return;
      }
      List<Object> params = new ArrayList<>(List.of(t, rep));
      unknown.forEach(p -> params.add(p.lead()));
      java.util.Set<String> stored = new java.util.HashSet<>(sql(() -> Statements.query(c, "SELECT lead_id FROM"
          + " relay_routing_open_lead WHERE tenant_id = ? AND rep_id = ? AND lead_id IN ("
          + JdbcDealRepository.placeholders(unknown) + ")", rs -> rs.getString(1), params.toArray())));
      unknown.forEach(p -> touched.get(p).stored = stored.contains(p.lead()));
    }

    @Override
    public int assignedSince(RepId rep, Instant since) {
      checkOpen();
      Objects.requireNonNull(since, "since");
      String r = local(rep);
      int count = sql(() -> Statements.query(c, "SELECT COUNT(*) FROM relay_routing_assignment"
          + " WHERE tenant_id = ? AND rep_id = ? AND assigned_at >= ?", rs -> rs.getInt(1), t, r, since)).get(0);
      for (AssignmentRecord record : records) {
        if (record.rep().equals(rep) && !record.at().isBefore(since)) {
          count++;
        }
      }
      return count;
    }

    @Override
    public void recordAssignment(AssignmentRecord record) {
      checkOpen();
      Objects.requireNonNull(record, "record");
      Pair pair = new Pair(local(record.rep()), local(record.lead()));
      records.add(record);
      touched.computeIfAbsent(pair, p -> new Touch(null)).open = true;
    }

    @Override
    public boolean release(RepId rep, LeadId lead) {
      checkOpen();
      Pair pair = new Pair(local(rep), local(lead));
      Touch touch = touched.get(pair);
      if (touch == null) {
        boolean stored = !sql(() -> Statements.query(c, "SELECT 1 FROM relay_routing_open_lead"
            + " WHERE tenant_id = ? AND rep_id = ? AND lead_id = ?", rs -> 1, t, pair.rep(), pair.lead())).isEmpty();
        touch = new Touch(stored);
        touch.open = stored;
        touched.put(pair, touch);
      }
      boolean wasOpen = touch.open;
      touch.open = false;
      return wasOpen;
    }

    /** Writes what the call changed, in a few batched statements. */
    void flush() {
      sql(() -> {
        if (runner.dialect().sendsStatementsTogether() && flushTogether()) {
          return null;
        }
        flushCursors();
        flushPointers();
        flushAssignments();
        flushOpenLeads();
        return null;
      });
    }

    /**
     * The common decision — cursors moved, assignments recorded, leads opened, nothing released or re-pointed — as
     * upserts sent in one round trip; whether it applied.
     */
    private boolean flushTogether() throws SQLException {
      boolean onlyOpening = touched.values().stream().allMatch(touch -> touch.open);
      if (!pointerPuts.isEmpty() || !onlyOpening || records.isEmpty() && cursorMoves.isEmpty()) {
        return false;
      }
      StringBuilder statements = new StringBuilder();
      List<@Nullable Object> params = new ArrayList<>();
      cursorMoves.forEach((key, rep) -> {
        statements.append("INSERT INTO relay_routing_cursor (tenant_id, cursor_key, rep_id) VALUES (?, ?, ?)"
            + " ON CONFLICT (tenant_id, cursor_key) DO UPDATE SET rep_id = EXCLUDED.rep_id;");
        params.addAll(java.util.Arrays.asList(t, key, rep));
      });
      Instant newest = null;
      for (AssignmentRecord r : records) {
        statements.append("INSERT INTO relay_routing_assignment (tenant_id, lead_id, rep_id, rule_key, strategy,"
            + " assigned_at) VALUES (?, ?, ?, ?, ?, ?);");
        params.addAll(java.util.Arrays.asList(t, r.lead().value(), r.rep().value(), r.ruleKey(),
            r.strategy() == null ? null : r.strategy().name(), r.at()));
        if (newest == null || r.at().isAfter(newest)) {
          newest = r.at();
        }
      }
      for (Pair p : touched.keySet()) {
        // The load moves only if the lead was not open already: the counter adds what the insert returned.
        statements.append("WITH opened AS (INSERT INTO relay_routing_open_lead (tenant_id, rep_id, lead_id)"
            + " VALUES (?, ?, ?) ON CONFLICT DO NOTHING RETURNING rep_id)"
            + " INSERT INTO relay_routing_load (tenant_id, rep_id, open_leads)"
            + " SELECT ?, rep_id, COUNT(*) FROM opened GROUP BY rep_id"
            + " ON CONFLICT (tenant_id, rep_id) DO UPDATE SET open_leads = relay_routing_load.open_leads"
            + " + EXCLUDED.open_leads;");
        params.addAll(java.util.Arrays.asList(t, p.rep(), p.lead(), t));
      }
      // Nothing the call returns depends on these writes, so they travel with the unit of work's next statement (on a
      // capture, the lead's insert) or its commit; any later read of the transaction sees them.
      runner.writeBeforeNextStatement(c, statements.toString(), params);
      if (newest != null) {
        forget(newest);
      }
      return true;
    }

    private void flushCursors() throws SQLException {
      List<@Nullable Object[]> rows = new ArrayList<>();
      cursorMoves.forEach((key, rep) -> rows.add(new Object[] {rep, t, key}));
      int[] updated = Statements.batchCounts(c, "UPDATE relay_routing_cursor SET rep_id = ? WHERE tenant_id = ?"
          + " AND cursor_key = ?", rows);
      List<@Nullable Object[]> inserts = new ArrayList<>();
      for (int i = 0; i < updated.length; i++) {
        if (updated[i] == 0) {
          Object[] row = rows.get(i);
          inserts.add(new Object[] {t, row[2], row[0]});
        }
      }
      Statements.batch(c, "INSERT INTO relay_routing_cursor (tenant_id, cursor_key, rep_id) VALUES (?, ?, ?)", inserts);
    }

    private void flushPointers() throws SQLException {
      for (Map.Entry<String, Map<RepId, WeightedPointer>> e : pointerPuts.entrySet()) {
        Statements.update(c, "DELETE FROM relay_routing_pointer WHERE tenant_id = ? AND pointer_key = ?", t, e.getKey());
        List<@Nullable Object[]> rows = new ArrayList<>();
        e.getValue().forEach((rep, p) -> rows.add(new Object[] {t, e.getKey(), rep.value(), p.numerator(), p.weight()}));
        Statements.batch(c, "INSERT INTO relay_routing_pointer (tenant_id, pointer_key, rep_id, numerator, weight)"
            + " VALUES (?, ?, ?, ?, ?)", rows);
      }
    }

    private void flushAssignments() throws SQLException {
      List<@Nullable Object[]> rows = new ArrayList<>();
      Instant newest = null;
      for (AssignmentRecord r : records) {
        rows.add(new Object[] {t, r.lead().value(), r.rep().value(), r.ruleKey(),
            r.strategy() == null ? null : r.strategy().name(), r.at()});
        if (newest == null || r.at().isAfter(newest)) {
          newest = r.at();
        }
      }
      Statements.batch(c, "INSERT INTO relay_routing_assignment (tenant_id, lead_id, rep_id, rule_key, strategy,"
          + " assigned_at) VALUES (?, ?, ?, ?, ?, ?)", rows);
      if (newest != null) {
        forget(newest);
      }
    }

    private void flushOpenLeads() throws SQLException {
      if (!runner.dialect().insertIgnoresDuplicates()) {
        // Without an insert that ignores existing rows, find them first (one query per rep touched).
        new java.util.HashSet<>(touched.keySet().stream().map(Pair::rep).toList()).forEach(this::verifyUnknown);
      }
      List<Pair> opening = new ArrayList<>();
      List<Pair> closing = new ArrayList<>();
      touched.forEach((p, touch) -> {
        if (touch.open && !Boolean.TRUE.equals(touch.stored)) {
          opening.add(p);
        } else if (!touch.open && !Boolean.FALSE.equals(touch.stored)) {
          closing.add(p);
        }
      });
      Map<String, Integer> deltas = new LinkedHashMap<>();
      int[] inserted = Statements.batchCounts(c, insertOpen, opening.stream()
          .map(p -> (@Nullable Object[]) new Object[] {t, p.rep(), p.lead()}).toList());
      for (int i = 0; i < inserted.length; i++) {
        if (inserted[i] != 0) {
          deltas.merge(opening.get(i).rep(), 1, Integer::sum);
        }
      }
      int[] deleted = Statements.batchCounts(c, "DELETE FROM relay_routing_open_lead WHERE tenant_id = ? AND rep_id = ?"
          + " AND lead_id = ?", closing.stream().map(p -> (@Nullable Object[]) new Object[] {t, p.rep(), p.lead()})
          .toList());
      for (int i = 0; i < deleted.length; i++) {
        if (deleted[i] != 0) {
          deltas.merge(closing.get(i).rep(), -1, Integer::sum);
        }
      }
      deltas.values().removeIf(d -> d == 0);
      List<@Nullable Object[]> rows = new ArrayList<>();
      List<String> reps = new ArrayList<>(deltas.keySet());
      reps.forEach(rep -> rows.add(new Object[] {deltas.get(rep), t, rep}));
      int[] updated = Statements.batchCounts(c, "UPDATE relay_routing_load SET open_leads = open_leads + ?"
          + " WHERE tenant_id = ? AND rep_id = ?", rows);
      List<@Nullable Object[]> inserts = new ArrayList<>();
      for (int i = 0; i < updated.length; i++) {
        if (updated[i] == 0) {
          inserts.add(new Object[] {t, reps.get(i), deltas.get(reps.get(i))});
        }
      }
      Statements.batch(c, "INSERT INTO relay_routing_load (tenant_id, rep_id, open_leads) VALUES (?, ?, ?)", inserts);
    }

    /** Deletes what the retention no longer covers, at most hourly per tenant and engine. */
    private void forget(Instant newest) throws SQLException {
      Instant cutoff = newest.minus(retention);
      Instant last = forgotten.get(tenant);
      // Keeping assignments a little longer is allowed; deleting at most hourly spares a statement per decision.
      if (last == null || !cutoff.isBefore(last.plus(FORGET_EVERY))) {
        Statements.update(c, "DELETE FROM relay_routing_assignment WHERE tenant_id = ? AND assigned_at < ?", t, cutoff);
        forgotten.put(tenant, cutoff);
      }
    }

    private void checkOpen() {
      if (closed) {
        throw new IllegalStateException("the routing ledger of " + tenant + " is used outside its locked call");
      }
    }

    private String local(RepId rep) {
      Objects.requireNonNull(rep, "rep");
      if (!rep.tenant().equals(tenant)) {
        throw new IllegalArgumentException("rep " + rep + " does not belong to tenant " + tenant);
      }
      return rep.value();
    }

    private String local(LeadId lead) {
      Objects.requireNonNull(lead, "lead");
      if (!lead.tenant().equals(tenant)) {
        throw new IllegalArgumentException("lead " + lead + " does not belong to tenant " + tenant);
      }
      return lead.value();
    }
  }

  /** A rep's hold on a lead, by local ids. */
  private record Pair(String rep, String lead) {}

  /** What a call did to one pair: whether it is open now, and whether it was stored open (null: not known yet). */
  private static final class Touch {
    @Nullable Boolean stored;
    boolean open;

    Touch(@Nullable Boolean stored) {
      this.stored = stored;
    }

    /** How the call changed the rep's open count, once {@link #stored} is known. */
    int delta() {
      return (open ? 1 : 0) - (Boolean.TRUE.equals(stored) ? 1 : 0);
    }
  }

  /** SQL on the ledger's connection. */
  @FunctionalInterface
  private interface SqlCall<T> {
    T call() throws SQLException;
  }

  private static <T> T sql(SqlCall<T> work) {
    try {
      return work.call();
    } catch (SQLException e) {
      throw new dev.relay.common.StorageException("routing state SQL failed: " + e.getMessage(), e);
    }
  }
}
