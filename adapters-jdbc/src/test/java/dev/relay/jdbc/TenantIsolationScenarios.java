package dev.relay.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relay.activity.ActivitySamples;
import dev.relay.activity.TaskStatus;
import dev.relay.assignment.AssignmentRecord;
import dev.relay.assignment.RepProfile;
import dev.relay.assignment.Strategy;
import dev.relay.assignment.WeightedPointer;
import dev.relay.common.AccountId;
import dev.relay.common.ActivityId;
import dev.relay.common.DealId;
import dev.relay.common.Period;
import dev.relay.common.LeadId;
import dev.relay.common.NotFoundException;
import dev.relay.common.RepId;
import dev.relay.common.TaskId;
import dev.relay.common.TeamId;
import dev.relay.common.TenantId;
import dev.relay.fields.EntityKind;
import dev.relay.incentive.ClosedPeriodException;
import dev.relay.incentive.CommissionStatement;
import dev.relay.incentive.JdbcStatementSamples;
import dev.relay.lead.Lead;
import dev.relay.org.Rep;
import dev.relay.org.Team;
import dev.relay.lead.LeadSamples;
import dev.relay.lead.LeadStatus;
import dev.relay.pipeline.Deal;
import dev.relay.pipeline.DealSamples;
import dev.relay.pipeline.DealStatus;
import dev.relay.pool.Account;
import dev.relay.pool.AccountSamples;
import dev.relay.scoring.JdbcScoringSamples;
import dev.relay.scoring.StoredModel;
import dev.relay.activity.FollowUpTask;
import dev.relay.activity.Activity;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tenant isolation, method by method: tenant {@code acme} holds one of everything (playbook, deal, account with keys
 * and a name, activity, task, lead with keys, routing cursor, pointers, open lead and assignment, trained scoring
 * model, commission statement of a closed period), and every method of every repository, asked as tenant {@code globex} with acme's local ids, keys, names,
 * reps and time ranges, finds nothing and changes nothing. Also checks the schema: a tenant column on every table,
 * leading every key.
 */
abstract class TenantIsolationScenarios {
  static final TenantId ACME = TenantId.of("acme");
  static final TenantId GLOBEX = TenantId.of("globex");
  static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z");
  static final Instant EVER = Instant.parse("1970-01-01T00:00:00Z");
  static final Instant NEVER = Instant.parse("2999-01-01T00:00:00Z");
  static final Period MARCH = JdbcStatementSamples.MARCH;

  JdbcTransactionRunner runner;
  JdbcPlaybookRepository playbooks;
  JdbcDealRepository deals;
  JdbcAccountRepository accounts;
  JdbcActivityRepository activities;
  JdbcTaskRepository tasks;
  JdbcLeadRepository leads;
  JdbcRoutingState routing;
  JdbcScoringModelRepository scoringModels;
  JdbcStatementRepository statements;
  JdbcOrgDirectory org;
  JdbcRepProfiles profiles;

  Deal deal;
  Account account;
  Activity activity;
  FollowUpTask task;
  Lead lead;
  StoredModel model;
  CommissionStatement statement;
  Rep rep;
  Team team;
  RepProfile profile;

  abstract TestDatabase database();

