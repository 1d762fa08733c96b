package dev.relay.pool;

import static dev.relay.pool.PoolFixture.LI;
import static dev.relay.pool.PoolFixture.ZHENHUA;
import static dev.relay.pool.PoolFixture.ZHENHUA_PHONE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relay.common.AccountId;
import dev.relay.common.ConcurrencyConflictException;
import dev.relay.common.DirectTransactionRunner;
import dev.relay.common.ErrorCode;
import dev.relay.common.Reason;
import dev.relay.common.RepId;
import dev.relay.common.SequentialIdGenerator;
import dev.relay.common.TenantId;
import dev.relay.org.Rep;
import dev.relay.pool.AccountChange.Refused;
import dev.relay.pool.matching.MatchKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Claims racing each other: one customer never gets two owners, one rep never exceeds a limit. */
class PoolConcurrencyTest {

  @Test
  void sixteenRepsClaimingOneAccountLeaveExactlyOneOwner() throws Exception {
    PoolFixture f = new PoolFixture();
    Account account = f.inPool(ZHENHUA, ZHENHUA_PHONE);
    List<RepId> reps = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      RepId rep = PoolFixture.rep("rep" + i);
      f.org.saveRep(Rep.of(rep, "销售" + i, dev.relay.common.TeamId.of(PoolFixture.TENANT, "east"), "sales_rep"));
      reps.add(rep);
    }

    List<AccountChange> results = race(reps.stream().<Callable<AccountChange>>map(rep ->
        () -> f.service.claim(account.id(), rep)).toList());

    List<AccountChange> won = results.stream().filter(AccountChange::isChanged).toList();
    assertEquals(1, won.size());
    RepId owner = ((AccountChange.Changed) won.get(0)).account().owner();
    assertEquals(owner, f.get(account.id()).owner());
    for (AccountChange lost : results.stream().filter(r -> !r.isChanged()).toList()) {
      Refused refused = assertInstanceOf(Refused.class, lost);
      assertEquals(List.of("pool.conflicts"), refused.reasons().stream().map(Reason::rule).toList());
    }
    assertEquals(2, f.get(account.id()).version(), "one claim written, on top of the creation");
    assertEquals(1, f.get(account.id()).history().stream()
        .filter(c -> c.kind() == OwnershipChangeKind.CLAIMED).count());
  }

  @Test
  void oneRepClaimingFiftyAccountsFromEightThreadsStopsAtMaxOwned() throws Exception {
    PoolFixture f = new PoolFixture(PoolFixture.withClaimRules(ClaimRules.builder().maxOwned(10)));
    List<Account> pool = f.manyInPool(50);
    List<Callable<List<AccountChange>>> workers = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      int thread = t;
      workers.add(() -> {
        List<AccountChange> mine = new ArrayList<>();
        for (int i = thread; i < pool.size(); i += 8) {
          mine.add(f.service.claim(pool.get(i).id(), LI));
        }
        return mine;
      });
    }

    List<AccountChange> results = race(workers).stream().flatMap(List::stream).toList();

    assertEquals(10, results.stream().filter(AccountChange::isChanged).count());
    assertEquals(10, f.accounts.findOwnedBy(LI).size());
    for (AccountChange r : results.stream().filter(r -> !r.isChanged()).toList()) {
      assertEquals(List.of("pool.pools[0].claim.max_owned"),
          ((Refused) r).reasons().stream().map(Reason::rule).toList());
    }
  }

  @Test
  void aClaimRetriedAfterLosingARaceComesOutAsAConflict() {
    PoolFixture f = new PoolFixture();
    Account account = f.inPool(ZHENHUA, ZHENHUA_PHONE);
    // Zhang's claim lands between Li's read and Li's write.
    InterferingRepository racing = new InterferingRepository(f.accounts, 1,
        a -> a.draft().changeOwner(OwnershipChangeKind.CLAIMED, PoolFixture.ZHANG, PoolFixture.ZHANG,
            a.createdAt(), null, 1, a.createdAt()).build());
    PoolService service = serviceOver(f, racing);

    Refused refused = (Refused) service.claim(account.id(), LI);

    assertEquals(ErrorCode.FORBIDDEN, refused.code());
    assertTrue(refused.reasons().get(0).message().contains("Zhang (zhang)"), refused.reasons().toString());
    assertEquals(PoolFixture.ZHANG, f.get(account.id()).owner());
  }

  @Test
  void retriesAreBounded() {
    PoolFixture f = new PoolFixture();
    Account account = f.inPool(ZHENHUA, ZHENHUA_PHONE);
    PoolService service = serviceOver(f, new InterferingRepository(f.accounts, PoolService.MAX_ATTEMPTS,
        a -> a.draft().build()));

    assertThrows(ConcurrencyConflictException.class, () -> service.claim(account.id(), LI));
    assertEquals(null, f.get(account.id()).owner());
  }

  private static PoolService serviceOver(PoolFixture f, AccountRepository repository) {
    return new PoolService(repository, f.playbooks, f.org, f.dealHandover, f.taskHandover, f.events,
        new SequentialIdGenerator(), new DirectTransactionRunner(), f.clock);
  }

  private static <T> List<T> race(List<Callable<T>> tasks) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(tasks.size());
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (Callable<T> task : tasks) {
        futures.add(threads.submit(() -> {
          start.await();
          return task.call();
        }));
      }
      start.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get(30, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      threads.shutdownNow();
    }
  }

  /** Lets another writer change the account just before each of the first {@code times} saves. */
  private static final class InterferingRepository implements AccountRepository {
    private final AccountRepository delegate;
    private final AtomicInteger remaining;
    private final java.util.function.UnaryOperator<Account> interference;

    InterferingRepository(AccountRepository delegate, int times, java.util.function.UnaryOperator<Account> change) {
      this.delegate = delegate;
      this.remaining = new AtomicInteger(times);
      this.interference = change;
    }

    @Override
    public void save(Account account, long expectedVersion) {
      if (remaining.getAndDecrement() > 0) {
        Account current = delegate.find(account.id()).orElseThrow();
        delegate.save(interference.apply(current).nextVersion(current.playbookVersion()), current.version());
      }
      delegate.save(account, expectedVersion);
    }

    @Override
    public Optional<Account> find(AccountId id) {
      return delegate.find(id);
    }

    @Override
    public void insert(Account account) {
      delegate.insert(account);
    }

    @Override
    public List<Account> findOwnedBy(RepId rep) {
      return delegate.findOwnedBy(rep);
    }

    @Override
    public List<Account> findOwned(TenantId tenant) {
      return delegate.findOwned(tenant);
    }

    @Override
    public List<Account> findInPublicPool(TenantId tenant) {
      return delegate.findInPublicPool(tenant);
    }

    @Override
    public int countClaimsSince(RepId rep, Instant since) {
      return delegate.countClaimsSince(rep, since);
    }

    @Override
    public Set<AccountId> accountsWithKeys(TenantId tenant, Collection<MatchKey> keys) {
      return delegate.accountsWithKeys(tenant, keys);
    }

    @Override
    public List<NameCandidate> nameCandidates(TenantId tenant, String normalizedName, int limit) {
      return delegate.nameCandidates(tenant, normalizedName, limit);
    }
  }
}
