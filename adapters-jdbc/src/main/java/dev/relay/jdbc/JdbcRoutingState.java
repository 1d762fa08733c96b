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
 * {@link RoutingState} on the {@code relay_routing_*} tables. {@link #locked} is one transaction (or, inside a unit of
 * work, a savepoint of it) that first locks the tenant's {@code routing} row in {@code relay_tenant_lock}: routing
 * decisions of one tenant are serialised across every engine on the database, so a cap is checked and counted by one
 * decision at a time and cannot be overrun. Reads see the call's own writes; a call that throws leaves nothing.
 * Assignments older than the retention, measured back from the newest one recorded, are deleted as calls record new
 * ones.
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
    return runner.atomically(c -> {
      locks.lock(c, tenant.value(), "routing");
      Ledger ledger = new Ledger(tenant, c);
      try {
        T result = work.apply(ledger);
        ledger.forget();
        return result;
      } finally {
        ledger.closed = true;
      }
    });
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

  /** One call's view, reading and writing through the call's connection. */
  private final class Ledger implements RoutingLedger {
    private final TenantId tenant;
    private final String t;
    private final Connection c;
    /** Open leads per rep, loaded for every rep at the first count and kept in step with this call's writes. */
    private @Nullable Map<String, Integer> open;
    private @Nullable Instant newestRecorded;
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
      return sql(() -> Statements.query(c, "SELECT rep_id FROM relay_routing_cursor WHERE tenant_id = ? AND cursor_key = ?",
          rs -> RepId.of(tenant, rs.getString(1)), t, key)).stream().findFirst();
    }

    @Override
    public void moveCursor(String key, RepId chosen) {
      checkOpen();
      Objects.requireNonNull(key, "key");
      String rep = local(chosen);
      sql(() -> {
        if (Statements.update(c, "UPDATE relay_routing_cursor SET rep_id = ? WHERE tenant_id = ? AND cursor_key = ?",
            rep, t, key) == 0) {
          Statements.update(c, "INSERT INTO relay_routing_cursor (tenant_id, cursor_key, rep_id) VALUES (?, ?, ?)", t,
              key, rep);
        }
        return null;
      });
    }

    @Override
    public Map<RepId, WeightedPointer> pointers(String key) {
      checkOpen();
      Objects.requireNonNull(key, "key");
      Map<RepId, WeightedPointer> out = new LinkedHashMap<>();
      sql(() -> Statements.query(c, "SELECT rep_id, numerator, weight FROM relay_routing_pointer"
          + " WHERE tenant_id = ? AND pointer_key = ? ORDER BY rep_id", rs -> {
            out.put(RepId.of(tenant, rs.getString(1)), new WeightedPointer(rs.getLong(2), rs.getInt(3)));
            return null;
          }, t, key));
      return java.util.Collections.unmodifiableMap(out);
    }

    @Override
    public void putPointers(String key, Map<RepId, WeightedPointer> pointers) {
      checkOpen();
      Objects.requireNonNull(key, "key");
      List<@Nullable Object[]> rows = new ArrayList<>();
      pointers.forEach((rep, p) -> {
        Objects.requireNonNull(p, "pointer");
        rows.add(new Object[] {t, key, local(rep), p.numerator(), p.weight()});
      });
      sql(() -> {
        Statements.update(c, "DELETE FROM relay_routing_pointer WHERE tenant_id = ? AND pointer_key = ?", t, key);
        Statements.batch(c, "INSERT INTO relay_routing_pointer (tenant_id, pointer_key, rep_id, numerator, weight)"
            + " VALUES (?, ?, ?, ?, ?)", rows);
        return null;
      });
    }

    @Override
    public int openLeads(RepId rep) {
      checkOpen();
      return openCounts().getOrDefault(local(rep), 0);
    }

    private Map<String, Integer> openCounts() {
      Map<String, Integer> counts = open;
      if (counts == null) {
        Map<String, Integer> loaded = new HashMap<>();
        sql(() -> Statements.query(c, "SELECT rep_id, open_leads FROM relay_routing_load WHERE tenant_id = ?",
            rs -> loaded.put(rs.getString(1), rs.getInt(2)), t));
        counts = loaded;
        open = counts;
      }
      return counts;
    }

    @Override
    public int assignedSince(RepId rep, Instant since) {
      checkOpen();
      Objects.requireNonNull(since, "since");
      String r = local(rep);
      return sql(() -> Statements.query(c, "SELECT COUNT(*) FROM relay_routing_assignment"
          + " WHERE tenant_id = ? AND rep_id = ? AND assigned_at >= ?", rs -> rs.getInt(1), t, r, since)).get(0);
    }

    @Override
    public void recordAssignment(AssignmentRecord record) {
      checkOpen();
      Objects.requireNonNull(record, "record");
      String rep = local(record.rep());
      String lead = local(record.lead());
      sql(() -> {
        Statements.update(c, "INSERT INTO relay_routing_assignment (tenant_id, lead_id, rep_id, rule_key, strategy,"
            + " assigned_at) VALUES (?, ?, ?, ?, ?, ?)", t, lead, rep, record.ruleKey(),
            record.strategy() == null ? null : record.strategy().name(), record.at());
        if (openLead(rep, lead)) {
          addLoad(rep, 1);
        }
        return null;
      });
      if (newestRecorded == null || record.at().isAfter(newestRecorded)) {
        newestRecorded = record.at();
      }
    }

    /** Opens the lead for the rep unless it is open already; whether it opened. */
    private boolean openLead(String rep, String lead) throws SQLException {
      if (runner.dialect().insertIgnoresDuplicates()) {
        return Statements.update(c, insertOpen, t, rep, lead) == 1;
      }
      if (!Statements.query(c, "SELECT 1 FROM relay_routing_open_lead WHERE tenant_id = ? AND rep_id = ? AND lead_id = ?",
          rs -> 1, t, rep, lead).isEmpty()) {
        return false;
      }
      return Statements.update(c, insertOpen, t, rep, lead) == 1;
    }

    @Override
    public boolean release(RepId rep, LeadId lead) {
      checkOpen();
      String r = local(rep);
      String l = local(lead);
      boolean removed = sql(() -> {
        if (Statements.update(c, "DELETE FROM relay_routing_open_lead WHERE tenant_id = ? AND rep_id = ? AND lead_id = ?",
            t, r, l) != 1) {
          return false;
        }
        addLoad(r, -1);
        return true;
      });
      return removed;
    }

    /** Moves the rep's open-lead counter with the open leads themselves; the row appears with the first lead. */
    private void addLoad(String rep, int delta) throws SQLException {
      if (Statements.update(c, "UPDATE relay_routing_load SET open_leads = open_leads + ? WHERE tenant_id = ? AND rep_id = ?",
          delta, t, rep) == 0) {
        Statements.update(c, "INSERT INTO relay_routing_load (tenant_id, rep_id, open_leads) VALUES (?, ?, ?)", t, rep,
            delta);
      }
      if (open != null) {
        open.merge(rep, delta, Integer::sum);
      }
    }

    /** Deletes what the retention no longer covers, once per call that recorded something. */
    void forget() {
      Instant newest = newestRecorded;
      if (newest == null) {
        return;
      }
      Instant cutoff = newest.minus(retention);
      Instant last = forgotten.get(tenant);
      // Keeping assignments a little longer is allowed; deleting at most hourly spares a statement per decision.
      if (last == null || !cutoff.isBefore(last.plus(FORGET_EVERY))) {
        sql(() -> Statements.update(c, "DELETE FROM relay_routing_assignment WHERE tenant_id = ? AND assigned_at < ?",
            t, cutoff));
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
