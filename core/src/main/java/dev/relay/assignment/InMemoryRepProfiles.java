package dev.relay.assignment;

import dev.relay.common.RepId;
import dev.relay.common.TenantId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Thread-safe in-memory {@link RepProfiles}. */
public final class InMemoryRepProfiles implements RepProfiles {
  private final ConcurrentMap<RepId, RepProfile> profiles = new ConcurrentHashMap<>();

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
  }
}
