package dev.relay.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.relay.Relay;
import dev.relay.assignment.AssignmentPolicy;
import dev.relay.assignment.CapacityCap;
import dev.relay.assignment.NoEligibleAction;
import dev.relay.assignment.RoutingOutcome;
import dev.relay.assignment.RoutingRule;
import dev.relay.assignment.Strategy;
import dev.relay.assignment.Target;
import dev.relay.common.AccountId;
import dev.relay.common.RepId;
import dev.relay.common.TeamId;
import dev.relay.common.TenantId;
import dev.relay.common.UuidIdGenerator;
import dev.relay.lead.LeadCapture;
import dev.relay.lead.NewLead;
import dev.relay.org.Rep;
import dev.relay.org.Team;
import dev.relay.pipeline.PipelineDefinition;
import dev.relay.pipeline.StageDefinition;
import dev.relay.playbook.Playbook;
import dev.relay.pool.AccountChange;
import dev.relay.pool.AccountKind;
import dev.relay.pool.NewAccount;
import dev.relay.pool.PoolPolicy;
import dev.relay.testkit.ManualClock;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two engines, one database: two {@link Relay} instances, each with its own HikariCP pool on the same PostgreSQL and 8
 * threads, race to claim the same 1,000 accounts and then route 10,000 leads under an open-leads cap. The database
 * keeps the invariants: one owner per account, no cap exceeded, every event in the outbox exactly once — and two
 * outbox relays draining side by side with {@code SKIP LOCKED} deliver each event once.
 */
class TwoEnginesOnePostgresTest {
  static final TenantId ACME = TenantId.of("acme");
  static final int REPS = 16;
  static final int ACCOUNTS = 1_000;
  static final int LEADS = 10_000;
  static final int CAP = 600;
  static final int THREADS_PER_ENGINE = 8;
  /** Threads 2k and 2k+1 (one per engine) form pairs; pairs k and k+4 race for the same quarter of the accounts. */
  static final int RACERS_GROUPS = 4;

  private final ManualClock clock = ManualClock.at("2026-03-02T01:00:00Z");
  private final List<HikariDataSource> pools = new ArrayList<>();
  private final ExecutorService threads = Executors.newFixedThreadPool(2 * THREADS_PER_ENGINE);

  @AfterEach
  void closePools() {
    threads.shutdownNow();
    pools.forEach(HikariDataSource::close);
  }

  private static RepId rep(int i) {
    return RepId.of(ACME, String.format("r%02d", i));
  }

  private Engine engine() {
    HikariDataSource pool = TestDatabase.pool(TestDatabase.postgresUrl(), THREADS_PER_ENGINE + 2);
    pools.add(pool);
    JdbcStorage storage = JdbcStorage.on(pool).dialect(Dialect.postgres()).build();
    Relay relay = storage.plugInto(Relay.builder()).clock(clock).ids(new UuidIdGenerator()).build();
    TeamId east = TeamId.of(ACME, "east");
    relay.org().saveTeam(new Team(east, "East", null, rep(0)));
    for (int i = 0; i < REPS; i++) {
      relay.org().saveRep(Rep.of(rep(i), "Rep " + i, east, "sales_rep"));
    }
    return new Engine(relay, storage);
  }

