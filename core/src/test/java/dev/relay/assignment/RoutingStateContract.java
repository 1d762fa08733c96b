package dev.relay.assignment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relay.common.LeadId;
import dev.relay.common.RepId;
import dev.relay.common.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link RoutingState}, split by concern. Each implementation certifies itself with an empty subclass
 * that returns a fresh, empty state: {@code class JdbcRoutingStateTest extends RoutingStateContract}. Depends only on
 * the port.
 */
public abstract class RoutingStateContract {
  protected static final TenantId ACME = TenantId.of("acme");
  protected static final TenantId GLOBEX = TenantId.of("globex");
  protected static final RepId LI = RepId.of(ACME, "li");
  protected static final RepId SUN = RepId.of(ACME, "sun");
  protected static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z");

  private RoutingState state;

  /** A new state holding nothing. */
  protected abstract RoutingState createState();

  // Lifecycle method and nested classes are visible to subclasses in other packages (the adapters' tests).
  @BeforeEach
  protected void freshState() {
    state = createState();
  }

  protected RoutingState state() {
    return state;
  }

  private <T> T in(TenantId tenant, java.util.function.Function<RoutingLedger, T> work) {
    return state.locked(tenant, work);
  }

  private int openLeads(RepId rep) {
    return in(rep.tenant(), ledger -> ledger.openLeads(rep));
  }

  private int assignedSince(RepId rep, Instant since) {
    return in(rep.tenant(), ledger -> ledger.assignedSince(rep, since));
  }

  private boolean release(RepId rep, String lead) {
    return in(rep.tenant(), ledger -> ledger.release(rep, LeadId.of(rep.tenant(), lead)));
  }

  private static LeadId lead(String id) {
    return LeadId.of(ACME, id);
  }

  private static AssignmentRecord assigned(RepId rep, String lead, Instant at) {
    return new AssignmentRecord(LeadId.of(rep.tenant(), lead), rep, "inbound", Strategy.ROUND_ROBIN, at);
  }

  private void record(AssignmentRecord... records) {
    in(ACME, ledger -> {
      for (AssignmentRecord r : records) {
        ledger.recordAssignment(r);
      }
      return null;
    });
  }

  @Nested
  public class Cursors {
    @Test
    void aCursorNeverMovedIsEmpty() {
      assertEquals(Optional.empty(), in(ACME, ledger -> ledger.cursor("inbound|team:east")));
    }

    @Test
    void aMovedCursorIsReadBackByLaterCalls() {
      in(ACME, ledger -> {
        ledger.moveCursor("inbound|team:east", LI);
        assertEquals(Optional.of(LI), ledger.cursor("inbound|team:east"), "read your own write");
        return null;
      });

      assertEquals(Optional.of(LI), in(ACME, ledger -> ledger.cursor("inbound|team:east")));
    }

    @Test
    void cursorsAreKeptApartByKeyAndTenant() {
      in(ACME, ledger -> {
        ledger.moveCursor("a", LI);
        ledger.moveCursor("b", SUN);
        return null;
      });

      assertEquals(Optional.of(LI), in(ACME, ledger -> ledger.cursor("a")));
      assertEquals(Optional.of(SUN), in(ACME, ledger -> ledger.cursor("b")));
      assertEquals(Optional.empty(), in(GLOBEX, ledger -> ledger.cursor("a")));
    }
  }

  @Nested
  public class Pointers {
    @Test
    void noPointersAreStoredAtFirst() {
      assertEquals(Map.of(), in(ACME, ledger -> ledger.pointers("vip|group:vip")));
    }

    @Test
    void puttingPointersReplacesTheWholeSet() {
      in(ACME, ledger -> {
        ledger.putPointers("k", Map.of(LI, new WeightedPointer(1, 2), SUN, WeightedPointer.zero(1)));
        return null;
      });
      in(ACME, ledger -> {
        ledger.putPointers("k", Map.of(LI, new WeightedPointer(3, 2)));
        return null;
      });

      assertEquals(Map.of(LI, new WeightedPointer(3, 2)), in(ACME, ledger -> ledger.pointers("k")));
    }

    @Test
    void storedPointersKeepTheirWeight() {
      in(ACME, ledger -> {
        ledger.putPointers("k", Map.of(LI, new WeightedPointer(5, 3)));
        return null;
      });

      assertEquals(3, in(ACME, ledger -> ledger.pointers("k")).get(LI).weight());
    }
  }

  @Nested
  public class OpenLeads {
    @Test
    void anAssignmentOpensTheLeadForItsRep() {
      record(assigned(LI, "L-1", T0), assigned(LI, "L-2", T0));

      assertEquals(2, openLeads(LI));
      assertEquals(0, openLeads(SUN));
    }

    @Test
    void recordingTheSameLeadAgainOpensItOnce() {
      record(assigned(LI, "L-1", T0), assigned(LI, "L-1", T0.plusSeconds(60)));

      assertEquals(1, openLeads(LI));
      assertEquals(2, assignedSince(LI, T0), "both assignments are logged");
    }

    @Test
    void releasingIsIdempotent() {
      record(assigned(LI, "L-1", T0), assigned(LI, "L-2", T0));

      assertTrue(release(LI, "L-1"));
      assertFalse(release(LI, "L-1"));
      assertFalse(release(SUN, "L-2"), "sun never had it");

      assertEquals(1, openLeads(LI));
    }

