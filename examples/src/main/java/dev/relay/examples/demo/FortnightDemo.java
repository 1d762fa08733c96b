package dev.relay.examples.demo;

import dev.relay.Relay;
import dev.relay.activity.ActivityKind;
import dev.relay.assignment.AssignmentEvent;
import dev.relay.assignment.RepProfile;
import dev.relay.assignment.RoutingDecision;
import dev.relay.activity.NewActivity;
import dev.relay.activity.Subject;
import dev.relay.common.AccountId;
import dev.relay.common.DealId;
import dev.relay.common.LeadId;
import dev.relay.common.Money;
import dev.relay.common.Period;
import dev.relay.common.PeriodKind;
import dev.relay.common.EventPublisher;
import dev.relay.common.InMemoryEventPublisher;
import dev.relay.common.RelayEvent;
import dev.relay.common.RepId;
import dev.relay.common.TeamId;
import dev.relay.common.TenantId;
import dev.relay.incentive.CommissionStatement;
import dev.relay.incentive.Leaderboard;
import dev.relay.incentive.StatementLine;
import dev.relay.jdbc.JdbcStorage;
import dev.relay.lead.LeadCapture;
import dev.relay.lead.LeadEvent;
import dev.relay.lead.NewLead;
import dev.relay.org.Rep;
import dev.relay.org.Team;
import dev.relay.pipeline.Approval;
import dev.relay.pipeline.Deal;
import dev.relay.pipeline.FunnelReport;
import dev.relay.pipeline.NewDeal;
import dev.relay.pipeline.PipelineEvent;
import dev.relay.pipeline.PipelineService;
import dev.relay.pipeline.StageMove;
import dev.relay.playbook.Playbook;
import dev.relay.playbook.PlaybookJson;
import dev.relay.playbook.VersionedPlaybook;
import dev.relay.pool.Account;
import dev.relay.pool.AccountCreation;
import dev.relay.pool.AccountKind;
import dev.relay.pool.NewAccount;
import dev.relay.pool.PoolEvent;
import dev.relay.testkit.ManualClock;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The README's demo: loads the sample B2B manufacturing playbook, plays a scripted fortnight of a small East-China sales
 * team in memory — inbound leads routed by the assignment rules with their reasons and one re-routed after a missed
 * first-contact SLA, customers claimed from the public pool, a duplicate customer caught as a conflict (撞单) and turned into
 * a collaboration, deals advancing, a gate blocking, approvals, an SLA breach, a lost deal with its reason, a neglected
 * customer warned and recycled to the public pool (公海) — and prints the funnel report.
 *
 * <p>Run with {@code mvn -q -pl examples -am compile exec:java}. The engine stores everything through the JDBC adapter:
 * by default in an H2 database on disk ({@code examples/target/relay-demo}, started afresh each run); set {@code
 * -Drelay.jdbc.url=jdbc:postgresql://host/db} (with {@code relay.jdbc.user} and {@code relay.jdbc.password}) or the
 * environment variable {@code RELAY_JDBC_URL} to play it on PostgreSQL instead (see {@link DemoDatabase}).
 */
public final class FortnightDemo {
  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE MM-dd HH:mm");

  private final PrintStream out;
  private final ManualClock clock = ManualClock.at("2026-11-02T01:00:00Z"); // Monday 09:00 in Shanghai
  private final InMemoryEventPublisher narration = new InMemoryEventPublisher();
  private final Relay relay;
  private final TenantId tenant;
  private final PipelineService pipeline;
  private final Map<String, RepId> people = new LinkedHashMap<>();
  private final List<RelayEvent> events = new ArrayList<>();
  private final Map<DealId, AccountId> customerOf = new LinkedHashMap<>();

  FortnightDemo(PrintStream out) {
    this(out, DemoDatabase.fromSettings());
  }

  FortnightDemo(PrintStream out, DemoDatabase database) {
    this.out = out;
    JdbcStorage storage = JdbcStorage.on(database.dataSource()).build();
    // Events go to the outbox in the transaction of their change, and to the narration as they happen.
    EventPublisher outboxAndNarration = events -> {
      storage.events().publish(events);
      narration.publish(events);
    };
    this.relay = storage.plugInto(Relay.builder()).events(outboxAndNarration).clock(clock).build();
    this.tenant = TenantId.of(database.tenant("huadong-machinery"));
    this.pipeline = relay.pipeline();
  }

  public static void main(String[] args) {
    DemoDatabase database = DemoDatabase.fromSettings();
    System.out.println("(storing in " + database.description() + ")");
    try {
      new FortnightDemo(System.out, database).run();
    } finally {
      database.close();
    }
  }

  /** Plays the fortnight and returns the final funnel report. */
  FunnelReport run() {
    VersionedPlaybook playbook = relay.playbooks().publish(tenant, samplePlaybook());
    out.println("== Relay demo: a fortnight at 华东机械 Huadong Machinery ==");
    out.println("Playbook '" + playbook.playbook().name() + "' v" + playbook.version() + ", "
        + playbook.playbook().pipeline().stages().size() + " stages");
    staffTheTeam();
    narration.subscribe(this::narrate);

    RepId li = people.get("li");
    RepId han = people.get("han");
    RepId zhang = people.get("zhang");
    RepId wang = people.get("wang");
    RepId qian = people.get("qian");

    // Week 1, Monday: sales ops loads trade-show leads into the public pool; reps claim them and open deals.
    day("Mon: customers claimed from the public pool, new opportunities");
    RepId zhao = people.get("zhao");
    AccountId suzhouCo = intoPool(zhao, "苏州精密机械有限公司", "0512-6588 1234", "A");
    AccountId ningboCo = intoPool(zhao, "宁波华翔注塑股份有限公司", "+86 139 5744 0001", "B");
    AccountId wuxiCo = intoPool(zhao, "Wuxi Lead Auto Parts Co., Ltd.", "+86 138 1234 5678", "B");
    AccountId changzhouCo = intoPool(zhao, "常州星宇电子有限公司", "0519-8888 6666", "C");
    claim(suzhouCo, li);
    claim(ningboCo, han);
    claim(wuxiCo, zhang);
    claim(changzhouCo, han);
    Deal suzhou = create("苏州精密 CNC line 数控产线", li, "1280000", Map.of("industry", "machinery"), suzhouCo);
    Deal ningbo = create("宁波注塑 Injection molding cell 注塑单元", han, "560000", Map.of("industry", "automotive"),
        ningboCo);
    Deal wuxi = create("无锡汽配 Spare parts framework 备件框架", zhang, "300000", Map.of("industry", "automotive"),
        wuxiCo);
    Deal changzhou = create("常州电子 Automation line 自动化线", han, "420000", Map.of("industry", "electronics"),
        changzhouCo);

    // Zhang met the same Suzhou company at the trade show and enters it again, written differently: 撞单.
    AccountCreation again = relay.pool().create(tenant,
        NewAccount.company("苏州精密机械（有限公司）", zhang).withPhones("+86 512 6588 1234"));
    if (again instanceof AccountCreation.Requested requested) {
      requested.reasons().forEach(r -> out.println("  ⇄ " + r.message()));
      relay.pool().acceptCollaboration(requested.accountId(), requested.request().id(), li);
    }

    // Inbound leads are routed by the playbook's assignment rules; every decision says why.
    LeadId portLead = captureLead(NewLead.of("website", "陈总 Mr. Chen").withCompany("宁波港口机械有限公司")
        .withPhones("+86 137 7777 0001").withFields(Map.of("grade", "A", "industry", "machinery")));
    LeadId showLead = captureLead(NewLead.of("trade_show", "Anna Schmidt").withCompany("Bosch Rexroth AG")
        .withPhones("+49 9352 180").withFields(Map.of("grade", "B", "language", "en")));
    LeadId zhouLead = captureLead(NewLead.of("website", "周工 Engineer Zhou").withCompany("苏州精密机械有限公司")
        .withPhones("+86 512 6588 9999"));

    nextDay("Tue: first calls");
    relay.leads().contact(showLead, han, clock.instant()).orThrow();
    relay.leads().contact(zhouLead, li, clock.instant()).orThrow();
    advance(suzhou, li, "intro call with plant manager");
    advance(ningbo, han, "visited the plant");
    advance(wuxi, zhang, "call with purchasing");
    advance(changzhou, han, "intro call");

    nextDay("Wed: decision makers identified");
    relay.leads().contact(portLead, wang, clock.instant()).orThrow(); // late, but before the next sweep
    update(suzhou, li, Map.of("decision_maker", "周总 Mr. Zhou (GM)"));
    advance(suzhou, li, "GM is the decision maker");
    update(ningbo, han, Map.of("decision_maker", "陈工 Eng. Chen"));
    advance(ningbo, han, "Chen decides");
    update(wuxi, zhang, Map.of("decision_maker", "刘经理 Manager Liu"));
    advance(wuxi, zhang, null);

    nextDay("Thu: needs confirmation — a gate blocks");
    // Ningbo has no budget yet: the needs-confirmed gate says why, as data.
    advance(ningbo, han, "trying to move on without a budget");
    update(suzhou, li, Map.of("budget", 1_400_000, "product_lines", List.of("cnc_machines", "automation_lines"),
        "expected_close", "2026-12-15"));
    advance(suzhou, li, "needs confirmed on site");

    nextDay("Fri: budgets");
    update(ningbo, han, Map.of("budget", 600_000, "product_lines", List.of("injection_molding"),
        "expected_close", "2027-01-20"));
    advance(ningbo, han, "budget confirmed");
    update(wuxi, zhang, Map.of("budget", 280_000, "product_lines", List.of("spare_parts"),
        "expected_close", "2026-12-01"));
    advance(wuxi, zhang, null);

    skipWeekend();
    day("Mon: quotes go out");
    update(suzhou, li, Map.of("quote_no", "Q-2026-1102", "discount_pct", 18));
    advance(suzhou, li, "quote sent with 18% discount");
    update(wuxi, zhang, Map.of("quote_no", "Q-2026-1107", "discount_pct", 5));

    nextDay("Tue: commercial approval — two approvals filed");
    update(suzhou, li, Map.of("contract_signed", true));
    StageMove blocked = advance(suzhou, li, "customer signed, needs approvals");
    List<Approval> pending = blocked instanceof StageMove.Blocked b ? b.pendingApprovals() : List.of();

    nextDay("Wed: approvals decided; a deal is lost");
    for (Approval approval : pending) {
      RepId approver = approval.approver().equals(wang) ? wang : qian;
      out.println("  " + name(approver) + " approves '" + approval.ruleKey() + "'");
      pipeline.approve(suzhou.id(), approval.id(), approver, "OK within quarterly margin");
    }
    advance(suzhou, li, "approved, contract goes to sales ops");
    StageMove lost = pipeline.markLost(wuxi.id(), zhang, "competitor", "competitor offered 12% lower price");
    report(lost);

    nextDay("Thu: Ningbo's quote");
    update(ningbo, han, Map.of("quote_no", "Q-2026-1112", "discount_pct", 8));
    advance(ningbo, han, "quote sent");

    nextDay("Fri: first payment at Suzhou");
    update(suzhou, li, Map.of("payment_received_pct", 30));
    advance(suzhou, qian, "30% down payment received");

    skipWeekend();
    day("Mon: week-two check");

    out.println();
    out.println("== SLA breaches, each reported once ==");
    for (RelayEvent e : events) {
      if (e instanceof PipelineEvent.SlaBreached b) {
        out.println("  " + dealName(b.deal()) + " in '" + b.stage() + "': due "
            + WHEN.format(ZonedDateTime.ofInstant(b.due(), SHANGHAI)) + ", responsible " + name(b.responsible()));
      }
    }
    out.println();
    out.println("== Customer pool 客户池 ==");
    for (AccountId id : List.of(suzhouCo, ningboCo, wuxiCo, changzhouCo)) {
      Account a = relay.pool().get(id);
      out.println("  " + a.name() + " (" + a.status().jsonName() + "): "
          + (a.owner() == null ? "public pool 公海" : "owned by " + name(a.owner()))
          + (a.collaborators().isEmpty() ? "" : ", collaborators " + a.collaborators().stream()
              .map(c -> name(c.rep())).toList())
          + ", last follow-up " + (a.lastFollowUpAt() == null ? "never"
              : WHEN.format(ZonedDateTime.ofInstant(a.lastFollowUpAt(), SHANGHAI))));
    }
    FunnelReport report = relay.funnel(tenant, Period.containing(PeriodKind.MONTH, clock.instant(), SHANGHAI));
    out.println();
    out.println("== Funnel report ==");
    out.println(report.render());
    commissions(Period.containing(PeriodKind.MONTH, clock.instant(), SHANGHAI));
    return report;
  }

  /** The month's commission statements under the playbook's plan, every line with its rule, and the leaderboard. */
  private void commissions(Period month) {
    out.println();
    out.println("== Commissions 提成 " + month.toString().split(" ")[0] + ", plan 'east_sales' ==");
    List<CommissionStatement> statements = relay.incentives().recalculate(tenant, "east_sales", month, Map.of(),
        List.of());
    for (CommissionStatement s : statements) {
      if (s.lines().isEmpty()) {
        continue;
      }
      out.println("  " + name(s.rep()) + ": " + s.total());
      for (StatementLine l : s.lines()) {
        out.println("      " + (l.deal() == null ? "" : dealName(l.deal()) + ": ") + l.kind().name().toLowerCase()
            + " on " + l.base().rounded() + (l.rate() == null ? "" : " at " + l.rate().movePointRight(2)
            .stripTrailingZeros().toPlainString() + "%") + (l.tier().isEmpty() ? "" : " (" + l.tier() + ")") + " = "
            + l.amount() + "   [" + l.component() + "]");
      }
    }
    out.println("  Earnings leaderboard 排行榜: " + String.join(", ", Leaderboard.byEarnings(statements).standings()
        .stream().filter(st -> st.value().signum() > 0)
        .map(st -> st.rank() + ". " + name(RepId.of(tenant, st.key())) + " " + st.value().toPlainString()).toList()));
  }

  private Playbook samplePlaybook() {
    try (InputStream in = FortnightDemo.class.getResourceAsStream("/playbooks/b2b-manufacturing.json")) {
      if (in == null) {
        throw new IllegalStateException("sample playbook missing from the class path");
      }
      return PlaybookJson.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void staffTheTeam() {
    TeamId sales = TeamId.of(tenant, "sales");
    TeamId east = TeamId.of(tenant, "east");
    TeamId backOffice = TeamId.of(tenant, "back-office");
    relay.org().saveTeam(new Team(sales, "销售部 Sales", null, RepId.of(tenant, "wang")));
    relay.org().saveTeam(new Team(east, "华东销售 East China sales", sales, RepId.of(tenant, "wang")));
    relay.org().saveTeam(new Team(backOffice, "商务与财务 Back office", null, null));
    hire("wang", "王经理 Manager Wang", sales, "sales_manager");
    hire("li", "李雷 Li Lei", east, "sales_rep");
    hire("han", "韩梅梅 Han Meimei", east, "sales_rep");
    hire("zhang", "张伟 Zhang Wei", east, "sales_rep");
    hire("zhao", "赵敏 Zhao Min", backOffice, "sales_ops");
    hire("qian", "钱多 Qian Duo", backOffice, "finance");
    hire("sun", "孙工 Engineer Sun", backOffice, "after_sales");
    out.println("Team: " + String.join(", ", people.keySet().stream().map(this::displayName).toList()));
    // Routing profiles: who counts as senior for A-grade leads.
    for (String id : List.of("wang", "li")) {
      relay.repProfiles().save(RepProfile.defaults(people.get(id)).toBuilder().seniority("senior").build());
    }
  }

  private void hire(String id, String displayName, TeamId team, String role) {
    RepId rep = RepId.of(tenant, id);
    relay.org().saveRep(Rep.of(rep, displayName, team, role).withZone(SHANGHAI));
    people.put(id, rep);
  }

  private AccountId intoPool(RepId ops, String name, String phone, String grade) {
    return relay.pool().create(tenant, NewAccount.intoPool(AccountKind.COMPANY, name, ops).withPhones(phone)
        .withFields(Map.of("region", "east", "grade", grade))).orThrow().id();
  }

  private LeadId captureLead(NewLead lead) {
    LeadCapture capture = relay.leads().capture(tenant, lead);
    if (capture instanceof LeadCapture.Captured captured) {
      RoutingDecision d = captured.decision();
      out.println("  ✉ lead " + lead.name() + " (" + lead.company() + ") → "
          + d.assigned().map(this::name).orElse(d.outcome().name()) + " by rule '" + d.ruleKey()
          + "', first contact within " + (d.firstContactSla().toHours() == 0
              ? d.firstContactSla().toMinutes() + " min" : d.firstContactSla().toHours() + " h"));
      d.reasons().forEach(r -> out.println("      · " + r.message()));
      return captured.lead().id();
    }
    throw new IllegalStateException("lead not captured: " + capture);
  }

  private void claim(AccountId account, RepId rep) {
    relay.pool().claim(account, rep).orThrow();
  }

  private Deal create(String name, RepId owner, String amount, Map<String, Object> fields, AccountId account) {
    Deal deal = pipeline.create(tenant, NewDeal.of(name, owner, Money.of(amount, "CNY")).withFields(fields)
        .forAccount(account));
    customerOf.put(deal.id(), account);
    return deal;
  }

  private void update(Deal deal, RepId actor, Map<String, ?> fields) {
    pipeline.updateFields(deal.id(), actor, fields);
  }

  private StageMove advance(Deal deal, RepId actor, String note) {
    if (note != null) {
      // Every step with the customer is a follow-up on the account, which keeps it out of the recycle sweep.
      relay.activities().log(tenant, NewActivity.of(ActivityKind.CALL,
          Subject.of(customerOf.get(deal.id()), deal.id()), actor, clock.instant(), note));
    }
    StageMove move = note == null ? pipeline.advance(deal.id(), actor) : pipeline.advance(deal.id(), actor, note);
    report(move);
    return move;
  }

  private void report(StageMove move) {
    if (move instanceof StageMove.Blocked blocked) {
      out.println("  ✗ " + blocked.deal().name() + " blocked (" + blocked.code().code() + "):");
      blocked.reasons().forEach(r -> out.println("      - " + r.message() + "   [" + r.rule() + "]"));
    }
  }

  private void day(String title) {
    out.println();
    out.println("-- " + WHEN.format(ZonedDateTime.ofInstant(clock.instant(), SHANGHAI)) + "  " + title);
  }

  private void nextDay(String title) {
    checkSlas();
    clock.advance(Duration.ofDays(1));
    day(title);
  }

  private void skipWeekend() {
    checkSlas();
    clock.advance(Duration.ofDays(3));
    checkSlas();
  }

  private void checkSlas() {
    // The host schedules these; each breach, warning and recycle is reported (and narrated from its event) once.
    relay.slaMonitor().checkBreaches(tenant);
    relay.recycleSweep().sweep(tenant);
    relay.leadSlaSweep().sweep(tenant);
  }

  private void narrate(RelayEvent event) {
    events.add(event);
    String line = null;
    if (event instanceof PipelineEvent.DealCreated e) {
      line = "+ " + dealName(e.deal()) + " created in '" + e.stage() + "', owner " + name(e.owner()) + ", "
          + e.amount();
    } else if (event instanceof PipelineEvent.StageChanged e) {
      line = "→ " + dealName(e.deal()) + ": " + e.from() + " → " + e.to() + " by " + name(e.actor())
          + ", now with " + name(e.responsible());
    } else if (event instanceof PipelineEvent.DealWon e) {
      line = "★ " + dealName(e.deal()) + " WON, " + e.amount();
    } else if (event instanceof PipelineEvent.DealLost e) {
      line = "✗ " + dealName(e.deal()) + " LOST in '" + e.stage() + "': " + e.reason()
          + (e.note() == null ? "" : " — " + e.note());
    } else if (event instanceof PipelineEvent.ApprovalRequested e) {
      line = "? approval '" + e.ruleKey() + "' requested from " + name(e.approver());
    } else if (event instanceof PipelineEvent.ApprovalGranted e) {
      line = "✓ approval '" + e.ruleKey() + "' granted by " + name(e.decidedBy());
    } else if (event instanceof LeadEvent.LeadRerouted e) {
      line = "↪ lead " + relay.leads().get(e.lead()).name() + " missed its first-contact SLA with " + name(e.from())
          + ": re-routed to " + (e.to() == null ? e.outcome().name() : name(e.to()));
    } else if (event instanceof AssignmentEvent.LeadEscalated e) {
      line = "⇡ lead " + relay.leads().get(e.lead()).name() + " escalated to " + name(e.escalatedTo());
    } else if (event instanceof PoolEvent.AccountClaimed e) {
      line = "◆ " + name(e.rep()) + " claimed " + accountName(e.account()) + " from the public pool 公海";
    } else if (event instanceof PoolEvent.CollaborationAccepted e) {
      line = "⇄ " + name(e.requester()) + " joins " + accountName(e.account()) + " as collaborator 协作";
    } else if (event instanceof PoolEvent.RecycleWarningIssued e) {
      line = "⏰ " + name(e.owner()) + ": " + accountName(e.account()) + " returns to the pool on "
          + WHEN.format(ZonedDateTime.ofInstant(e.due(), SHANGHAI)) + " without a follow-up";
    } else if (event instanceof PoolEvent.AccountRecycled e) {
      line = "♻ " + accountName(e.account()) + " recycled from " + name(e.from()) + " to the public pool: " + e.reason();
    } else if (event instanceof PipelineEvent.SlaBreached e) {
      line = "⚠ SLA breached: " + dealName(e.deal()) + " in '" + e.stage() + "' since "
          + WHEN.format(ZonedDateTime.ofInstant(e.enteredAt(), SHANGHAI)) + ", responsible " + name(e.responsible());
    }
    if (line != null) {
      out.println("  " + line);
    }
  }

  private String accountName(AccountId id) {
    return relay.pool().get(id).name();
  }

  private String dealName(DealId id) {
    return pipeline.get(id).name();
  }

  private String name(RepId rep) {
    return relay.org().rep(rep).map(Rep::name).orElse(rep.value());
  }

  private String displayName(String id) {
    return name(people.get(id));
  }
}
