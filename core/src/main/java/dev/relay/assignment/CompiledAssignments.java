package dev.relay.assignment;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.relay.common.NotFoundException;
import dev.relay.common.TenantId;
import dev.relay.playbook.PlaybookRepository;
import dev.relay.playbook.VersionedPlaybook;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The tenants' current assignment rules, each playbook version compiled once. Keyed by tenant, version and fingerprint
 * rather than by the playbook, whose equality serialises the whole configuration. Bounded, because a long-running host
 * sees many tenants and versions; maintenance runs on the calling thread, as core starts no threads.
 */
final class CompiledAssignments {
  private static final int MAX_VERSIONS = 1_000;

  private final PlaybookRepository playbooks;
  /**
   * Each tenant's most recently used rules, read before the bounded cache (a plain map read is several times
   * cheaper): at most one entry per tenant, and what the cache evicts leaves it too.
   */
  private final ConcurrentMap<TenantId, AssignmentRules> latest = new ConcurrentHashMap<>();
  private final Cache<Key, AssignmentRules> cache = Caffeine.newBuilder().maximumSize(MAX_VERSIONS)
      .executor(Runnable::run)
      .<Key, AssignmentRules>removalListener((key, rules, cause) -> {
        if (key != null && rules != null) {
          latest.remove(key.tenant(), rules);
        }
      })
      .build();

  CompiledAssignments(PlaybookRepository playbooks) {
    this.playbooks = playbooks;
  }

  /**
   * The tenant's current assignment rules.
   *
   * @throws NotFoundException if the tenant has no playbook
   */
  AssignmentRules current(TenantId tenant) {
    VersionedPlaybook playbook = playbooks.current(tenant).orElseThrow(() -> new NotFoundException("playbook", tenant));
    // Most routes find the version the tenant's previous route used: a map read instead of a bounded-cache lookup.
    AssignmentRules last = latest.get(tenant);
    if (last != null && last.version() == playbook.version()
        && last.fingerprint().equals(playbook.fingerprint())) {
      return last;
    }
    AssignmentRules rules = cache.get(new Key(tenant, playbook.version(), playbook.fingerprint()),
        k -> AssignmentRules.compile(playbook));
    latest.put(tenant, rules);
    return rules;
  }

  private record Key(TenantId tenant, int version, String fingerprint) {}
}