  @BeforeEach
  void acmeHoldsOneOfEverything() {
    runner = database().fresh();
    SchemaSource schemas = (tenant, version, kind) -> switch (kind) {
      case DEAL -> DealSamples.PLAYBOOK.schema(kind);
      case LEAD -> LeadSamples.PLAYBOOK.schema(kind);
      default -> AccountSamples.PLAYBOOK.schema(kind);
    };
    playbooks = new JdbcPlaybookRepository(runner);
    deals = new JdbcDealRepository(runner, schemas);
    accounts = new JdbcAccountRepository(runner, schemas);
    activities = new JdbcActivityRepository(runner);
    tasks = new JdbcTaskRepository(runner);
    leads = new JdbcLeadRepository(runner, schemas);
    routing = new JdbcRoutingState(runner);
    scoringModels = new JdbcScoringModelRepository(runner);
    statements = new JdbcStatementRepository(runner);
    org = new JdbcOrgDirectory(runner);
    profiles = new JdbcRepProfiles(runner);

    playbooks.save(ACME, DealSamples.PLAYBOOK, T0);
    deal = DealSamples.openDeal(ACME, "D-1", AccountId.of(ACME, "C-1"));
    deals.insert(deal);
    account = AccountSamples.ownedAccount(ACME, "C-1", "");
    accounts.insert(account);
    activity = ActivitySamples.call(ACME, "ACT-1", "C-1", T0);
    activities.insert(activity);
    task = ActivitySamples.openTask(ACME, "T-1", T0.plusSeconds(3_600));
    tasks.insert(task);
    lead = LeadSamples.assignedLead(ACME, "L-1", RepId.of(ACME, "li"));
    leads.insert(lead);
    model = scoringModels.save(ACME, "lead_score", JdbcScoringSamples.model());
    RepId li = RepId.of(ACME, "li");
    statement = JdbcStatementSamples.march(li, "50.00", "D-1");
    statements.save(statement);
    statements.close(ACME, MARCH);
    team = new Team(TeamId.of(ACME, "east"), "East", null, null);
    org.saveTeam(team);
    rep = Rep.of(li, "Li", team.id(), "sales_rep");
    org.saveRep(rep);
    profile = RepProfile.builder(li).weight(2).skills("crm").paused(true).build();
    profiles.save(profile);
    routing.locked(ACME, ledger -> {
      ledger.moveCursor("inbound|team:east", li);
      ledger.putPointers("inbound|team:east", Map.of(li, WeightedPointer.zero(2)));
      ledger.recordAssignment(new AssignmentRecord(LeadId.of(ACME, "L-1"), li, "inbound", Strategy.ROUND_ROBIN, T0));
      return null;
    });
  }

  private static <T extends dev.relay.common.TenantScopedId> String local(T id) {
    return id.value();
  }

  @Test
  void everyReadAsAnotherTenantFindsNothing() {
    RepId li = RepId.of(GLOBEX, "li");
    AccountId c1 = AccountId.of(GLOBEX, local(account.id()));

    assertEquals(Optional.empty(), playbooks.current(GLOBEX));
    assertEquals(Optional.empty(), playbooks.version(GLOBEX, 1));
    assertEquals(List.of(), playbooks.history(GLOBEX));

    assertEquals(Optional.empty(), deals.find(DealId.of(GLOBEX, local(deal.id()))));
    assertEquals(List.of(), deals.findByStatus(GLOBEX, EnumSet.allOf(DealStatus.class)));
    assertEquals(List.of(), deals.findByAccount(c1));
    assertEquals(List.of(), deals.findOpen(GLOBEX));
    assertEquals(List.of(), deals.findAll(GLOBEX));

    assertEquals(Optional.empty(), accounts.find(c1));
    assertEquals(List.of(), accounts.findOwnedBy(li));
    assertEquals(List.of(), accounts.findOwned(GLOBEX));
    assertEquals(List.of(), accounts.findInPublicPool(GLOBEX));
    assertEquals(0, accounts.countClaimsSince(li, EVER));
    assertEquals(java.util.Set.of(), accounts.accountsWithKeys(GLOBEX, account.keys()));
    assertEquals(List.of(), accounts.nameCandidates(GLOBEX, "上海振华重工", 10));

    assertEquals(Optional.empty(), activities.find(ActivityId.of(GLOBEX, local(activity.id()))));
    assertEquals(List.of(), activities.findByAccount(c1, 100));
    assertEquals(List.of(), activities.findByDeal(DealId.of(GLOBEX, "D-1"), 100));
    assertEquals(List.of(), activities.findByAuthor(li, EVER, NEVER));
    assertEquals(Optional.empty(), activities.latestActivityAt(c1));

    assertEquals(Optional.empty(), tasks.find(TaskId.of(GLOBEX, local(task.id()))));
    assertEquals(List.of(), tasks.findOpen(GLOBEX));
    assertEquals(List.of(), tasks.findOpenByAccount(c1));
    assertEquals(List.of(), tasks.findByAssignee(li, EnumSet.allOf(TaskStatus.class)));
    assertEquals(List.of(), tasks.findOpenByAssignee(li));

    assertEquals(Optional.empty(), leads.find(LeadId.of(GLOBEX, local(lead.id()))));
    assertEquals(List.of(), leads.findByStatus(GLOBEX, EnumSet.allOf(LeadStatus.class)));
    assertEquals(List.of(), leads.findAssignedNotContacted(GLOBEX));
    assertEquals(List.of(), leads.leadsWithKeys(GLOBEX, lead.keys()));

    assertEquals(Optional.empty(), scoringModels.latest(GLOBEX, model.key()));
    assertEquals(Optional.empty(), scoringModels.find(GLOBEX, model.key(), model.version()));
    assertEquals(List.of(), scoringModels.keys(GLOBEX));

    assertEquals(Optional.empty(), statements.find(li, MARCH));
    assertEquals(List.of(), statements.findAll(GLOBEX, MARCH));
    assertEquals(List.of(), statements.findByRep(li));
    assertEquals(List.of(), statements.findByDeal(DealId.of(GLOBEX, "D-1")));
    assertEquals(false, statements.isClosed(GLOBEX, MARCH));

    assertEquals(Optional.empty(), org.rep(li));
    assertEquals(Optional.empty(), org.team(TeamId.of(GLOBEX, "east")));
    assertEquals(List.of(), org.reps(GLOBEX));
    assertEquals(List.of(), org.teams(GLOBEX));
    assertEquals(0, org.revision(GLOBEX));
    assertEquals(Optional.empty(), profiles.find(li));
    assertEquals(List.of(), profiles.all(GLOBEX));
    assertEquals(0, profiles.revision(GLOBEX));

    assertEquals(List.of(), routing.assignments(GLOBEX, EVER, NEVER));
    routing.locked(GLOBEX, ledger -> {
      assertEquals(Optional.empty(), ledger.cursor("inbound|team:east"));
      assertEquals(Map.of(), ledger.pointers("inbound|team:east"));
      assertEquals(0, ledger.openLeads(li));
      assertEquals(0, ledger.assignedSince(li, EVER));
      assertEquals(false, ledger.release(li, LeadId.of(GLOBEX, "L-1")));
      return null;
    });
  }

