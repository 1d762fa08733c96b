package dev.relay.playbook;

import dev.relay.common.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port storing each tenant's playbook versions. Versions are immutable once saved.
 */
public interface PlaybookRepository {
  /**
   * Saves a playbook as the tenant's current configuration. If it equals the current version (same fingerprint), that
   * version is returned and nothing is written; otherwise a new version numbered one above the current is stored.
   */
  VersionedPlaybook save(TenantId tenant, Playbook playbook, Instant savedAt);

  /** The tenant's latest version. */
  Optional<VersionedPlaybook> current(TenantId tenant);

  /** One version of the tenant's playbook. */
  Optional<VersionedPlaybook> version(TenantId tenant, int version);

  /** Every version, oldest first. */
  List<VersionedPlaybook> history(TenantId tenant);
}
