package dev.relay.lead;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relay.common.ConcurrencyConflictException;
import dev.relay.common.LeadId;
import dev.relay.common.NotFoundException;
import dev.relay.common.RepId;
import dev.relay.common.TenantId;
import dev.relay.pool.matching.MatchKey;
import dev.relay.testing.WriteRace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link LeadRepository}, split by concern. Each implementation certifies itself with an empty subclass
 * that returns a fresh, empty repository: {@code class JdbcLeadRepositoryTest extends LeadRepositoryContract}. Depends
 * only on the port and on {@link LeadSamples}.
 */
public abstract class LeadRepositoryContract {
  protected static final TenantId ACME = TenantId.of("acme");
  protected static final TenantId GLOBEX = TenantId.of("globex");
  private static final RepId LI = RepId.of(ACME, "li");
  private static final MatchKey MOBILE = LeadSamples.phoneKey("+8613800138000");

  private LeadRepository repository;

  /** A new repository holding no leads. */
  protected abstract LeadRepository createRepository();

  // Lifecycle method and nested classes are visible to subclasses in other packages (the adapters' tests).
  @BeforeEach
  protected void freshRepository() {
    repository = createRepository();
  }

  protected LeadRepository repository() {
    return repository;
  }

  @Nested
  public class Crud {
    @Test
    void insertedLeadIsFoundWithEveryPart() {
      Lead lead = LeadSamples.assignedLead(ACME, "L-1", LI);

      repository.insert(lead);

      assertEquals(Optional.of(lead), repository.find(lead.id()));
    }

    @Test
    void aQueuedLeadWithoutOwnerRoundTripsToo() {
      Lead lead = LeadSamples.queuedLead(ACME, "L-1", "John Smith", "john.smith@acme-robotics.com",
          LeadSamples.T0);

      repository.insert(lead);

      assertEquals(Optional.of(lead), repository.find(lead.id()));
    }

    @Test
    void unknownLeadIsNotFound() {
      assertEquals(Optional.empty(), repository.find(LeadId.of(ACME, "L-404")));
    }

    @Test
    void insertingAnExistingIdConflicts() {
      Lead lead = LeadSamples.assignedLead(ACME, "L-1", LI);
      repository.insert(lead);

      assertThrows(ConcurrencyConflictException.class, () -> repository.insert(lead));
    }

    @Test
    void newLeadsStartAtVersionOne() {
      Lead lead = LeadSamples.assignedLead(ACME, "L-1", LI);

      assertThrows(IllegalArgumentException.class, () -> repository.insert(LeadSamples.withMarker(lead, 1)));
    }

    @Test
    void saveReplacesTheLeadWithItsNextVersion() {
      Lead lead = LeadSamples.assignedLead(ACME, "L-1", LI);
      repository.insert(lead);
      Lead contacted = LeadSamples.contacted(lead, LeadSamples.T0.plus(Duration.ofHours(1)));
      repository.save(contacted, 1);
      Lead converted = LeadSamples.converted(contacted, LeadSamples.T0.plus(Duration.ofDays(3)));

      repository.save(converted, 2);

      assertEquals(Optional.of(converted), repository.find(lead.id()));
    }

    @Test
    void savingAnUnknownLeadIsNotFound() {
      Lead lead = LeadSamples.withMarker(LeadSamples.assignedLead(ACME, "L-1", LI), 1);

      assertThrows(NotFoundException.class, () -> repository.save(lead, 1));
    }

    @Test
    void versionsGrowByOne() {
      Lead lead = LeadSamples.assignedLead(ACME, "L-1", LI);
      repository.insert(lead);
      Lead skipping = LeadSamples.withMarker(LeadSamples.withMarker(lead, 1), 2);

      assertThrows(IllegalArgumentException.class, () -> repository.save(skipping, 1));
      assertEquals(Optional.of(lead), repository.find(lead.id()));
    }