  private record Engine(Relay relay, JdbcStorage storage) {}

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
                .cap(CapacityCap.openLeads(CAP))
                .whenNoneEligible(NoEligibleAction.QUEUE)))
        .build();
  }

  /** A pronounceable name of its own for each number, so that no two accounts look alike. */
  static String name(Random random) {
    String syllables = "ba be bi bo bu ka ke ki ko ku la le li lo lu ma me mi mo mu na ne ni no nu ra re ri ro ru"
        + " sa se si so su ta te ti to tu va ve vi vo vu za ze zi zo zu";
    String[] s = syllables.split(" ");
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < 5; i++) {
      out.append(s[random.nextInt(s.length)]);
    }
    return Character.toUpperCase(out.charAt(0)) + out.substring(1) + " GmbH";
  }

  @Test
  void twoEnginesRaceForAccountsAndLeadsAndTheDatabaseKeepsEveryInvariant() throws Exception {
    TestDatabase.postgres().fresh();
    Engine a = engine();
    Engine b = engine();
    a.relay().playbooks().publish(ACME, playbook());

    // 1,000 accounts in the public pool, created by both engines at once.
    Random random = new Random(42);
    Set<String> names = new HashSet<>();
    while (names.size() < ACCOUNTS) {
      names.add(name(random));
    }
    List<String> accountNames = new ArrayList<>(names);
    List<AccountId> accounts = Collections.synchronizedList(new ArrayList<>());
    runOnBothEngines(a, b, (engine, thread) -> {
      for (int i = thread; i < ACCOUNTS; i += 2 * THREADS_PER_ENGINE) {
        accounts.add(engine.relay().pool().create(ACME, NewAccount.intoPool(AccountKind.COMPANY, accountNames.get(i),
            rep(0))).orThrow().id());
      }
    });
    assertEquals(ACCOUNTS, accounts.size());

    // Each account is raced for by four threads, two of each engine, each thread as its own rep in its own order.
    Map<AccountId, Set<RepId>> winners = new ConcurrentHashMap<>();
    AtomicInteger claimed = new AtomicInteger();
    runOnBothEngines(a, b, (engine, thread) -> {
      List<AccountId> order = new ArrayList<>();
      for (int i = 0; i < ACCOUNTS; i++) {
        if (i % RACERS_GROUPS == (thread / 2) % RACERS_GROUPS) {
          order.add(accounts.get(i));
        }
      }
      Collections.shuffle(order, new Random(thread));
      RepId me = rep(thread);
      for (AccountId id : order) {
        if (engine.relay().pool().claim(id, me) instanceof AccountChange.Changed) {
          claimed.incrementAndGet();
          winners.computeIfAbsent(id, x -> ConcurrentHashMap.newKeySet()).add(me);
        }
      }
    });

    // 10,000 leads captured and routed by both engines at once, each capture one unit of work.
    Map<RoutingOutcome, AtomicInteger> outcomes = new ConcurrentHashMap<>();
    runOnBothEngines(a, b, (engine, thread) -> {
      for (int i = thread; i < LEADS; i += 2 * THREADS_PER_ENGINE) {
        int n = i;
        LeadCapture capture = engine.storage().transactions().inTransaction(() -> engine.relay().leads().capture(ACME,
            NewLead.of("website", "Lead " + n).withEmails("lead" + n + "@example.com")));
        outcomes.computeIfAbsent(((LeadCapture.Captured) capture).decision().outcome(), o -> new AtomicInteger())
            .incrementAndGet();
      }
    });

    // One owner per account: exactly one claim won each account, and the store agrees.
    assertEquals(ACCOUNTS, claimed.get());
    assertEquals(ACCOUNTS, winners.size());
    winners.forEach((id, reps) -> assertEquals(1, reps.size(), id + " won by " + reps));
    Map<String, Integer> claimsPerAccount = counts("SELECT account_id, COUNT(*) FROM relay_account_claim"
        + " GROUP BY account_id");
    assertEquals(ACCOUNTS, claimsPerAccount.size());
    assertTrue(claimsPerAccount.values().stream().allMatch(n -> n == 1), "one claim in each account's history");
    for (var owned : a.storage().accounts().findOwned(ACME)) {
      assertEquals(winners.get(owned.id()), Set.of(owned.owner()));
    }

    // No cap exceeded: open leads per rep, in the routing state and in the leads themselves.
    assertEquals(REPS * CAP, outcomes.get(RoutingOutcome.ASSIGNED).get());
    assertEquals(LEADS - REPS * CAP, outcomes.get(RoutingOutcome.QUEUED).get());
    Map<String, Integer> open = counts("SELECT rep_id, COUNT(*) FROM relay_routing_open_lead GROUP BY rep_id");
    Map<String, Integer> owned = counts("SELECT owner_id, COUNT(*) FROM relay_lead WHERE owner_id IS NOT NULL"
        + " GROUP BY owner_id");
    assertEquals(REPS, open.size());
    open.values().forEach(n -> assertTrue(n <= CAP, "open leads " + open));
    assertEquals(open, owned);

    // Every event in the outbox exactly once: one claim event per won account, one capture and one routing event per
    // lead, no id twice; two relays draining side by side deliver each event once.
    Map<String, Integer> byType = counts("SELECT event_type, COUNT(*) FROM relay_outbox GROUP BY event_type");
    assertEquals(ACCOUNTS, byType.get("pool.account_created"));
    assertEquals(ACCOUNTS, byType.get("pool.account_claimed"));
    assertEquals(LEADS, byType.get("lead.captured"));
    int total = counts("SELECT 'all', COUNT(*) FROM relay_outbox").get("all");
    assertEquals(total, counts("SELECT 'all', COUNT(DISTINCT event_id) FROM relay_outbox").get("all"));
    Map<String, Integer> delivered = new ConcurrentHashMap<>();
    List<Callable<Integer>> relays = List.of(
        () -> a.storage().outboxRelay(clock).drainAll(200, e -> delivered.merge(e.id(), 1, Integer::sum)),
        () -> b.storage().outboxRelay(clock).drainAll(200, e -> delivered.merge(e.id(), 1, Integer::sum)));
    int drained = 0;
    for (Future<Integer> f : threads.invokeAll(relays)) {
      drained += f.get();
    }
    assertEquals(total, drained);
    assertEquals(total, delivered.size());
    assertTrue(delivered.values().stream().allMatch(n -> n == 1));
  }

  private Map<String, Integer> counts(String sql) throws SQLException {
    Map<String, Integer> out = new HashMap<>();
    try (Connection c = TestDatabase.postgres().dataSource().getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getInt(2));
      }
    }
    return out;
  }

  private interface Work {
    void run(Engine engine, int thread) throws Exception;
  }

  /** Runs {@code work} on 8 threads of each engine, all starting together; rethrows the first failure. */
  private void runOnBothEngines(Engine a, Engine b, Work work) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> running = new ArrayList<>();
    for (int t = 0; t < 2 * THREADS_PER_ENGINE; t++) {
      int thread = t;
      Engine engine = t % 2 == 0 ? a : b;
      running.add(threads.submit(() -> {
        start.await();
        work.run(engine, thread);
        return null;
      }));
    }
    start.countDown();
    for (Future<?> f : running) {
      f.get();
    }
  }
}
