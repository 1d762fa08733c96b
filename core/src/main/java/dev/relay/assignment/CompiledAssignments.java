package dev.relay.assignment;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.relay.common.NotFoundException;
import dev.relay.common.TenantId;
import dev.relay.playbook.PlaybookRepository;
import dev.relay.playbook.VersionedPlaybook;

/**
 * The tenants' current assignment rules, each playbook version compiled once. Keyed by tenant, version and fingerprint
 * rather than by the playbook, whose equality serialises the whole configuration. Bounded, because a long-running host
 * sees many tenants and versions; maintenance runs on the calling thread, as core starts no threads.
 */
final class CompiledAssignments {
  private static final int MAX_VERSIONS = 1_000;

  private final PlaybookRepository playbooks;
  private final Cache<Key, AssignmentRules> cache =
      Caffeine.newBuilder().maximumSize(MAX_VERSIONS).executor(Runnable::run).build();

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
    return cache.get(new Key(tenant, playbook.version(), playbook.fingerprint()),
        k -> AssignmentRules.compile(playbook));
  }

  private record Key(TenantId tenant, int version, String fingerprint) {}
}