    @Test
    void leadsAreListedByStatusFirstComeFirstServed() {
      Lead later = LeadSamples.assignedLead(ACME, "L-1", LI, "李娜", null, "+8613900000001",
          LeadSamples.T0.plusSeconds(60));
      Lead earlier = LeadSamples.assignedLead(ACME, "L-2", LI, "王芳", null, "+8613900000002", LeadSamples.T0);
      Lead queued = LeadSamples.queuedLead(ACME, "L-3", "John Smith", "john@acme-robotics.com", LeadSamples.T0);
      Lead contacted = LeadSamples.assignedLead(ACME, "L-4", LI, "Emma Brown", null, "+14155550123",
          LeadSamples.T0);
      repository.insert(later);
      repository.insert(earlier);
      repository.insert(queued);
      repository.insert(contacted);
      repository.save(LeadSamples.contacted(contacted, LeadSamples.T0.plusSeconds(30)), 1);

      assertEquals(List.of("L-2", "L-1"), ids(repository.findByStatus(ACME, Set.of(LeadStatus.ASSIGNED))));
      assertEquals(List.of("L-2", "L-3", "L-4", "L-1"),
          ids(repository.findByStatus(ACME, Set.of(LeadStatus.values()))));
      assertEquals(List.of("L-3"), ids(repository.findByStatus(ACME, Set.of(LeadStatus.NEW))));
      assertEquals(List.of(), repository.findByStatus(ACME, Set.of()));
    }

    @Test
    void theSlaWorkListHoldsAssignedLeadsNotYetContacted() {
      Lead waiting = LeadSamples.assignedLead(ACME, "L-1", LI);
      Lead called = LeadSamples.assignedLead(ACME, "L-2", LI, "Emma Brown", null, "+14155550123", LeadSamples.T0);
      repository.insert(waiting);
      repository.insert(called);
      repository.insert(LeadSamples.queuedLead(ACME, "L-3", "John Smith", "john@acme-robotics.com",
          LeadSamples.T0));
      repository.save(LeadSamples.contacted(called, LeadSamples.T0.plusSeconds(30)), 1);

      assertEquals(List.of("L-1"), ids(repository.findAssignedNotContacted(ACME)));
    }
  }

  @Nested
  public class TenantIsolation {
    @Test
    void theSameLocalIdInTwoTenantsNamesTwoLeads() {
      Lead acme = LeadSamples.assignedLead(ACME, "L-1", LI);
      Lead globex = LeadSamples.assignedLead(GLOBEX, "L-1", RepId.of(GLOBEX, "li"));

      repository.insert(acme);
      repository.insert(globex);

      assertEquals(Optional.of(acme), repository.find(acme.id()));
      assertEquals(Optional.of(globex), repository.find(globex.id()));
    }

    @Test
    void listsAndLookupsNeverCrossTenants() {
      repository.insert(LeadSamples.assignedLead(ACME, "L-1", LI));
      Lead globex = LeadSamples.assignedLead(GLOBEX, "L-2", RepId.of(GLOBEX, "li"));
      repository.insert(globex);

      assertEquals(List.of("L-2"), ids(repository.findByStatus(GLOBEX, Set.of(LeadStatus.values()))));
      assertEquals(List.of("L-2"), ids(repository.findAssignedNotContacted(GLOBEX)));
      assertEquals(List.of(globex), repository.leadsWithKeys(GLOBEX, List.of(MOBILE)));
      assertEquals(List.of(), repository.findByStatus(TenantId.of("initech"), Set.of(LeadStatus.values())));
      assertEquals(List.of(), repository.leadsWithKeys(TenantId.of("initech"), List.of(MOBILE)));
    }
  }

