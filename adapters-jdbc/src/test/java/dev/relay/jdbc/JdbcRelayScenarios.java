package dev.relay.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relay.Relay;
import dev.relay.activity.NewTask;
import dev.relay.activity.Subject;
import dev.relay.assignment.RepProfile;
import dev.relay.assignment.RoutingOutcome;
import dev.relay.common.DealId;
import dev.relay.common.Money;
import dev.relay.common.RepId;
import dev.relay.common.TeamId;
import dev.relay.common.TenantId;
import dev.relay.fields.EntityKind;
import dev.relay.fields.FieldDefinition;
import dev.relay.fields.FieldType;
import dev.relay.fields.FieldValues;
import dev.relay.incentive.ClosedPeriodException;
import dev.relay.incentive.CommissionStatement;
import dev.relay.incentive.JdbcStatementSamples;
import dev.relay.lead.LeadCapture;
import dev.relay.lead.NewLead;
import dev.relay.org.Rep;
import dev.relay.org.Team;
import dev.relay.pipeline.Deal;
import dev.relay.pipeline.NewDeal;
import dev.relay.pipeline.PipelineDefinition;
import dev.relay.pipeline.StageDefinition;
import dev.relay.playbook.LeadScoringPlaybook;
import dev.relay.playbook.Playbook;
import dev.relay.pool.Account;
import dev.relay.pool.AccountStatus;
import dev.relay.pool.NewAccount;
import dev.relay.pool.PoolPolicy;
import dev.relay.scoring.Score;
import dev.relay.scoring.StoredModel;
import dev.relay.scoring.TrainingSet;
import dev.relay.testkit.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The whole engine on JDBC storage: the facade's capabilities working together through {@link JdbcStorage}, every
 * change and its events committed together in the outbox, a failed unit of work leaving nothing behind. Run on each
 * database by an empty subclass.
 */
abstract class JdbcRelayScenarios {
  static final TenantId ACME = TenantId.of("acme");
  static final RepId LI = RepId.of(ACME, "li");
  static final RepId ZHANG = RepId.of(ACME, "zhang");
  static final RepId WANG = RepId.of(ACME, "wang");

  final ManualClock clock = ManualClock.at("2026-03-02T01:00:00Z");
  JdbcStorage storage;
  Relay relay;

  abstract TestDatabase database();

  @BeforeEach
  void engineOnAnEmptyDatabase() {
    database().fresh();
    storage = JdbcStorage.on(database().dataSource()).dialect(database().dialect()).build();
    relay = storage.plugInto(Relay.builder()).clock(clock).build();
    relay.playbooks().publish(ACME, playbook());
    TeamId east = TeamId.of(ACME, "east");
    relay.org().saveTeam(new Team(east, "East", null, WANG));
    relay.org().saveRep(Rep.of(WANG, "Wang", east, "sales_manager"));
    relay.org().saveRep(Rep.of(LI, "Li", east, "sales_rep"));
    relay.org().saveRep(Rep.of(ZHANG, "Zhang", east, "sales_rep"));
  }

  static Playbook playbook() {
    return Playbook.builder()
        .customField(EntityKind.ACCOUNT, FieldDefinition.custom("industry", FieldType.STRING))
        .pipeline(PipelineDefinition.builder("sales", "Sales")
            .stage(StageDefinition.builder("lead", "线索 Lead", 10))
            .stage(StageDefinition.builder("contract", "签约 Contract", 100))
            .stage(StageDefinition.builder("payment", "回款 Payment", 100))
            .wonStage("contract")
            .lostReason("price", "Price"))
        .pool(PoolPolicy.defaults())
        .build();
  }

  private Account zhenhua() {
    return relay.pool().create(ACME, NewAccount.company("上海振华重工（集团）股份有限公司", LI)
        .withPhones("021-6888 8888")).orThrow();
  }

