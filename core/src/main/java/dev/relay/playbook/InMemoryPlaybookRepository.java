package dev.relay.playbook;

import dev.relay.common.TenantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The in-memory {@link PlaybookRepository}: the reference implementation that {@code PlaybookRepositoryContract}
 * defines, the test double, and the quickstart's store. Thread-safe: saves for one tenant are serialised, so version
 * numbers never repeat; saves for different tenants do not wait for each other. Nothing survives the JVM.
 */
public final class InMemoryPlaybookRepository implements PlaybookRepository {
  /** Each tenant's versions, oldest first; a list is replaced, never changed, so readers need no lock. */
  private final ConcurrentMap<TenantId, List<VersionedPlaybook>> versions = new ConcurrentHashMap<>();

  @Override
  public VersionedPlaybook save(TenantId tenant, Playbook playbook, Instant savedAt) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(playbook, "playbook");
    Objects.requireNonNull(savedAt, "savedAt");
    String fingerprint = playbook.fingerprint();
    List<VersionedPlaybook> after = versions.compute(tenant, (t, before) -> {
      if (before == null) {
        return List.of(new VersionedPlaybook(t, 1, playbook, fingerprint, savedAt));
      }
      VersionedPlaybook current = before.get(before.size() - 1);
      if (current.fingerprint().equals(fingerprint)) {
        return before;
      }
      List<VersionedPlaybook> next = new ArrayList<>(before);
      next.add(new VersionedPlaybook(t, current.version() + 1, playbook, fingerprint, savedAt));
      return List.copyOf(next);
    });
    return after.get(after.size() - 1);
  }

  @Override
  public Optional<VersionedPlaybook> current(TenantId tenant) {
    List<VersionedPlaybook> all = versions.getOrDefault(tenant, List.of());
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
  }

  @Override
  public Optional<VersionedPlaybook> version(TenantId tenant, int version) {
    List<VersionedPlaybook> all = versions.getOrDefault(tenant, List.of());
    // Versions are numbered 1..n without gaps, so the number is the position.
    return version >= 1 && version <= all.size() ? Optional.of(all.get(version - 1)) : Optional.empty();
  }

  @Override
  public List<VersionedPlaybook> history(TenantId tenant) {
    return versions.getOrDefault(tenant, List.of());
  }
}