  @Nested
  public class OptimisticLocking {
    @Test
    void aStaleSaveConflictsAndWritesNothing() {
      Lead lead = LeadSamples.assignedLead(ACME, "L-1", LI);
      repository.insert(lead);
      Lead first = LeadSamples.withMarker(lead, 1);
      repository.save(first, 1);
      MatchKey stale = LeadSamples.phoneKey("+8613700000000");

      ConcurrencyConflictException conflict = assertThrows(ConcurrencyConflictException.class,
          () -> repository.save(LeadSamples.withKeys(lead, Set.of(stale)), 1));

      assertTrue(conflict.getMessage().contains("expected version 1"), conflict.getMessage());
      assertEquals(Optional.of(first), repository.find(lead.id()));
      assertEquals(List.of(first), repository.leadsWithKeys(ACME, List.of(MOBILE)),
          "the stale write did not touch the index either");
      assertEquals(List.of(), repository.leadsWithKeys(ACME, List.of(stale)));
    }

    @Test
    void ofWritersRacingFromOneReadExactlyOneWins() throws Exception {
      Lead lead = LeadSamples.assignedLead(ACME, "L-1", LI);
      repository.insert(lead);
      int writers = 8;
      List<Callable<Lead>> attempts = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        Lead mine = LeadSamples.contacted(lead, LeadSamples.T0.plusSeconds(w + 1));
        attempts.add(() -> {
          repository.save(mine, 1);
          return mine;
        });
      }

      WriteRace.Outcome<Lead> race = WriteRace.run(attempts);

      assertEquals(1, race.winners().size());
      assertEquals(writers - 1, race.conflicts());
      assertEquals(Optional.of(race.winners().get(0)), repository.find(lead.id()));
    }
  }

  @Nested
  public class Keys {
    @Test
    void aLeadIsFoundByEachOfItsKeys() {
      Lead lead = LeadSamples.assignedLead(ACME, "L-1", LI);
      repository.insert(lead);

      for (MatchKey key : lead.keys()) {
        assertEquals(List.of(lead), repository.leadsWithKeys(ACME, List.of(key)), key.toString());
      }
      assertEquals(List.of(), repository.leadsWithKeys(ACME, List.of(LeadSamples.phoneKey("+8610000000000"))));
      assertEquals(List.of(), repository.leadsWithKeys(ACME, List.of()));
    }

    @Test
    void leadsSharingAKeyAreAllFoundFirstComeFirstServed() {
      Lead second = LeadSamples.assignedLead(ACME, "L-1", LI, "张伟", null, "+8613800138000",
          LeadSamples.T0.plusSeconds(60));
      Lead first = LeadSamples.assignedLead(ACME, "L-2", RepId.of(ACME, "zhang"), "Zhang Wei", null,
          "+8613800138000", LeadSamples.T0);
      repository.insert(second);
      repository.insert(first);

      assertEquals(List.of(first, second), repository.leadsWithKeys(ACME, List.of(MOBILE)));
    }

    @Test
    void closedLeadsStayFindableByTheirKeys() {
      Lead lead = LeadSamples.assignedLead(ACME, "L-1", LI);
      repository.insert(lead);
      Lead converted = LeadSamples.converted(lead, LeadSamples.T0.plus(Duration.ofDays(1)));
      repository.save(converted, 1);

      assertEquals(List.of(converted), repository.leadsWithKeys(ACME, List.of(MOBILE)));
    }

    @Test
    void aSaveReindexesTheLeadUnderExactlyItsNewKeys() {
      Lead lead = LeadSamples.assignedLead(ACME, "L-1", LI);
      repository.insert(lead);
      MatchKey email = LeadSamples.emailKey("zhang.wei@zpmc.com");

      Lead rekeyed = LeadSamples.withKeys(lead, Set.of(email));
      repository.save(rekeyed, 1);

      assertEquals(List.of(rekeyed), repository.leadsWithKeys(ACME, List.of(email)));
      assertEquals(List.of(), repository.leadsWithKeys(ACME, List.of(MOBILE)));
    }
  }

  private static List<String> ids(List<Lead> leads) {
    return leads.stream().map(l -> l.id().value()).toList();
  }
}
