package dev.relay.benchmarks.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Both sides of {@link LeadPersistenceBenchmark} write the same rows per lead, table by table. */
class LeadPersistenceBenchmarkTest {
  private static final List<String> TABLES = List.of("relay_lead", "relay_lead_key", "relay_outbox",
      "relay_routing_assignment", "relay_routing_open_lead");

  @Test
  void theAdapterAndTheRawBatchesWriteTheSameRowsPerLead() throws SQLException {
    LeadPersistenceBenchmark benchmark = new LeadPersistenceBenchmark();
    benchmark.warmLeads = 0;
    benchmark.setUp();
    try {
      assertEquals(LeadPersistenceBenchmark.BATCH, benchmark.relayCaptureRoutePersist());
      benchmark.rawJdbcBatchPerLead();
      benchmark.rawJdbcBulk();

      Map<String, Integer> relay = rowsPerTable(benchmark, "bench");
      Map<String, Integer> raw = rowsPerTable(benchmark, LeadPersistenceWorkload.RAW_TENANT);
      int relayLeads = LeadPersistenceBenchmark.BATCH + 1; // and the template lead captured in setup
      int rawLeads = 2 * LeadPersistenceBenchmark.BATCH;
      for (String table : TABLES) {
        assertEquals(relay.get(table) / relayLeads, raw.get(table) / rawLeads, table);
        assertEquals(0, relay.get(table) % relayLeads, table);
        assertEquals(0, raw.get(table) % rawLeads, table);
      }
    } finally {
      benchmark.tearDown();
    }
  }

  private static Map<String, Integer> rowsPerTable(LeadPersistenceBenchmark benchmark, String tenant)
      throws SQLException {
    Map<String, Integer> out = new LinkedHashMap<>();
    try (Connection c = benchmark.workload.pool.getConnection(); Statement s = c.createStatement()) {
      for (String table : TABLES) {
        try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table + " WHERE tenant_id = '" + tenant + "'")) {
          rs.next();
          out.put(table, rs.getInt(1));
        }
      }
    }
    return out;
  }
}
