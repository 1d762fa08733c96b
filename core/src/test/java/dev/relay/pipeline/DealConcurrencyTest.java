package dev.relay.pipeline;

import static dev.relay.pipeline.PipelineFixture.LI;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.relay.common.ConcurrencyConflictException;
import dev.relay.common.AccountId;
import dev.relay.common.DealId;
import dev.relay.common.DirectTransactionRunner;
import dev.relay.common.ErrorCode;
import dev.relay.common.SequentialIdGenerator;
import dev.relay.common.TenantId;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DealConcurrencyTest {
  private final PipelineFixture f = new PipelineFixture();

  @Test
  void staleWriteRaisesConcurrencyConflict() {
    Deal deal = f.createReady(0);
    Deal staleRead = f.service.get(deal.id());
    f.service.updateFields(deal.id(), LI, Map.of("budget", 200_000));

    ConcurrencyConflictException conflict = assertThrows(ConcurrencyConflictException.class,
        () -> f.deals.save(staleRead.withFields(staleRead.fields().with("budget", 1)).nextVersion(1), 1));

    assertEquals(ErrorCode.CONCURRENCY_CONFLICT, conflict.code());
    assertEquals(new BigDecimal("200000"), f.service.get(deal.id()).fields().get("budget"));
  }

  @Test
  void advanceLosingARaceIsNotRetriedBecauseNextDependsOnTheStage() {
    Deal deal = f.createReady(0);
    InterferingRepository racing = new InterferingRepository(f.deals, 1);
    PipelineService service = serviceOver(racing);

    assertThrows(ConcurrencyConflictException.class, () -> service.advance(deal.id(), LI));

    Deal stored = f.service.get(deal.id());
    assertEquals("lead", stored.stage());
    assertEquals(2, stored.version(), "only the interfering write landed");
  }

  @Test
  void idempotentCommandsAreRetriedOnFreshState() {
    Deal deal = f.createReady(0);
    PipelineService service = serviceOver(new InterferingRepository(f.deals, 2));

    Deal updated = service.updateFields(deal.id(), LI, Map.of("budget", 300_000));

    assertEquals(4, updated.version(), "two interfering writes, then ours");
    assertEquals(new BigDecimal("300000"), updated.fields().get("budget"));
    assertEquals("interfered 2", updated.fields().get("decision_maker"), "the retry kept the other writes");
    assertEquals("qualify", serviceOver(new InterferingRepository(f.deals, 2))
        .advanceTo(deal.id(), "qualify", LI).orThrow().deal().stage());
  }

  @Test
  void retriesAreBounded() {
    Deal deal = f.createReady(0);
    PipelineService service = serviceOver(new InterferingRepository(f.deals, PipelineService.MAX_ATTEMPTS));

    assertThrows(ConcurrencyConflictException.class,
        () -> service.updateFields(deal.id(), LI, Map.of("budget", 1)));
  }

  private PipelineService serviceOver(DealRepository repository) {
    return new PipelineService(repository, f.playbooks, f.org, f.events, new SequentialIdGenerator(),
        new DirectTransactionRunner(), f.clock);
  }

  /** Lets another writer change the deal just before each of the first {@code times} saves. */
  private static final class InterferingRepository implements DealRepository {
    private final DealRepository delegate;
    private final AtomicInteger remaining;

    InterferingRepository(DealRepository delegate, int times) {
      this.delegate = delegate;
      this.remaining = new AtomicInteger(times);
    }

    @Override
    public Optional<Deal> find(DealId id) {
      return delegate.find(id);
    }

    @Override
    public void insert(Deal deal) {
      delegate.insert(deal);
    }

    @Override
    public void save(Deal deal, long expectedVersion) {
      int left = remaining.getAndDecrement();
      if (left > 0) {
        Deal current = delegate.find(deal.id()).orElseThrow();
        delegate.save(current.withFields(current.fields().with("decision_maker", "interfered " + current.version()))
            .nextVersion(current.playbookVersion()), current.version());
      }
      delegate.save(deal, expectedVersion);
    }

    @Override
    public List<Deal> findByStatus(TenantId tenant, Set<DealStatus> statuses) {
      return delegate.findByStatus(tenant, statuses);
    }

    @Override
    public List<Deal> findByAccount(AccountId account) {
      return delegate.findByAccount(account);
    }
  }
}
