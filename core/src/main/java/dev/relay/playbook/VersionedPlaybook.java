package dev.relay.playbook;

import dev.relay.common.TenantId;
import java.time.Instant;
import java.util.Objects;

/**
 * A saved playbook version. Decisions record {@link #version()} so that one can tell which configuration made them.
 *
 * @param tenant the tenant
 * @param version 1 for the first save, +1 for each changed save
 * @param playbook the configuration
 * @param fingerprint {@link Playbook#fingerprint()}: SHA-256 of the canonical JSON form; equal fingerprints mean equal
 *     configurations
 * @param savedAt when this version was saved
 */
public record VersionedPlaybook(TenantId tenant, int version, Playbook playbook, String fingerprint, Instant savedAt) {
  public VersionedPlaybook {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(playbook, "playbook");
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(savedAt, "savedAt");
    if (version < 1) {
      throw new IllegalArgumentException("version must be >= 1: " + version);
    }
  }
}