    @Test
    void releasingDoesNotUncountTheAssignment() {
      record(assigned(LI, "L-1", T0));

      release(LI, "L-1");

      assertEquals(1, assignedSince(LI, T0));
    }
  }

  @Nested
  public class Windows {
    @Test
    void assignedSinceCountsAssignmentsAtOrAfterTheInstant() {
      record(assigned(LI, "L-1", T0), assigned(LI, "L-2", T0.plusSeconds(1800)), assigned(LI, "L-3",
          T0.plusSeconds(3600)), assigned(SUN, "L-4", T0.plusSeconds(3600)));

      assertEquals(3, assignedSince(LI, T0));
      assertEquals(2, assignedSince(LI, T0.plusSeconds(1800)));
      assertEquals(0, assignedSince(LI, T0.plusSeconds(3601)));
    }

    @Test
    void assignmentsAreListedOldestFirstWithinTheRange() {
      AssignmentRecord a = assigned(LI, "L-1", T0);
      AssignmentRecord b = assigned(SUN, "L-2", T0.plusSeconds(60));
      AssignmentRecord c = assigned(LI, "L-3", T0.plusSeconds(120));
      record(a, b, c);

      assertEquals(List.of(a, b), state.assignments(ACME, T0, T0.plusSeconds(120)));
      assertEquals(List.of(), state.assignments(GLOBEX, T0, T0.plusSeconds(600)));
    }

    @Test
    void assignmentsAreKeptForTheMinimumRetention() {
      record(assigned(LI, "L-1", T0));
      record(assigned(LI, "L-2", T0.plus(RoutingState.MIN_RETENTION)));

      assertEquals(2, assignedSince(LI, T0));
      assertEquals(2, state.assignments(ACME, T0, T0.plus(Duration.ofDays(30))).size());
    }

    @Test
    void theAssignmentKeepsWhatItWasGiven() {
      AssignmentRecord owner = new AssignmentRecord(lead("L-9"), LI, "inbound", null, T0);
      record(owner);

      assertEquals(List.of(owner), state.assignments(ACME, T0, T0.plusSeconds(1)));
    }
  }

  @Nested
  public class Atomicity {
    @Test
    void aDecisionThatThrowsWritesNothing() {
      record(assigned(LI, "L-1", T0));
      IllegalStateException boom = new IllegalStateException("decision failed");

      IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> in(ACME, ledger -> {
        ledger.moveCursor("k", SUN);
        ledger.putPointers("k", Map.of(SUN, WeightedPointer.zero(1)));
        ledger.recordAssignment(assigned(SUN, "L-2", T0));
        ledger.release(LI, lead("L-1"));
        throw boom;
      }));

      assertSame(boom, thrown, "the work's exception propagates unchanged");
      assertEquals(Optional.empty(), in(ACME, ledger -> ledger.cursor("k")));
      assertEquals(Map.of(), in(ACME, ledger -> ledger.pointers("k")));
      assertEquals(0, openLeads(SUN));
      assertEquals(1, openLeads(LI));
      assertEquals(List.of(assigned(LI, "L-1", T0)), state.assignments(ACME, T0, T0.plusSeconds(1)));
    }

    @Test
    void theLedgerIsUnusableAfterItsCall() {
      RoutingLedger escaped = in(ACME, ledger -> ledger);

      assertThrows(IllegalStateException.class, () -> escaped.cursor("k"));
      assertThrows(IllegalStateException.class, () -> escaped.recordAssignment(assigned(LI, "L-1", T0)));
    }

    @Test
    void anotherTenantsRepIsRefused() {
      RepId stranger = RepId.of(GLOBEX, "li");

      assertThrows(IllegalArgumentException.class, () -> state.locked(ACME, ledger -> ledger.openLeads(stranger)));
      assertThrows(IllegalArgumentException.class, () -> in(ACME, ledger -> {
        ledger.moveCursor("k", stranger);
        return null;
      }));
    }
  }

  @Nested
  public class Locking {
    /** Each of 8 threads claims places under a limit of 100 by read-then-write; a lost update would exceed it. */
    @Test
    void decisionsOfOneTenantAreSerialised() throws Exception {
      int threads = 8;
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      CountDownLatch start = new CountDownLatch(1);
      try {
        List<Future<Integer>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          int thread = t;
          futures.add(pool.submit(() -> {
            start.await();
            int won = 0;
            for (int i = 0; i < 40; i++) {
              String id = "L-" + thread + "-" + i;
              boolean placed = in(ACME, ledger -> {
                if (ledger.openLeads(LI) >= 100) {
                  return false;
                }
                ledger.recordAssignment(assigned(LI, id, T0));
                return true;
              });
              won += placed ? 1 : 0;
            }
            return won;
          }));
        }
        start.countDown();
        int total = 0;
        for (Future<Integer> f : futures) {
          total += f.get(30, TimeUnit.SECONDS);
        }
        assertEquals(100, total);
        assertEquals(100, openLeads(LI));
        assertEquals(100, state.assignments(ACME, T0, T0.plusSeconds(1)).size());
      } finally {
        pool.shutdownNow();
      }
    }
  }
}
