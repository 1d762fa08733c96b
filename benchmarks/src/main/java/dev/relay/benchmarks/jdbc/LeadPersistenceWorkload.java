package dev.relay.benchmarks.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.relay.Relay;
import dev.relay.assignment.AssignmentPolicy;
import dev.relay.assignment.NoEligibleAction;
import dev.relay.assignment.RoutingRule;
import dev.relay.assignment.Strategy;
import dev.relay.assignment.Target;
import dev.relay.common.RepId;
import dev.relay.common.TeamId;
import dev.relay.common.TenantId;
import dev.relay.jdbc.Dialect;
import dev.relay.jdbc.JdbcStorage;
import dev.relay.lead.LeadCapture;
import dev.relay.lead.NewLead;
import dev.relay.org.Rep;
import dev.relay.org.Team;
import dev.relay.pipeline.PipelineDefinition;
import dev.relay.pipeline.StageDefinition;
import dev.relay.playbook.Playbook;
import dev.relay.pool.PoolPolicy;
import dev.relay.testkit.ManualClock;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The two sides of {@link LeadPersistenceBenchmark} on one embedded PostgreSQL: a {@link Relay} on {@link JdbcStorage}
 * capturing, routing and persisting leads (round robin over 16 reps), and a raw JDBC writer inserting, per lead, the
 * very rows the adapter writes for one capture — the lead and its keys, its two events in the outbox, the assignment
 * and the open lead — taken from a lead the engine captured during setup, with fresh ids.
 */
final class LeadPersistenceWorkload implements AutoCloseable {
  static final TenantId TENANT = TenantId.of("bench");
  /** The raw side writes under its own tenant, so that it cannot change what routing sees. */
  static final String RAW_TENANT = "bench-raw";
  static final int REPS = 16;

  private final EmbeddedPostgres postgres;
  final HikariDataSource pool;
  final JdbcStorage storage;
  final Relay relay;
  private final ManualClock clock = ManualClock.at("2026-03-02T01:00:00Z");
  private final Template template;
  private int relayLeads;
  private int rawLeads;