  @Test
  void aTransferTakesTheAccountsOpenDealsAndTasksAlongInTheDatabase() {
    Account account = zhenhua();
    Deal deal = relay.pipeline().create(ACME, NewDeal.of("Cranes", LI, Money.of("900000", "CNY"))
        .forAccount(account.id()));
    relay.activities().createTask(ACME, NewTask.of(Subject.ofAccount(account.id()), LI, "回访 Call back",
        clock.instant().plus(Duration.ofDays(2))));

    relay.pool().transfer(account.id(), ZHANG, LI, "李雷调往华北，客户交张伟跟进 Li moves north").orThrow();

    assertEquals(ZHANG, storage.accounts().find(account.id()).orElseThrow().owner());
    assertEquals(ZHANG, storage.deals().find(deal.id()).orElseThrow().owner());
    assertEquals(List.of(ZHANG), storage.tasks().findOpenByAccount(account.id()).stream()
        .map(t -> t.assignee()).toList());
  }

  @Test
  void winningADealMakesTheAccountACustomer() {
    Account account = zhenhua();
    Deal deal = relay.pipeline().create(ACME, NewDeal.of("Cranes", LI, Money.of("900000", "CNY"))
        .forAccount(account.id()));

    relay.pipeline().markWon(deal.id(), LI).orThrow();

    assertEquals(AccountStatus.CUSTOMER, storage.accounts().find(account.id()).orElseThrow().status());
  }

  @Test
  void aLeadFromAnOwnedCustomerGoesToItsOwnerAndOthersAreRouted() {
    zhenhua();

    LeadCapture.Captured ownersLead = (LeadCapture.Captured) relay.leads().capture(ACME,
        NewLead.of("website", "周总 Mr. Zhou").withCompany("上海振华重工股份有限公司").withPhones("+86 139 1111 2222"));
    LeadCapture.Captured newLead = (LeadCapture.Captured) relay.leads().capture(ACME,
        NewLead.of("trade_show", "Anna Schmidt").withCompany("Bosch Rexroth AG").withPhones("+49 9352 180"));

    assertEquals(LI, ownersLead.lead().owner());
    assertEquals(RoutingOutcome.ASSIGNED, newLead.decision().outcome());
    assertEquals(newLead.lead(), storage.leads().find(newLead.lead().id()).orElseThrow());
    assertEquals(1, storage.routingState().assignments(ACME, clock.instant(), clock.instant().plusSeconds(1)).stream()
        .filter(r -> r.lead().equals(newLead.lead().id())).count());
  }

  @Test
  void everyChangesEventsAreInTheOutboxAndTheRelayDeliversThemInOrderOnce() {
    zhenhua();
    relay.leads().capture(ACME, NewLead.of("website", "Anna Schmidt").withCompany("Bosch Rexroth AG")
        .withPhones("+49 9352 180"));
    OutboxRelay outbox = storage.outboxRelay(clock);
    long pending = outbox.pending();
    assertTrue(pending >= 3, "account created, lead captured, lead routed: " + pending);

    List<OutboxEvent> delivered = new ArrayList<>();
    assertEquals(pending, outbox.drainAll(2, delivered::add));

    assertEquals(0, outbox.pending());
    assertEquals(0, outbox.drain(10, delivered::add));
    assertEquals(delivered.size(), new HashSet<>(delivered.stream().map(OutboxEvent::id).toList()).size());
    for (int i = 1; i < delivered.size(); i++) {
      assertTrue(delivered.get(i - 1).seq() < delivered.get(i).seq(), "in the order written");
    }
    assertEquals(ACME, delivered.get(0).tenant());
    assertTrue(delivered.get(0).payload().contains("上海振华重工"), delivered.get(0).payload());
  }

  @Test
  void aFailedDeliveryLeavesTheBatchForTheNextDrain() {
    zhenhua();
    OutboxRelay outbox = storage.outboxRelay(clock);
    long pending = outbox.pending();

    assertThrows(IllegalStateException.class, () -> outbox.drain(10, e -> {
      throw new IllegalStateException("webhook down");
    }));

    assertEquals(pending, outbox.pending());
    assertEquals(pending, outbox.drainAll(10, e -> { }));
  }

