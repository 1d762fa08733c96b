package dev.relay.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relay.common.AccountId;
import dev.relay.common.ConcurrencyConflictException;
import dev.relay.common.DealId;
import dev.relay.common.NotFoundException;
import dev.relay.common.TenantId;
import dev.relay.testing.WriteRace;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link DealRepository}, split by concern. Each implementation certifies itself with an empty
 * subclass that returns a fresh, empty repository: {@code class JdbcDealRepositoryTest extends DealRepositoryContract}.
 * Depends only on the port and on {@link DealSamples}.
 */
public abstract class DealRepositoryContract {
  protected static final TenantId ACME = TenantId.of("acme");
  protected static final TenantId GLOBEX = TenantId.of("globex");

  private DealRepository repository;

  /** A new repository holding no deals. */
  protected abstract DealRepository createRepository();

  // Lifecycle method and nested classes are visible to subclasses in other packages (the adapters' tests).
  @BeforeEach
  protected void freshRepository() {
    repository = createRepository();
  }

  protected DealRepository repository() {
    return repository;
  }

  @Nested
  public class Crud {
    @Test
    void insertedDealIsFoundWithEveryPart() {
      Deal deal = DealSamples.openDeal(ACME, "D-1");

      repository.insert(deal);

      assertEquals(Optional.of(deal), repository.find(deal.id()));
    }

    @Test
    void dealsAreFoundByTheirCustomerAccount() {
      AccountId zhenhua = AccountId.of(ACME, "C-7");
      repository.insert(DealSamples.openDeal(ACME, "D-2", zhenhua));
      repository.insert(DealSamples.openDeal(ACME, "D-1", zhenhua));
      repository.insert(DealSamples.openDeal(ACME, "D-3", AccountId.of(ACME, "C-8")));
      repository.insert(DealSamples.openDeal(GLOBEX, "D-1", AccountId.of(GLOBEX, "C-7")));

      assertEquals(List.of("D-1", "D-2"),
          repository.findByAccount(zhenhua).stream().map(d -> d.id().value()).toList());
      assertEquals(List.of(), repository.findByAccount(AccountId.of(ACME, "C-404")));
    }

    @Test
    void unknownDealIsNotFound() {
      assertEquals(Optional.empty(), repository.find(DealId.of(ACME, "D-404")));
    }

    @Test
    void insertingAnExistingIdConflicts() {
      Deal deal = DealSamples.openDeal(ACME, "D-1");
      repository.insert(deal);

      assertThrows(ConcurrencyConflictException.class, () -> repository.insert(deal));
    }

    @Test
    void newDealsStartAtVersionOne() {
      Deal deal = DealSamples.openDeal(ACME, "D-1");

      assertThrows(IllegalArgumentException.class, () -> repository.insert(DealSamples.withMarker(deal, "x")));
    }

    @Test
    void saveReplacesTheDealWithItsNextVersion() {
      Deal deal = DealSamples.openDeal(ACME, "D-1");
      repository.insert(deal);
      Deal lost = DealSamples.dealWithStatus(ACME, "D-1", DealStatus.LOST).nextVersion(1);

      repository.save(lost, 1);

      assertEquals(Optional.of(lost), repository.find(deal.id()));
    }

    @Test
    void savingAnUnknownDealIsNotFound() {
      Deal deal = DealSamples.withMarker(DealSamples.openDeal(ACME, "D-1"), "x");

      assertThrows(NotFoundException.class, () -> repository.save(deal, 1));
    }

    @Test
    void versionsGrowByOne() {
      Deal deal = DealSamples.openDeal(ACME, "D-1");
      repository.insert(deal);
      Deal skipping = DealSamples.withMarker(DealSamples.withMarker(deal, "a"), "b");

      assertThrows(IllegalArgumentException.class, () -> repository.save(skipping, 1));
      assertEquals(Optional.of(deal), repository.find(deal.id()));
    }

    @Test
    void dealsAreListedByStatusInIdOrder() {
      repository.insert(DealSamples.dealWithStatus(ACME, "D-3", DealStatus.OPEN));
      repository.insert(DealSamples.dealWithStatus(ACME, "D-1", DealStatus.OPEN));
      repository.insert(DealSamples.dealWithStatus(ACME, "D-2", DealStatus.WON));
      repository.insert(DealSamples.dealWithStatus(ACME, "D-4", DealStatus.LOST));

      assertEquals(List.of("D-1", "D-3"), ids(repository.findOpen(ACME)));
      assertEquals(List.of("D-2", "D-4"), ids(repository.findByStatus(ACME,
          EnumSet.of(DealStatus.WON, DealStatus.LOST))));
      assertEquals(List.of("D-1", "D-2", "D-3", "D-4"), ids(repository.findAll(ACME)));
    }
  }