  /**
   * @param warmLeads leads captured (and the tables analysed) before measuring, so that both sides write into tables
   *     of a working size with fitting plans rather than into empty ones
   */
  LeadPersistenceWorkload(int warmLeads) {
    try {
      // A fresh database fills fast here: ANALYZE soon after, as a production database would long have been.
      postgres = EmbeddedPostgres.builder().setServerConfig("autovacuum_naptime", "1").start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
    config.setMaximumPoolSize(4);
    pool = new HikariDataSource(config);
    storage = JdbcStorage.on(pool).dialect(Dialect.postgres()).build();
    relay = storage.plugInto(Relay.builder()).clock(clock).build();
    relay.playbooks().publish(TENANT, playbook());
    TeamId east = TeamId.of(TENANT, "east");
    relay.org().saveTeam(new Team(east, "East", null, RepId.of(TENANT, "r00")));
    for (int i = 0; i < REPS; i++) {
      relay.org().saveRep(Rep.of(RepId.of(TENANT, String.format("r%02d", i)), "Rep " + i, east, "sales_rep"));
    }
    LeadCapture first = captureNext();
    template = Template.of(pool, ((LeadCapture.Captured) first).lead().id().value());
    for (int i = 0; i < warmLeads; i++) {
      captureNext();
    }
    try (Connection c = pool.getConnection(); java.sql.Statement s = c.createStatement()) {
      s.execute("ANALYZE");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  int relayLeads() {
    return relayLeads;
  }

  static Playbook playbook() {
    return Playbook.builder()
        .pipeline(PipelineDefinition.builder("sales", "Sales")
            .stage(StageDefinition.builder("lead", "Lead", 10))
            .stage(StageDefinition.builder("won", "Won", 100))
            .wonStage("won")
            .lostReason("price", "Price"))
        .pool(PoolPolicy.defaults())
        .assignment(AssignmentPolicy.builder()
            .accountOwnerFirst(false)
            .defaultRule(RoutingRule.builder("everyone", "Everyone")
                .target(Target.team("east"))
                .strategy(Strategy.ROUND_ROBIN)
                .whenNoneEligible(NoEligibleAction.QUEUE)))
        .build();
  }

  /** The next lead: its own name, e-mail and phone, so that no capture is a duplicate of another. */
  NewLead nextLead(int n) {
    return NewLead.of("website", "Lead " + n).withCompany("Company " + n + " Ltd.")
        .withEmails("lead" + n + "@example.com").withPhones(String.format("+86 139 %04d %04d", n / 10_000, n % 10_000));
  }

  /** Captures, routes and persists the next lead in one unit of work: durable when this returns. */
  LeadCapture captureNext() {
    int n = relayLeads++;
    clock.advance(Duration.ofSeconds(1));
    return storage.transactions().inTransaction(() -> relay.leads().capture(TENANT, nextLead(n)));
  }

  /** Inserts the rows of the next lead with raw JDBC batches, in one transaction. */
  void insertNextRaw(Connection c) throws SQLException {
    template.insert(c, "R-" + (rawLeads++), Instant.parse("2026-03-02T01:00:00Z").plusSeconds(rawLeads));
    c.commit();
  }

  /** Inserts the rows of {@code count} leads with raw JDBC batches, in one transaction. */
  void insertRawBulk(Connection c, int count) throws SQLException {
    List<String> ids = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      ids.add("B-" + (rawLeads++));
    }
    template.insertAll(c, ids, Instant.parse("2026-03-02T01:00:00Z").plusSeconds(rawLeads));
    c.commit();
  }

  @Override
  public void close() {
    pool.close();
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The rows of one captured lead, read back from the database, to be written again under other ids. */
  record Template(String leadId, List<Object[]> lead, List<Object[]> keys, List<Object[]> outbox,
      List<Object[]> assignment, List<Object[]> open) {

    static Template of(HikariDataSource pool, String leadId) {
      try (Connection c = pool.getConnection()) {
        return new Template(leadId,
            rows(c, "SELECT version, status, owner_id, contacted, playbook_version, document FROM relay_lead"
                + " WHERE id = ?", leadId),
            rows(c, "SELECT kind, key_value FROM relay_lead_key WHERE lead_id = ?", leadId),
            rows(c, "SELECT event_type, event_class, payload FROM relay_outbox WHERE payload LIKE ? ORDER BY seq",
                "%\"" + leadId + "\"%"),
            rows(c, "SELECT rep_id, rule_key, strategy FROM relay_routing_assignment WHERE lead_id = ?", leadId),
            rows(c, "SELECT rep_id FROM relay_routing_open_lead WHERE lead_id = ?", leadId));
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    }

    private static List<Object[]> rows(Connection c, String sql, String param) throws SQLException {
      List<Object[]> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setString(1, param);
        try (ResultSet rs = ps.executeQuery()) {
          int n = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            Object[] row = new Object[n];
            for (int i = 0; i < n; i++) {
              row[i] = rs.getObject(i + 1);
            }
            out.add(row);
          }
        }
      }
      if (out.isEmpty()) {
        throw new IllegalStateException("the captured lead has no rows for " + sql);
      }
      return out;
    }

    void insert(Connection c, String id, Instant at) throws SQLException {
      insertAll(c, List.of(id), at);
    }

    /** One JDBC batch per table for all the leads. */
    void insertAll(Connection c, List<String> ids, Instant at) throws SQLException {
      OffsetDateTime when = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
      String quotedTemplate = "\"" + leadId + "\"";
      try (PreparedStatement lead = c.prepareStatement("INSERT INTO relay_lead (tenant_id, id, version, status,"
              + " owner_id, contacted, captured_at, playbook_version, document) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
          PreparedStatement key = c.prepareStatement("INSERT INTO relay_lead_key (tenant_id, kind, key_value, lead_id)"
              + " VALUES (?, ?, ?, ?)");
          PreparedStatement event = c.prepareStatement("INSERT INTO relay_outbox (tenant_id, event_id, event_type,"
              + " event_class, occurred_at, payload) VALUES (?, ?, ?, ?, ?, ?)");
          PreparedStatement assigned = c.prepareStatement("INSERT INTO relay_routing_assignment (tenant_id, lead_id,"
              + " rep_id, rule_key, strategy, assigned_at) VALUES (?, ?, ?, ?, ?, ?)");
          PreparedStatement opened = c.prepareStatement("INSERT INTO relay_routing_open_lead (tenant_id, rep_id,"
              + " lead_id) VALUES (?, ?, ?)")) {
        for (String id : ids) {
          String quoted = "\"" + id + "\"";
          Object[] l = this.lead.get(0);
          lead.setString(1, RAW_TENANT);
          lead.setString(2, id);
          lead.setLong(3, ((Number) l[0]).longValue());
          lead.setString(4, (String) l[1]);
          lead.setString(5, (String) l[2]);
          lead.setBoolean(6, (Boolean) l[3]);
          lead.setObject(7, when);
          lead.setInt(8, ((Number) l[4]).intValue());
          lead.setString(9, ((String) l[5]).replace(quotedTemplate, quoted));
          lead.addBatch();
          for (Object[] k : keys) {
            key.setString(1, RAW_TENANT);
            key.setString(2, (String) k[0]);
            key.setString(3, id + "|" + k[1]);
            key.setString(4, id);
            key.addBatch();
          }
          for (Object[] e : outbox) {
            event.setString(1, RAW_TENANT);
            event.setString(2, UUID.randomUUID().toString());
            event.setString(3, (String) e[0]);
            event.setString(4, (String) e[1]);
            event.setObject(5, when);
            event.setString(6, ((String) e[2]).replace(quotedTemplate, quoted));
            event.addBatch();
          }
          for (Object[] a : assignment) {
            assigned.setString(1, RAW_TENANT);
            assigned.setString(2, id);
            assigned.setString(3, (String) a[0]);
            assigned.setString(4, (String) a[1]);
            assigned.setString(5, (String) a[2]);
            assigned.setObject(6, when);
            assigned.addBatch();
          }
          for (Object[] o : open) {
            opened.setString(1, RAW_TENANT);
            opened.setString(2, (String) o[0]);
            opened.setString(3, id);
            opened.addBatch();
          }
        }
        lead.executeBatch();
        key.executeBatch();
        event.executeBatch();
        assigned.executeBatch();
        opened.executeBatch();
      }
    }
  }
}
