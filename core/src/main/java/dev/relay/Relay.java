package dev.relay;

import dev.relay.activity.ActivityRepository;
import dev.relay.activity.ActivityService;
import dev.relay.activity.InMemoryActivityRepository;
import dev.relay.activity.InMemoryTaskRepository;
import dev.relay.activity.OverdueTaskMonitor;
import dev.relay.activity.TaskRepository;
import dev.relay.assignment.InMemoryRepProfiles;
import dev.relay.assignment.InMemoryRoutingState;
import dev.relay.assignment.LeadRouter;
import dev.relay.assignment.RepProfiles;
import dev.relay.assignment.RoutingState;
import dev.relay.common.AccountId;
import dev.relay.common.DirectTransactionRunner;
import dev.relay.common.EventPublisher;
import dev.relay.common.IdGenerator;
import dev.relay.common.InMemoryEventPublisher;
import dev.relay.common.Period;
import dev.relay.common.RepId;
import dev.relay.common.SequentialIdGenerator;
import dev.relay.common.TenantId;
import dev.relay.common.TransactionRunner;
import dev.relay.incentive.IncentiveService;
import dev.relay.incentive.InMemoryStatementRepository;
import dev.relay.incentive.StatementRepository;
import dev.relay.lead.InMemoryLeadRepository;
import dev.relay.lead.LeadRepository;
import dev.relay.lead.LeadRouting;
import dev.relay.lead.LeadService;
import dev.relay.lead.SlaRerouteSweep;
import dev.relay.org.InMemoryOrgDirectory;
import dev.relay.org.OrgDirectory;
import dev.relay.pipeline.Deal;
import dev.relay.pipeline.DealRepository;
import dev.relay.pipeline.FunnelAnalytics;
import dev.relay.pipeline.FunnelReport;
import dev.relay.pipeline.InMemoryDealRepository;
import dev.relay.pipeline.PipelineService;
import dev.relay.pipeline.SlaMonitor;
import dev.relay.playbook.InMemoryPlaybookRepository;
import dev.relay.playbook.PlaybookRepository;
import dev.relay.pool.AccountRepository;
import dev.relay.pool.InMemoryAccountRepository;
import dev.relay.pool.PoolService;
import dev.relay.pool.RecycleSweep;
import dev.relay.scoring.InMemoryScoringModelRepository;
import dev.relay.scoring.ScoringModelRepository;
import dev.relay.scoring.ScoringService;
import java.time.Clock;
import java.util.List;
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
 * ({@link SlaMonitor#checkBreaches}, {@link RecycleSweep#sweep}, {@link OverdueTaskMonitor#checkOverdue}, {@link
 * SlaRerouteSweep#sweep}, {@link LeadService#routeQueued}). Instances
 * are thread-safe.
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
  private final PoolService pool;
  private final RecycleSweep recycleSweep;
  private final ActivityService activities;
  private final OverdueTaskMonitor overdueTasks;
  private final RepProfiles repProfiles;
  private final LeadRouter router;
  private final LeadService leads;
  private final SlaRerouteSweep leadSlaSweep;
  private final ScoringService scoring;
  private final IncentiveService incentives;

  private Relay(Builder b) {
    this.clock = b.clock;
    this.org = b.org != null ? b.org : new InMemoryOrgDirectory();
    this.events = b.events != null ? b.events : new InMemoryEventPublisher();
    this.playbookRepository = b.playbooks != null ? b.playbooks : new InMemoryPlaybookRepository();
    this.deals = b.deals != null ? b.deals : new InMemoryDealRepository();
    IdGenerator ids = b.ids != null ? b.ids : new SequentialIdGenerator();
    TransactionRunner tx = b.transactions != null ? b.transactions : new DirectTransactionRunner();
    AccountRepository accounts = b.accounts != null ? b.accounts : new InMemoryAccountRepository();
    ActivityRepository activityRepository = b.activities != null ? b.activities : new InMemoryActivityRepository();
    TaskRepository tasks = b.tasks != null ? b.tasks : new InMemoryTaskRepository();
    this.playbooks = new Playbooks(playbookRepository, clock);
    // Capabilities hand work to each other in the same unit of work: a transfer takes the account's open deals and
    // tasks along, an activity on an account is its follow-up, a deal won makes its account a customer. The lambdas
    // resolve the services at call time, after construction.
    this.pool = new PoolService(accounts, playbookRepository, org, this::handOverDeals, this::handOverTasks, events,
        ids, tx, clock);
    CustomerOnWin customerOnWin = new CustomerOnWin(events, pool);
    this.pipeline = new PipelineService(deals, playbookRepository, org, customerOnWin, ids, tx, clock);
    customerOnWin.bind(pipeline);
    this.activities = new ActivityService(activityRepository, tasks, events, ids, tx, clock, pool);
    this.slaMonitor = new SlaMonitor(deals, playbookRepository, events, tx, clock);
    this.recycleSweep = new RecycleSweep(accounts, deals, playbookRepository, org, events, tx, clock);
    this.overdueTasks = new OverdueTaskMonitor(tasks, events, tx, clock);
    this.repProfiles = b.repProfiles != null ? b.repProfiles : new InMemoryRepProfiles();
    RoutingState routingState = b.routingState != null ? b.routingState : new InMemoryRoutingState();
    LeadRepository leadRepository = b.leads != null ? b.leads : new InMemoryLeadRepository();
    this.router = new LeadRouter(routingState, repProfiles, org, playbookRepository, clock);
    LeadRouting routing = LeadRouting.over(router, routingState);
    this.leads = new LeadService(leadRepository, accounts, routing, playbookRepository, org, repProfiles, events, ids,
        tx, clock);
    this.leadSlaSweep = new SlaRerouteSweep(leadRepository, accounts, routing, playbookRepository, org, repProfiles,
        events, tx, clock);
    this.funnel = new FunnelAnalytics(b.funnelMinimumEntries);
    this.scoring = new ScoringService(playbookRepository,
        b.scoringModels != null ? b.scoringModels : new InMemoryScoringModelRepository(), events, clock);
    this.incentives = new IncentiveService(deals, playbookRepository, org,
        b.statements != null ? b.statements : new InMemoryStatementRepository());
  }

  private List<Deal> handOverDeals(AccountId account, RepId to, RepId actor, String note) {
    return pipeline.reassignOpenDeals(account, to, actor, note);
  }

  private int handOverTasks(AccountId account, RepId to, RepId actor) {
    return activities.reassignOpenTasks(account, to, actor);
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

  /** The customer pool: accounts, duplicates and conflicts, claims, registrations, transfers, releases. */
  public PoolService pool() {
    return pool;
  }

  /** Returns neglected accounts to the public pool and warns owners first; the host calls it on its own schedule. */
  public RecycleSweep recycleSweep() {
    return recycleSweep;
  }

  /** Activities (follow-ups) and follow-up tasks. */
  public ActivityService activities() {
    return activities;
  }

  /** Reports each overdue follow-up task once; the host calls it on its own schedule. */
  public OverdueTaskMonitor overdueTasks() {
    return overdueTasks;
  }

  /** Leads: capture (with duplicate checks and routing), contact, qualify, disqualify, convert, reassign. */
  public LeadService leads() {
    return leads;
  }

  /** Re-routes or escalates leads not contacted within their SLA; the host calls it on its own schedule. */
  public SlaRerouteSweep leadSlaSweep() {
    return leadSlaSweep;
  }

  /** Scoring and grading: train a model's predictive part, score under the current playbook, re-score batches. */
  public ScoringService scoring() {
    return scoring;
  }

  /** The lead router, for fairness reports and for routing outside lead capture. */
  public LeadRouter router() {
    return router;
  }

  /** The reps' routing profiles (weights, skills, working hours, availability). */
  public RepProfiles repProfiles() {
    return repProfiles;
  }

  /** Targets, attainment and commission statements over the tenant's deals (目标, 提成). */
  public IncentiveService incentives() {
    return incentives;
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
    private @Nullable AccountRepository accounts;
    private @Nullable ActivityRepository activities;
    private @Nullable TaskRepository tasks;
    private @Nullable LeadRepository leads;
    private @Nullable StatementRepository statements;
    private @Nullable RoutingState routingState;
    private @Nullable RepProfiles repProfiles;
    private @Nullable ScoringModelRepository scoringModels;
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

    public Builder accounts(AccountRepository value) {
      this.accounts = Objects.requireNonNull(value, "accounts");
      return this;
    }

    public Builder activities(ActivityRepository value) {
      this.activities = Objects.requireNonNull(value, "activities");
      return this;
    }

    public Builder tasks(TaskRepository value) {
      this.tasks = Objects.requireNonNull(value, "tasks");
      return this;
    }

    /** Where commission statements and closed periods are kept; in memory unless set. */
    public Builder statements(StatementRepository value) {
      this.statements = Objects.requireNonNull(value, "statements");
      return this;
    }

    public Builder leads(LeadRepository value) {
      this.leads = Objects.requireNonNull(value, "leads");
      return this;
    }

    public Builder routingState(RoutingState value) {
      this.routingState = Objects.requireNonNull(value, "routingState");
      return this;
    }

    /** Where trained scoring models are kept; default: in memory. */
    public Builder scoringModels(ScoringModelRepository value) {
      this.scoringModels = Objects.requireNonNull(value, "scoringModels");
      return this;
    }

    public Builder repProfiles(RepProfiles value) {
      this.repProfiles = Objects.requireNonNull(value, "repProfiles");
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
