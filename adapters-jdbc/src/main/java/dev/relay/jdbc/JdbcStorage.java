package dev.relay.jdbc;

import dev.relay.Relay;
import dev.relay.assignment.RoutingState;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Every Relay storage port on one host-supplied {@link DataSource}, sharing one unit of work: the entry point of the
 * adapter.
 *
 * <pre>{@code
 * JdbcStorage storage = JdbcStorage.on(dataSource).build();          // migrates the schema first
 * Relay relay = storage.plugInto(Relay.builder()).clock(clock).build();
 * storage.outboxRelay(clock).drainAll(500, webhooks::deliver);         // on the host's schedule
 * }</pre>
 *
 * <p>Playbooks, deals, accounts (with their match index), activities, tasks, leads, the routing state, trained
 * scoring models, commission statements (with closed periods) and the event outbox are stored; the org directory and reps' routing profiles stay the host's (they
 * mirror its own user directory).
 */
public final class JdbcStorage {
  private final JdbcTransactionRunner transactions;
  private final JdbcPlaybookRepository playbooks;
  private final JdbcDealRepository deals;
  private final JdbcAccountRepository accounts;
  private final JdbcActivityRepository activities;
  private final JdbcTaskRepository tasks;
  private final JdbcLeadRepository leads;
  private final JdbcRoutingState routingState;
  private final OutboxEventPublisher events;
  private final JdbcScoringModelRepository scoringModels;
  private final JdbcStatementRepository statements;
  private final JdbcOrgDirectory org;
  private final JdbcRepProfiles repProfiles;

  private JdbcStorage(Builder b) {
    Dialect dialect = b.dialect != null ? b.dialect : Dialect.of(b.dataSource);
    switch (b.schema) {
      case MIGRATE -> RelaySchema.on(b.dataSource, dialect).migrate();
      case VALIDATE -> RelaySchema.on(b.dataSource, dialect).validate();
      case NONE -> { }
    }
    this.transactions = new JdbcTransactionRunner(b.dataSource, dialect);
    this.playbooks = new JdbcPlaybookRepository(transactions);
    SchemaSource schemas = SchemaSource.of(playbooks);
    this.deals = new JdbcDealRepository(transactions, schemas);
    this.accounts = new JdbcAccountRepository(transactions, schemas);
    this.activities = new JdbcActivityRepository(transactions);
    this.tasks = new JdbcTaskRepository(transactions);
    this.leads = new JdbcLeadRepository(transactions, schemas);
    this.routingState = new JdbcRoutingState(transactions, b.routingRetention);
    this.events = new OutboxEventPublisher(transactions);
    this.scoringModels = new JdbcScoringModelRepository(transactions);
    this.statements = new JdbcStatementRepository(transactions);
    this.org = new JdbcOrgDirectory(transactions);
    this.repProfiles = new JdbcRepProfiles(transactions);
  }

  /** Storage on {@code dataSource}; see {@link Builder} for the options. */
  public static Builder on(DataSource dataSource) {
    return new Builder(dataSource);
  }

  /** Sets every storage port of the engine being built, the transaction runner and the event outbox included. */
  public Relay.Builder plugInto(Relay.Builder builder) {
    return Objects.requireNonNull(builder, "builder")
        .transactions(transactions)
        .playbooks(playbooks)
        .deals(deals)
        .accounts(accounts)
        .activities(activities)
        .tasks(tasks)
        .leads(leads)
        .routingState(routingState)
        .events(events)
        .scoringModels(scoringModels)
        .statements(statements)
        .org(org)
        .repProfiles(repProfiles);
  }

  /** A relay draining this storage's outbox, stamping deliveries with {@code clock}. */
  public OutboxRelay outboxRelay(Clock clock) {
    return new OutboxRelay(transactions, clock);
  }

  public JdbcTransactionRunner transactions() {
    return transactions;
  }

  public JdbcPlaybookRepository playbooks() {
    return playbooks;
  }

  public JdbcDealRepository deals() {
    return deals;
  }

  public JdbcAccountRepository accounts() {
    return accounts;
  }

  public JdbcActivityRepository activities() {
    return activities;
  }

  public JdbcTaskRepository tasks() {
    return tasks;
  }

  public JdbcLeadRepository leads() {
    return leads;
  }

  public JdbcRoutingState routingState() {
    return routingState;
  }

  public OutboxEventPublisher events() {
    return events;
  }

  public JdbcScoringModelRepository scoringModels() {
    return scoringModels;
  }

  public JdbcStatementRepository statements() {
    return statements;
  }

  public JdbcOrgDirectory org() {
    return org;
  }

  public JdbcRepProfiles repProfiles() {
    return repProfiles;
  }

  /** What to do with the schema when the storage is built. */
  public enum SchemaMode {
    /** Apply pending migrations (the default; fine for H2 and for hosts that let the application migrate). */
    MIGRATE,
    /** Only check that the database is up to date, failing otherwise (production with migrations run by a DBA). */
    VALIDATE,
    /** Leave the schema alone (the host runs Flyway itself on {@link RelaySchema#location}). */
    NONE
  }

  /** Options of a {@link JdbcStorage}; every option is checked when set. */
  public static final class Builder {
    private final DataSource dataSource;
    private @Nullable Dialect dialect;
    private SchemaMode schema = SchemaMode.MIGRATE;
    private Duration routingRetention = RoutingState.MIN_RETENTION;

    private Builder(DataSource dataSource) {
      this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /** The database's dialect; detected from the connection when not set. */
    public Builder dialect(Dialect value) {
      this.dialect = Objects.requireNonNull(value, "dialect");
      return this;
    }

    public Builder schema(SchemaMode value) {
      this.schema = Objects.requireNonNull(value, "schema");
      return this;
    }

    /**
     * How long routing keeps assignments (at least {@link RoutingState#MIN_RETENTION}).
     *
     * @throws IllegalArgumentException if shorter than the minimum
     */
    public Builder routingRetention(Duration value) {
      Objects.requireNonNull(value, "routingRetention");
      if (value.compareTo(RoutingState.MIN_RETENTION) < 0) {
        throw new IllegalArgumentException("routing must keep assignments at least " + RoutingState.MIN_RETENTION
            + ": " + value);
      }
      this.routingRetention = value;
      return this;
    }

    /**
     * The storage, with its schema migrated or validated as set.
     *
     * @throws dev.relay.common.StorageException if the database cannot be reached, migrated or validated
     */
    public JdbcStorage build() {
      return new JdbcStorage(this);
    }
  }
}
