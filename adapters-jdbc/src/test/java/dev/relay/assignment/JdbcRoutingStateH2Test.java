package dev.relay.assignment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.relay.common.LeadId;
import dev.relay.jdbc.JdbcRoutingState;
import dev.relay.jdbc.TestDatabase;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Certifies {@link JdbcRoutingState} on H2 against the port's contract, plus its retention. */
class JdbcRoutingStateH2Test extends RoutingStateContract {
  @Override
  protected RoutingState createState() {
    return new JdbcRoutingState(TestDatabase.h2().fresh());
  }

  @Test
  void assignmentsOlderThanTheRetentionAreForgottenButStayOpen() {
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
    assertEquals(2, (int) state.locked(ACME, ledger -> ledger.openLeads(LI)));
  }
}