  @Test
  void everyWriteAsAnotherTenantLeavesTheFirstUntouched() {
    // Saves of acme's ids under globex find no row to change.
    assertThrows(NotFoundException.class, () -> deals.save(
        DealSamples.withMarker(DealSamples.openDeal(GLOBEX, "D-1"), "x"), 1));
    assertThrows(NotFoundException.class, () -> accounts.save(
        AccountSamples.withMarker(AccountSamples.ownedAccount(GLOBEX, "C-1", ""), 7), 1));
    assertThrows(NotFoundException.class, () -> tasks.save(
        ActivitySamples.retitled(ActivitySamples.openTask(GLOBEX, "T-1", T0), "x"), 1));
    assertThrows(NotFoundException.class, () -> leads.save(
        LeadSamples.contacted(LeadSamples.assignedLead(GLOBEX, "L-1", RepId.of(GLOBEX, "li")), T0), 1));

    // Inserts of the same local ids, keys and names under globex are separate records.
    playbooks.save(GLOBEX, LeadSamples.PLAYBOOK, T0);
    deals.insert(DealSamples.openDeal(GLOBEX, "D-1", AccountId.of(GLOBEX, "C-1")));
    accounts.insert(AccountSamples.ownedAccount(GLOBEX, "C-1", ""));
    activities.insert(ActivitySamples.call(GLOBEX, "ACT-1", "C-1", T0));
    tasks.insert(ActivitySamples.openTask(GLOBEX, "T-1", T0.plusSeconds(3_600)));
    leads.insert(LeadSamples.assignedLead(GLOBEX, "L-1", RepId.of(GLOBEX, "li")));
    assertEquals(1, scoringModels.save(GLOBEX, model.key(), JdbcScoringSamples.model()).version());
    // Acme's March is closed, globex's is not; globex then closes March and April of its own.
    statements.save(JdbcStatementSamples.march(RepId.of(GLOBEX, "li"), "70.00", "D-1"));
    statements.close(GLOBEX, MARCH);
    statements.close(GLOBEX, MARCH.next());
    RepId globexLi = RepId.of(GLOBEX, "li");
    long acmeOrg = org.revision(ACME);
    long acmeProfiles = profiles.revision(ACME);
    org.saveTeam(new Team(TeamId.of(GLOBEX, "east"), "East of globex", null, null));
    org.saveRep(Rep.of(globexLi, "Li of globex", TeamId.of(GLOBEX, "east"), "sales_manager"));
    profiles.save(RepProfile.builder(globexLi).weight(5).build());
    routing.locked(GLOBEX, ledger -> {
      ledger.moveCursor("inbound|team:east", RepId.of(GLOBEX, "sun"));
      ledger.putPointers("inbound|team:east", Map.of());
      ledger.release(globexLi, LeadId.of(GLOBEX, "L-1"));
      return null;
    });

    assertEquals(1, playbooks.history(ACME).size());
    assertEquals(DealSamples.PLAYBOOK, playbooks.current(ACME).orElseThrow().playbook());
    assertEquals(Optional.of(deal), deals.find(deal.id()));
    assertEquals(Optional.of(account), accounts.find(account.id()));
    assertEquals(java.util.Set.of(account.id()), accounts.accountsWithKeys(ACME, account.keys()));
    assertEquals(1, accounts.nameCandidates(ACME, "上海振华重工", 10).size());
    assertEquals(Optional.of(activity), activities.find(activity.id()));
    assertEquals(Optional.of(task), tasks.find(task.id()));
    assertEquals(Optional.of(lead), leads.find(lead.id()));
    assertEquals(List.of(lead), leads.leadsWithKeys(ACME, lead.keys()));
    assertEquals(Optional.of(model), scoringModels.latest(ACME, model.key()));
    assertEquals(List.of(model.key()), scoringModels.keys(ACME));
    assertEquals(Optional.of(statement), statements.find(statement.rep(), MARCH));
    assertEquals(List.of(statement), statements.findAll(ACME, MARCH));
    assertEquals(List.of(statement), statements.findByDeal(DealId.of(ACME, "D-1")));
    assertEquals(false, statements.isClosed(ACME, MARCH.next()));
    assertThrows(ClosedPeriodException.class,
        () -> statements.save(JdbcStatementSamples.march(statement.rep(), "1.00", "D-2")));
    RepId li = RepId.of(ACME, "li");
    assertEquals(Optional.of(rep), org.rep(li));
    assertEquals(List.of(rep), org.reps(ACME));
    assertEquals(List.of(team), org.teams(ACME));
    assertEquals(acmeOrg, org.revision(ACME));
    assertEquals(List.of(profile), profiles.all(ACME));
    assertEquals(acmeProfiles, profiles.revision(ACME));
    routing.locked(ACME, ledger -> {
      assertEquals(Optional.of(li), ledger.cursor("inbound|team:east"));
      assertEquals(Map.of(li, WeightedPointer.zero(2)), ledger.pointers("inbound|team:east"));
      assertEquals(1, ledger.openLeads(li));
      return null;
    });
  }