  @Nested
  public class TenantIsolation {
    @Test
    void theSameLocalIdInTwoTenantsNamesTwoDeals() {
      Deal acme = DealSamples.openDeal(ACME, "D-1");
      Deal globex = DealSamples.dealWithStatus(GLOBEX, "D-1", DealStatus.WON);

      repository.insert(acme);
      repository.insert(globex);

      assertEquals(Optional.of(acme), repository.find(acme.id()));
      assertEquals(Optional.of(globex), repository.find(globex.id()));
    }

    @Test
    void listsNeverCrossTenants() {
      repository.insert(DealSamples.openDeal(ACME, "D-1"));
      repository.insert(DealSamples.openDeal(GLOBEX, "D-2"));

      assertEquals(List.of("D-1"), ids(repository.findAll(ACME)));
      assertEquals(List.of("D-2"), ids(repository.findOpen(GLOBEX)));
      assertEquals(List.of(), repository.findAll(TenantId.of("initech")));
    }

    @Test
    void aSaveChangesOnlyItsTenantsDeal() {
      Deal acme = DealSamples.openDeal(ACME, "D-1");
      Deal globex = DealSamples.openDeal(GLOBEX, "D-1");
      repository.insert(acme);
      repository.insert(globex);

      repository.save(DealSamples.withMarker(acme, "m"), 1);

      assertEquals(Optional.of(globex), repository.find(globex.id()));
    }
  }

  @Nested
  public class OptimisticLocking {
    @Test
    void aStaleSaveConflictsAndWritesNothing() {
      Deal deal = DealSamples.openDeal(ACME, "D-1");
      repository.insert(deal);
      Deal first = DealSamples.withMarker(deal, "first");
      repository.save(first, 1);

      ConcurrencyConflictException conflict = assertThrows(ConcurrencyConflictException.class,
          () -> repository.save(DealSamples.withMarker(deal, "stale"), 1));

      assertTrue(conflict.getMessage().contains("expected version 1"), conflict.getMessage());
      assertEquals(Optional.of(first), repository.find(deal.id()));
    }

    @Test
    void ofWritersRacingFromOneReadExactlyOneWins() throws Exception {
      Deal deal = DealSamples.openDeal(ACME, "D-1");
      repository.insert(deal);
      int writers = 8;
      List<Callable<Deal>> attempts = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        Deal mine = DealSamples.withMarker(deal, "w" + w);
        attempts.add(() -> {
          repository.save(mine, 1);
          return mine;
        });
      }

      WriteRace.Outcome<Deal> race = WriteRace.run(attempts);

      List<Deal> winners = race.winners();
      assertEquals(1, winners.size());
      assertEquals(writers - 1, race.conflicts());
      assertEquals(Optional.of(winners.get(0)), repository.find(deal.id()));
    }

    @Test
    void underContentionEveryWinningWriteIsKeptAndEveryLoserIsToldSo() throws Exception {
      Deal deal = DealSamples.openDeal(ACME, "D-1");
      repository.insert(deal);
      int writers = 8;
      int writesEach = 5;
      CountDownLatch start = new CountDownLatch(1);
      List<String> won = Collections.synchronizedList(new ArrayList<>());
      List<Callable<Integer>> workers = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        String name = "w" + w;
        workers.add(() -> {
          start.await();
          int conflicts = 0;
          for (int i = 0; i < writesEach; ) {
            Deal read = repository.find(deal.id()).orElseThrow();
            try {
              repository.save(DealSamples.withMarker(read, name + "." + i), read.version());
              won.add(name + "." + i);
              i++;
            } catch (ConcurrencyConflictException lost) {
              conflicts++;
            }
          }
          return conflicts;
        });
      }

      ExecutorService pool = Executors.newFixedThreadPool(writers);
      try {
        List<Future<Integer>> futures = new ArrayList<>();
        for (Callable<Integer> worker : workers) {
          futures.add(pool.submit(worker));
        }
        start.countDown();
        for (Future<Integer> f : futures) {
          f.get(30, TimeUnit.SECONDS);
        }
      } finally {
        pool.shutdownNow();
      }

      Deal last = repository.find(deal.id()).orElseThrow();
      assertEquals(1 + writers * writesEach, last.version());
      List<String> markers = last.approvals().stream().map(Approval::id).filter(id -> !id.equals("A-1")).toList();
      assertEquals(writers * writesEach, markers.size());
      assertEquals(new HashSet<>(won), new HashSet<>(markers));
    }
  }

  private static List<String> ids(List<Deal> deals) {
    return deals.stream().map(d -> d.id().value()).toList();
  }
}
