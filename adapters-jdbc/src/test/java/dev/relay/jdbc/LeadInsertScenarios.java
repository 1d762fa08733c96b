package dev.relay.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.relay.common.ConcurrencyConflictException;
import dev.relay.common.RepId;
import dev.relay.common.TenantId;
import dev.relay.lead.Lead;
import dev.relay.lead.LeadSamples;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A lead and its match keys are written together (on PostgreSQL in one statement): a lead whose id is taken leaves
 * neither its row nor its keys behind, even when the caller's unit of work goes on after the conflict.
 */
abstract class LeadInsertScenarios {
  static final TenantId ACME = TenantId.of("acme");
  static final RepId LI = RepId.of(ACME, "li");

  JdbcTransactionRunner runner;
  JdbcLeadRepository leads;

  abstract TestDatabase database();

  @BeforeEach
  void emptyDatabase() {
    runner = database().fresh();
    leads = new JdbcLeadRepository(runner, (tenant, version, kind) -> LeadSamples.PLAYBOOK.schema(kind));
  }

  @Test
  void aLeadWhoseIdIsTakenWritesNoKeys() {
    Lead first = LeadSamples.assignedLead(ACME, "L-1", LI);
    Lead clash = LeadSamples.assignedLead(ACME, "L-1", LI, "Anna Schmidt", null, "+4993521800",
        LeadSamples.T0);
    leads.insert(first);

    runner.inTransaction(() -> {
      assertThrows(ConcurrencyConflictException.class, () -> leads.insert(clash));
      return null;
    });

    assertEquals(Optional.of(first), leads.find(first.id()));
    assertEquals(List.of(), leads.leadsWithKeys(ACME, clash.keys().stream()
        .filter(k -> !first.keys().contains(k)).toList()));
  }

  @Test
  void aNewLeadIsFoundByEachOfItsKeys() {
    Lead lead = LeadSamples.assignedLead(ACME, "L-1", LI);

    leads.insert(lead);

    for (var key : lead.keys()) {
      assertEquals(List.of(lead), leads.leadsWithKeys(ACME, List.of(key)));
    }
  }
}