  @Test
  void aUnitOfWorkThatFailsLeavesNeitherStateNorEvents() {
    OutboxRelay outbox = storage.outboxRelay(clock);
    long before = outbox.pending();

    assertThrows(IllegalStateException.class, () -> storage.transactions().inTransaction(() -> {
      Account account = zhenhua();
      relay.pipeline().create(ACME, NewDeal.of("Cranes", LI, Money.of("900000", "CNY")).forAccount(account.id()));
      throw new IllegalStateException("the host's own write failed");
    }));

    assertEquals(List.of(), storage.accounts().findOwned(ACME));
    assertEquals(List.of(), storage.deals().findAll(ACME));
    assertEquals(before, outbox.pending());
  }

  @Test
  void nestedUnitsOfWorkCommitOnceWithTheOuterOne() {
    storage.transactions().inTransaction(() -> {
      zhenhua();
      assertTrue(storage.transactions().inUnitOfWork());
      return storage.transactions().inTransaction(() -> relay.pool().create(ACME,
          NewAccount.company("Bosch Rexroth AG", ZHANG)).orThrow());
    });

    assertEquals(2, storage.accounts().findOwned(ACME).size());
  }

  @Test
  void eventsOfAUnitOfWorkAreSeenByItsLaterStatementsAndCommitWithIt() {
    OutboxRelay outbox = storage.outboxRelay(clock);
    long before = outbox.pending();

    long inside = storage.transactions().inTransaction(() -> {
      zhenhua();
      return outbox.pending();
    });

    assertTrue(inside > before, "the account's event, read back in its own unit of work: " + inside);
    assertEquals(inside, outbox.pending());
  }

  @Test
  void manyEventsInOneUnitOfWorkAllCommitOnce() {
    OutboxRelay outbox = storage.outboxRelay(clock);
    long before = outbox.pending();

    storage.transactions().inTransaction(() -> {
      for (int i = 0; i < 40; i++) {
        relay.pool().create(ACME, NewAccount.company("Company " + i + " GmbH", ZHANG)).orThrow();
      }
      return null;
    });

    assertEquals(40, storage.accounts().findOwnedBy(ZHANG).size());
    List<OutboxEvent> delivered = new ArrayList<>();
    outbox.drainAll(100, delivered::add);
    assertTrue(delivered.size() - before >= 40, "one event per account at least: " + delivered.size());
    assertEquals(delivered.size(), new HashSet<>(delivered.stream().map(OutboxEvent::id).toList()).size());
  }

  @Test
  void aCaptureThatFailsAfterPublishingLeavesNoEvents() {
    OutboxRelay outbox = storage.outboxRelay(clock);
    long before = outbox.pending();

    assertThrows(IllegalStateException.class, () -> storage.transactions().inTransaction(() -> {
      relay.leads().capture(ACME, NewLead.of("website", "Anna Schmidt").withPhones("+49 9352 180"));
      throw new IllegalStateException("the host's own write failed");
    }));

    assertEquals(before, outbox.pending());
    assertEquals(List.of(), storage.routingState().assignments(ACME, clock.instant().minusSeconds(60),
        clock.instant().plusSeconds(60)));
  }

  @Test
  void deliveredEventsPastTheRetentionArePurgedInBatchesAndPendingOnesKept() {
    OutboxRelay outbox = storage.outboxRelay(clock);
    for (int i = 0; i < 5; i++) {
      relay.pool().create(ACME, NewAccount.company("Old Company " + i + " GmbH", ZHANG)).orThrow();
    }
    int old = outbox.drainAll(100, e -> { });
    clock.advance(Duration.ofDays(8));
    relay.pool().create(ACME, NewAccount.company("Recent Company GmbH", ZHANG)).orThrow();
    int recent = outbox.drainAll(100, e -> { });
    relay.pool().create(ACME, NewAccount.company("Pending Company GmbH", ZHANG)).orThrow();
    long pending = outbox.pending();

    int purged = outbox.purgeDelivered(Duration.ofDays(7), 2);

    assertEquals(old, purged);
    assertEquals(pending, outbox.pending());
    assertEquals(recent + pending, outboxRows());
    assertEquals(0, outbox.purgeDelivered(Duration.ofDays(7), 2));
    assertEquals(0, outbox.purgeDelivered(Duration.ZERO, 100), "delivered this very instant: not past any retention");
    clock.advance(Duration.ofSeconds(1));
    assertEquals(recent, outbox.purgeDelivered(Duration.ZERO, 100));
    assertEquals(pending, outboxRows());
  }

