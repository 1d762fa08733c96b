package dev.relay;

import dev.relay.common.DirectTransactionRunner;
import dev.relay.common.EventPublisher;
import dev.relay.common.IdGenerator;
import dev.relay.common.InMemoryEventPublisher;
import dev.relay.common.Period;
import dev.relay.common.SequentialIdGenerator;
import dev.relay.common.TenantId;
import dev.relay.common.TransactionRunner;
import dev.relay.org.InMemoryOrgDirectory;
import dev.relay.org.OrgDirectory;
import dev.relay.pipeline.DealRepository;
import dev.relay.pipeline.FunnelAnalytics;
import dev.relay.pipeline.FunnelReport;
import dev.relay.pipeline.InMemoryDealRepository;
import dev.relay.pipeline.PipelineService;
import dev.relay.pipeline.SlaMonitor;
import dev.relay.playbook.InMemoryPlaybookRepository;
import dev.relay.playbook.PlaybookRepository;
import java.time.Clock;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One Relay engine: the application services of every capability, wired to the ports the host chose.
 *
 * <pre>{@code
 * Relay relay = Relay.builder()
 *     .clock(clock)                 // default: Clock.systemUTC()
 *     .deals(jdbcDeals)             // default: in memory
 *     .events(outbox)               // default: in memory, see inMemoryEvents()
 *     .build();
 * relay.playbooks().publish(tenant, playbook);
 * relay.pipeline().create(tenant, NewDeal.of("Pump retrofit", owner, Money.of("480000", "CNY")));
 * }</pre>
 *
 * <p>Every port left unset gets its thread-safe in-memory adapter, so {@code Relay.builder().build()} is a complete
 * engine for tests, demos and single-process embedding. Relay starts no threads: the host schedules the monitors
 * ({@link SlaMonitor#checkBreaches}). Instances are thread-safe.
 */
public final class Relay {
  private final Clock clock;
  private final OrgDirectory org;
  private final EventPublisher events;
  private final Playbooks playbooks;
  private final PlaybookRepository playbookRepository;
  private final DealRepository deals;
  private final PipelineService pipeline;
  private final SlaMonitor slaMonitor;
  private final FunnelAnalytics funnel;

  private Relay(Builder b) {
    this.clock = b.clock;
    this.org = b.org != null ? b.org : new InMemoryOrgDirectory();
    this.events = b.events != null ? b.events : new InMemoryEventPublisher();
    this.playbookRepository = b.playbooks != null ? b.playbooks : new InMemoryPlaybookRepository();
    this.deals = b.deals != null ? b.deals : new InMemoryDealRepository();
    IdGenerator ids = b.ids != null ? b.ids : new SequentialIdGenerator();
    TransactionRunner tx = b.transactions != null ? b.transactions : new DirectTransactionRunner();
    this.playbooks = new Playbooks(playbookRepository, clock);
    this.pipeline = new PipelineService(deals, playbookRepository, org, events, ids, tx, clock);
    this.slaMonitor = new SlaMonitor(deals, playbookRepository, events, tx, clock);
    this.funnel = new FunnelAnalytics(b.funnelMinimumEntries);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Publishing and reading tenants' playbooks. */
  public Playbooks playbooks() {
    return playbooks;
  }

  /** Deals and their movement through the pipeline. */
  public PipelineService pipeline() {
    return pipeline;
  }

  /** Reports each stage-SLA breach once; the host calls it on its own schedule. */
  public SlaMonitor slaMonitor() {
    return slaMonitor;
  }

  /** The org directory the engine resolves managers, approvers and responsible people through. */
  public OrgDirectory org() {
    return org;
  }

  /** The clock every decision reads. */
  public Clock clock() {
    return clock;
  }

  /** The event publisher the engine writes to. */
  public EventPublisher events() {
    return events;
  }

  /**
   * The in-memory event publisher, when the engine uses one (the default): tests read published events from it.
   *
   * @throws IllegalStateException if the host configured another publisher
   */
  public InMemoryEventPublisher inMemoryEvents() {
    if (events instanceof InMemoryEventPublisher memory) {
      return memory;
    }
    throw new IllegalStateException("this engine publishes to " + events.getClass().getName());
  }

  /**
   * The tenant's funnel over a period, measured against its current pipeline at the clock's now.
   *
   * @throws dev.relay.common.NotFoundException if the tenant has no playbook
   */
  public FunnelReport funnel(TenantId tenant, Period period) {
    return funnel.report(deals.findAll(tenant), playbooks.current(tenant).playbook().pipeline(), period,
        clock.instant());
  }

  /**
   * Configures an engine. Every port is optional; unset ones get their in-memory adapter. Options are checked when
   * set, so a bad one fails at configuration time with a message naming it.
   */
  public static final class Builder {
    private Clock clock = Clock.systemUTC();
    private @Nullable OrgDirectory org;
    private @Nullable EventPublisher events;
    private @Nullable PlaybookRepository playbooks;
    private @Nullable DealRepository deals;
    private @Nullable IdGenerator ids;
    private @Nullable TransactionRunner transactions;
    private int funnelMinimumEntries = FunnelAnalytics.DEFAULT_MINIMUM_ENTRIES;

    private Builder() {}

    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    public Builder org(OrgDirectory value) {
      this.org = Objects.requireNonNull(value, "org");
      return this;
    }

    public Builder events(EventPublisher value) {
      this.events = Objects.requireNonNull(value, "events");
      return this;
    }

    public Builder playbooks(PlaybookRepository value) {
      this.playbooks = Objects.requireNonNull(value, "playbooks");
      return this;
    }

    public Builder deals(DealRepository value) {
      this.deals = Objects.requireNonNull(value, "deals");
      return this;
    }

    public Builder ids(IdGenerator value) {
      this.ids = Objects.requireNonNull(value, "ids");
      return this;
    }

    public Builder transactions(TransactionRunner value) {
      this.transactions = Objects.requireNonNull(value, "transactions");
      return this;
    }

    /**
     * The fewest entries a stage needs to be considered for the funnel's bottleneck.
     *
     * @throws IllegalArgumentException if below 1
     */
    public Builder funnelMinimumEntries(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("funnelMinimumEntries must be at least 1, got " + value);
      }
      this.funnelMinimumEntries = value;
      return this;
    }

    public Relay build() {
      return new Relay(this);
    }
  }
}
