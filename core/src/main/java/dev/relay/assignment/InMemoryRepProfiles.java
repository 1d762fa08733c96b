package dev.relay.assignment;

import dev.relay.common.RepId;
import dev.relay.common.TenantId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Thread-safe in-memory {@link RepProfiles}. Tracks a {@linkplain #revision revision} per tenant that every save moves,
 * so the router keeps profiles until one changes.
 */
public final class InMemoryRepProfiles implements RepProfiles {
  private final ConcurrentMap<RepId, RepProfile> profiles = new ConcurrentHashMap<>();
  private final ConcurrentMap<TenantId, AtomicLong> revisions = new ConcurrentHashMap<>();

  @Override
  public Optional<RepProfile> find(RepId rep) {
    return Optional.ofNullable(profiles.get(rep));
  }

  @Override
  public List<RepProfile> all(TenantId tenant) {
    return profiles.values().stream().filter(p -> p.rep().tenant().equals(tenant))
        .sorted(Comparator.comparing(p -> p.rep().value())).toList();
  }

  @Override
  public void save(RepProfile profile) {
    profiles.put(profile.rep(), profile);
    revisions.computeIfAbsent(profile.rep().tenant(), t -> new AtomicLong()).incrementAndGet();
  }

  /** Starts at 0 for a tenant never saved; moves after each save has become visible. */
  @Override
  public long revision(TenantId tenant) {
    AtomicLong revision = revisions.get(tenant);
    return revision == null ? 0 : revision.get();
  }
}
