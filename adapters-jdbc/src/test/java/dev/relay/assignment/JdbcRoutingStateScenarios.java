package dev.relay.assignment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relay.common.LeadId;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The JDBC routing state beyond the port's contract: retention, and a call's reads seeing its own buffered writes where
 * they meet what an earlier call stored. Run per database by empty subclasses.
 */
abstract class JdbcRoutingStateScenarios extends RoutingStateContract {
  private static AssignmentRecord assigned(String lead, java.time.Instant at) {
    return new AssignmentRecord(LeadId.of(ACME, lead), LI, "inbound", Strategy.ROUND_ROBIN, at);
  }

  @Test
  void assignmentsOlderThanTheRetentionAreForgottenButStayOpen() {
    RoutingState state = state();
    state.locked(ACME, ledger -> {
      ledger.recordAssignment(assigned("L-1", T0));
      return null;
    });
    state.locked(ACME, ledger -> {
      ledger.recordAssignment(assigned("L-2", T0.plus(Duration.ofDays(8)).plusSeconds(1)));
      return null;
    });

    assertEquals(1, (int) state.locked(ACME, ledger -> ledger.assignedSince(LI, T0)));
    assertEquals(1, state.assignments(ACME, T0, T0.plus(Duration.ofDays(9))).size());
    assertEquals(2, (int) state.locked(ACME, ledger -> ledger.openLeads(LI)));
  }

  @Test
  void aLeadStoredOpenAndRecordedAgainInOneCallCountsOnceThere() {
    RoutingState state = state();
    state.locked(ACME, ledger -> {
      ledger.recordAssignment(assigned("L-1", T0));
      return null;
    });

    state.locked(ACME, ledger -> {
      ledger.recordAssignment(assigned("L-1", T0.plusSeconds(60)));
      ledger.recordAssignment(assigned("L-2", T0.plusSeconds(60)));
      assertEquals(2, ledger.openLeads(LI));
      assertEquals(3, ledger.assignedSince(LI, T0));
      return null;
    });

    assertEquals(2, (int) state.locked(ACME, ledger -> ledger.openLeads(LI)));
  }

  @Test
  void aLeadStoredOpenRecordedAgainAndReleasedInOneCallIsClosed() {
    RoutingState state = state();
    state.locked(ACME, ledger -> {
      ledger.recordAssignment(assigned("L-1", T0));
      return null;
    });

    state.locked(ACME, ledger -> {
      ledger.recordAssignment(assigned("L-1", T0.plusSeconds(60)));
      assertTrue(ledger.release(LI, LeadId.of(ACME, "L-1")));
      assertFalse(ledger.release(LI, LeadId.of(ACME, "L-1")));
      assertEquals(0, ledger.openLeads(LI));
      return null;
    });

    assertEquals(0, (int) state.locked(ACME, ledger -> ledger.openLeads(LI)));
    assertFalse((boolean) state.locked(ACME, ledger -> ledger.release(LI, LeadId.of(ACME, "L-1"))));
  }

  @Test
  void aReleasedLeadRecordedAgainInOneCallStaysOpen() {
    RoutingState state = state();
    state.locked(ACME, ledger -> {
      ledger.recordAssignment(assigned("L-1", T0));
      return null;
    });

    state.locked(ACME, ledger -> {
      assertTrue(ledger.release(LI, LeadId.of(ACME, "L-1")));
      ledger.recordAssignment(assigned("L-1", T0.plusSeconds(60)));
      assertEquals(1, ledger.openLeads(LI));
      return null;
    });

    assertEquals(1, (int) state.locked(ACME, ledger -> ledger.openLeads(LI)));
  }
}
