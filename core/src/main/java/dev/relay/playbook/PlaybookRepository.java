package dev.relay.playbook;

import dev.relay.common.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port storing each tenant's playbook versions. Versions are immutable once saved and numbered 1, 2, 3… per tenant
 * without gaps or repeats, also under concurrent saves. {@link InMemoryPlaybookRepository} is the reference
 * implementation; {@code PlaybookRepositoryContract} in the core test-jar is the contract every implementation passes.
 */
public interface PlaybookRepository {
  /**
   * Saves a playbook as the tenant's current configuration. If it equals the current version (same {@link
   * Playbook#fingerprint()}), that version is returned and nothing is written; otherwise a new version numbered one
   * above the current is stored, even if it equals an older version.
   */
  VersionedPlaybook save(TenantId tenant, Playbook playbook, Instant savedAt);

  /** The tenant's latest version. */
  Optional<VersionedPlaybook> current(TenantId tenant);

  /** One version of the tenant's playbook. */
  Optional<VersionedPlaybook> version(TenantId tenant, int version);

  /** Every version, oldest first; empty for a tenant that never saved. Changing the list changes nothing stored. */
  List<VersionedPlaybook> history(TenantId tenant);
}