  @Test
  void aPurgeRefusesBadArgumentsAndUnitsOfWork() {
    OutboxRelay outbox = storage.outboxRelay(clock);

    assertThrows(IllegalArgumentException.class, () -> outbox.purgeDelivered(Duration.ofDays(-1), 10));
    assertThrows(IllegalArgumentException.class, () -> outbox.purgeDelivered(Duration.ofDays(7), 0));
    assertThrows(IllegalStateException.class, () -> storage.transactions().inTransaction(
        () -> outbox.purgeDelivered(Duration.ofDays(7), 10)));
  }

  @Test
  void aRepPausedThroughOneEngineIsSkippedByAnotherEnginesRouterOnTheNextLead() {
    Relay other = JdbcStorage.on(database().dataSource()).dialect(database().dialect()).build()
        .plugInto(Relay.builder()).clock(clock).build();
    // Engine B routes once first, so its router holds the tenant's rosters and profiles at the current revisions.
    LeadCapture.Captured before = (LeadCapture.Captured) other.leads().capture(ACME,
        NewLead.of("trade_show", "Anna Schmidt").withCompany("Bosch Rexroth AG").withPhones("+49 9352 180"));
    assertEquals(RoutingOutcome.ASSIGNED, before.decision().outcome());

    relay.repProfiles().save(RepProfile.builder(LI).paused(true).build());

    List<RepId> owners = new java.util.ArrayList<>();
    for (int i = 0; i < 4; i++) {
      LeadCapture.Captured next = (LeadCapture.Captured) other.leads().capture(ACME,
          NewLead.of("trade_show", "Visitor " + i).withCompany("Company " + i).withPhones("+49 30 100 00" + i));
      assertEquals(RoutingOutcome.ASSIGNED, next.decision().outcome());
      owners.add(next.lead().owner());
    }
    assertFalse(owners.contains(LI), "leads routed by engine B after Li paused on engine A: " + owners);
    assertTrue(other.repProfiles().profileOf(LI).paused());
  }

  @Test
  void aPauseSavedInAUnitOfWorkThatFailsLeavesTheProfileAndItsRevision() {
    long profiles = storage.repProfiles().revision(ACME);
    long org = storage.org().revision(ACME);

    assertThrows(IllegalStateException.class, () -> storage.transactions().inTransaction(() -> {
      relay.repProfiles().save(RepProfile.builder(LI).paused(true).build());
      relay.org().saveRep(Rep.of(LI, "Li", null, "sales_rep"));
      throw new IllegalStateException("the host's own write failed");
    }));

    assertEquals(java.util.Optional.empty(), storage.repProfiles().find(LI));
    assertEquals(profiles, storage.repProfiles().revision(ACME));
    assertEquals(TeamId.of(ACME, "east"), storage.org().rep(LI).orElseThrow().team());
    assertEquals(org, storage.org().revision(ACME));
  }

  @Test
  void aRevisionSeenInsideAFailedUnitOfWorkIsNeverReusedForAnotherState() {
    long[] seenInside = new long[1];
    assertThrows(IllegalStateException.class, () -> storage.transactions().inTransaction(() -> {
      relay.repProfiles().save(RepProfile.builder(LI).paused(true).build());
      // A router in this unit of work would cache Li as paused under this revision.
      seenInside[0] = storage.repProfiles().revision(ACME);
      throw new IllegalStateException("the host's own write failed");
    }));

    relay.repProfiles().save(RepProfile.builder(LI).weight(2).build());

    assertNotEquals(seenInside[0], storage.repProfiles().revision(ACME));
  }

