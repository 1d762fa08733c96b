package dev.relay.assignment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.relay.common.LeadId;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Certifies the in-memory reference implementation against the port's contract, plus its own retention. */
class InMemoryRoutingStateTest extends RoutingStateContract {
  @Override
  protected RoutingState createState() {
    return new InMemoryRoutingState();
  }

  @Test
  void assignmentsOlderThanTheRetentionAreForgotten() {
    RoutingState state = state();
    state.locked(ACME, ledger -> {
      ledger.recordAssignment(new AssignmentRecord(LeadId.of(ACME, "L-1"), LI, "inbound", null, T0));
      return null;
    });
    state.locked(ACME, ledger -> {
      ledger.recordAssignment(new AssignmentRecord(LeadId.of(ACME, "L-2"), LI, "inbound", null,
          T0.plus(Duration.ofDays(8)).plusSeconds(1)));
      return null;
    });

    assertEquals(1, (int) state.locked(ACME, ledger -> ledger.assignedSince(LI, T0)));
    assertEquals(1, state.assignments(ACME, T0, T0.plus(Duration.ofDays(9))).size());
    assertEquals(2, (int) state.locked(ACME, ledger -> ledger.openLeads(LI)), "a forgotten assignment stays open");
  }

  @Test
  void aLongerRetentionServesMonthlyReports() {
    RoutingState state = new InMemoryRoutingState(Duration.ofDays(35));
    state.locked(ACME, ledger -> {
      ledger.recordAssignment(new AssignmentRecord(LeadId.of(ACME, "L-1"), LI, "inbound", null, T0));
      ledger.recordAssignment(new AssignmentRecord(LeadId.of(ACME, "L-2"), LI, "inbound", null,
          T0.plus(Duration.ofDays(30))));
      return null;
    });

    assertEquals(2, state.assignments(ACME, T0, T0.plus(Duration.ofDays(31))).size());
  }

  @Test
  void aRetentionShorterThanTheLongestCalendarWindowIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new InMemoryRoutingState(Duration.ofDays(7)));
  }
}
