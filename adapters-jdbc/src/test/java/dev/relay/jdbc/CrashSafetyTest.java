package dev.relay.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relay.Relay;
import dev.relay.common.AccountId;
import dev.relay.common.TenantId;
import dev.relay.pool.Account;
import dev.relay.pool.matching.MatchKey;
import dev.relay.testkit.ManualClock;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Crash safety: a child JVM bulk-importing customers (account + deal + task per unit of work) is killed with SIGKILL
 * mid-import. What it committed is whole — every account with its keys indexed, its deal and its task — what it did
 * not commit left no trace, and the outbox holds exactly the events of what is stored.
 */
class CrashSafetyTest {
  private static final TenantId ACME = BulkImportProcess.ACME;
  private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz";

  /** A distinct, unlike name per number (numbers alone would make the names look alike to duplicate screening). */
  static String customer(int n) {
    StringBuilder name = new StringBuilder();
    for (int x = n + 1; x > 0; x /= 26) {
      name.append(LETTERS.charAt(x % 26)).append(LETTERS.charAt((x * 7 + 3) % 26)).append(LETTERS.charAt((x * 11 + 5) % 26));
    }
    return "Kunde " + name + " " + LETTERS.charAt(n % 26) + " AG";
  }

  @Test
  void aKilledImportLeavesOnlyWholeAggregatesAndAnOutboxThatAgrees() throws Exception {
    TestDatabase database = TestDatabase.postgres();
    database.fresh();
    JdbcStorage storage = JdbcStorage.on(database.dataSource()).dialect(Dialect.postgres()).build();
    Relay relay = storage.plugInto(Relay.builder()).clock(ManualClock.at("2026-03-02T01:00:00Z")).build();
    relay.playbooks().publish(ACME, JdbcRelayScenarios.playbook());

    String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        BulkImportProcess.class.getName(), TestDatabase.postgresUrl())
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    int imported = -1;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
        StandardCharsets.UTF_8))) {
      for (String line; imported < 40 && (line = out.readLine()) != null; ) {
        if (line.startsWith("imported ")) {
          imported = Integer.parseInt(line.substring("imported ".length()));
        }
      }
      // Mid-import: the child is inside its next unit of work (or between two) when SIGKILL arrives.
      child.destroyForcibly();
      assertTrue(child.waitFor(30, TimeUnit.SECONDS));
    }
    assertTrue(imported >= 40, "the child imported " + imported);
    assertEquals(137, child.exitValue(), "killed by SIGKILL");

    List<Account> accounts = storage.accounts().findOwned(ACME);
    assertTrue(accounts.size() >= imported + 1, accounts.size() + " stored, " + (imported + 1) + " reported");
    Set<String> names = new HashSet<>();
    for (Account account : accounts) {
      names.add(account.name());
      AccountId id = account.id();
      assertEquals(1, storage.deals().findByAccount(id).size(), "the deal of " + account.name());
      assertEquals(1, storage.tasks().findOpenByAccount(id).size(), "the task of " + account.name());
      for (MatchKey key : account.keys()) {
        assertTrue(storage.accounts().accountsWithKeys(ACME, List.of(key)).contains(id), key + " indexed");
      }
    }
    for (int n = 0; n < accounts.size(); n++) {
      assertTrue(names.contains(customer(n)), "customers are imported in order, without gaps: " + customer(n));
    }
    int stored = accounts.size();
    assertEquals(stored, storage.deals().findAll(ACME).size());
    assertEquals(stored, storage.tasks().findOpen(ACME).size());

    Map<String, Integer> events = new HashMap<>();
    try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT event_type, COUNT(*) FROM relay_outbox GROUP BY event_type")) {
      while (rs.next()) {
        events.put(rs.getString(1), rs.getInt(2));
      }
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
    assertEquals(stored, events.get("pool.account_created"));
    assertEquals(stored, events.get("pipeline.deal_created"));
    assertEquals(stored, events.get("activity.task_created"));
  }
}