  @Test
  void aModelTrainedByOneEngineScoresAlikeInAnotherOnTheSameDatabase() {
    relay.playbooks().publish(ACME, LeadScoringPlaybook.built());
    TrainingSet.Builder history = relay.scoring().history(ACME, "lead_score");
    for (int i = 0; i < 400; i++) {
      history.add(Map.of("industry", i % 3 == 0 ? "bank" : "retail", "employees", (long) (i % 50) * 40,
          "budget", (long) i * 1000), i % 3 == 0 ? i % 2 == 0 : i % 10 == 0, clock.instant(), null);
    }
    StoredModel trained = relay.scoring().train(ACME, "lead_score", history.build());
    Relay other = JdbcStorage.on(database().dataSource()).dialect(database().dialect()).build()
        .plugInto(Relay.builder()).clock(clock).build();

    FieldValues lead = FieldValues.empty(LeadScoringPlaybook.built().schema(EntityKind.LEAD))
        .with(Map.of("industry", "bank", "employees", 2000), false);
    Score here = relay.scoring().scoring(ACME, "lead_score").score(lead, List.of(), null);
    Score there = other.scoring().scoring(ACME, "lead_score").score(lead, List.of(), null);

    assertEquals(1, trained.version());
    assertEquals(here, there);
    assertEquals(2, other.scoring().train(ACME, "lead_score", history.build()).version());
  }

  @Test
  void aPeriodClosedByOneEngineIsClosedInAnotherOnTheSameDatabase() {
    CommissionStatement paid = JdbcStatementSamples.march(LI, "50.00", "D-1");
    storage.statements().save(paid);

    relay.incentives().ledger().close(ACME, JdbcStatementSamples.MARCH);
    JdbcStorage other = JdbcStorage.on(database().dataSource()).dialect(database().dialect()).build();

    assertTrue(other.statements().isClosed(ACME, JdbcStatementSamples.MARCH));
    assertThrows(ClosedPeriodException.class,
        () -> other.statements().save(JdbcStatementSamples.march(LI, "99.00", "D-2")));
    assertEquals(Optional.of(paid), other.plugInto(Relay.builder()).clock(clock).build()
        .incentives().ledger().statement(LI, JdbcStatementSamples.MARCH));
  }

  @Test
  void aStatementSavedInAUnitOfWorkThatFailsLeavesNothing() {
    assertThrows(IllegalStateException.class, () -> storage.transactions().inTransaction(() -> {
      storage.statements().save(JdbcStatementSamples.march(LI, "50.00", "D-1"));
      storage.statements().close(ACME, JdbcStatementSamples.MARCH.next());
      throw new IllegalStateException("the host's own write failed");
    }));

    assertEquals(Optional.empty(), storage.statements().find(LI, JdbcStatementSamples.MARCH));
    assertEquals(List.of(), storage.statements().findByDeal(DealId.of(ACME, "D-1")));
    assertEquals(false, storage.statements().isClosed(ACME, JdbcStatementSamples.MARCH.next()));
  }

  @Test
  void aRecalculatedStatementNoLongerNamingADealIsNotFoundByIt() {
    storage.statements().save(JdbcStatementSamples.march(LI, "50.00", "D-1", "D-2"));
    storage.statements().save(JdbcStatementSamples.march(ZHANG, "20.00", "D-1"));
    CommissionStatement recalculated = JdbcStatementSamples.march(LI, "50.00", "D-2");

    storage.statements().save(recalculated);

    assertEquals(List.of(JdbcStatementSamples.march(ZHANG, "20.00", "D-1")),
        storage.statements().findByDeal(DealId.of(ACME, "D-1")));
    assertEquals(List.of(recalculated), storage.statements().findByDeal(DealId.of(ACME, "D-2")));
  }

  private long outboxRows() {
    return storage.transactions().withConnection(c -> Statements.query(c, "SELECT COUNT(*) FROM relay_outbox",
        rs -> rs.getLong(1)).get(0));
  }
}
