package dev.relay.incentive;

import dev.relay.common.Period;
import dev.relay.common.RepId;
import dev.relay.common.TenantId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Thread-safe in-memory {@link StatementRepository}: the reference implementation and test double. */
public final class InMemoryStatementRepository implements StatementRepository {
  private record Key(RepId rep, Period period) {}

  private record Closed(TenantId tenant, Period period) {}

  private final ConcurrentMap<Key, CommissionStatement> statements = new ConcurrentHashMap<>();
  private final Set<Closed> closed = ConcurrentHashMap.newKeySet();

  @Override
  public synchronized void save(CommissionStatement statement) {
    if (isClosed(statement.rep().tenant(), statement.period())) {
      throw new ClosedPeriodException(statement.rep().tenant(), statement.period());
    }
    statements.put(new Key(statement.rep(), statement.period()), statement);
  }

  @Override
  public Optional<CommissionStatement> find(RepId rep, Period period) {
    return Optional.ofNullable(statements.get(new Key(rep, period)));
  }

  @Override
  public List<CommissionStatement> findAll(TenantId tenant, Period period) {
    return statements.values().stream()
        .filter(s -> s.period().equals(period) && s.rep().tenant().equals(tenant))
        .sorted(Comparator.comparing(s -> s.rep().value()))
        .toList();
  }

  @Override
  public List<CommissionStatement> findByRep(RepId rep) {
    return statements.values().stream()
        .filter(s -> s.rep().equals(rep))
        .sorted(Comparator.comparing((CommissionStatement s) -> s.period().start())
            .thenComparing(s -> s.period().kind()))
        .toList();
  }

  @Override
  public List<CommissionStatement> findByDeal(dev.relay.common.DealId deal) {
    return statements.values().stream()
        .filter(s -> s.lines().stream().anyMatch(l -> deal.equals(l.deal())))
        .sorted(Comparator.comparing((CommissionStatement s) -> s.period().start())
            .thenComparing(s -> s.period().kind()).thenComparing(s -> s.rep().value()))
        .toList();
  }

  @Override
  public synchronized void close(TenantId tenant, Period period) {
    closed.add(new Closed(tenant, period));
  }

  @Override
  public boolean isClosed(TenantId tenant, Period period) {
    return closed.contains(new Closed(tenant, period));
  }
}