  @Test
  void everyTableHasATenantColumnLeadingEveryKey() throws SQLException {
    List<String> problems = new ArrayList<>();
    try (Connection c = database().dataSource().getConnection()) {
      DatabaseMetaData meta = c.getMetaData();
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = meta.getTables(null, null, "%", new String[] {"TABLE"})) {
        while (rs.next()) {
          String name = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
          if (name.startsWith("relay_") && !name.equals(RelaySchema.HISTORY_TABLE)) {
            tables.add(rs.getString("TABLE_NAME"));
          }
        }
      }
      assertTrue(tables.size() >= 25, "tables found: " + tables);
      for (String table : tables) {
        boolean tenantColumn = false;
        try (ResultSet rs = meta.getColumns(null, null, table, null)) {
          while (rs.next()) {
            tenantColumn |= rs.getString("COLUMN_NAME").equalsIgnoreCase("tenant_id");
          }
        }
        if (!tenantColumn) {
          problems.add(table + " has no tenant_id");
        }
        // Keys lead with the tenant, except the outbox's and the assignment log's global sequence numbers.
        try (ResultSet rs = meta.getPrimaryKeys(null, null, table)) {
          while (rs.next()) {
            String column = rs.getString("COLUMN_NAME");
            if (rs.getShort("KEY_SEQ") == 1 && !column.equalsIgnoreCase("tenant_id")
                && !column.equalsIgnoreCase("seq")) {
              problems.add(table + " key starts with " + column);
            }
          }
        }
      }
    }
    assertEquals(List.of(), problems);
  }
}
