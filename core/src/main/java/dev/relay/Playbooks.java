package dev.relay;

import dev.relay.common.NotFoundException;
import dev.relay.common.TenantId;
import dev.relay.playbook.Playbook;
import dev.relay.playbook.PlaybookJson;
import dev.relay.playbook.PlaybookRepository;
import dev.relay.playbook.VersionedPlaybook;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * Application service for tenants' playbooks: publishing a configuration makes it the one every later decision uses,
 * and each decision records the version that made it. Publishing an unchanged playbook keeps its version.
 */
public final class Playbooks {
  private final PlaybookRepository repository;
  private final Clock clock;

  Playbooks(PlaybookRepository repository, Clock clock) {
    this.repository = repository;
    this.clock = clock;
  }

  /** Makes {@code playbook} the tenant's current configuration; returns the new (or unchanged) version. */
  public VersionedPlaybook publish(TenantId tenant, Playbook playbook) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(playbook, "playbook");
    return repository.save(tenant, playbook, clock.instant());
  }

  /**
   * Reads, validates and publishes a playbook in its JSON form.
   *
   * @throws dev.relay.common.ValidationException listing every problem with its path; nothing is published
   */
  public VersionedPlaybook publish(TenantId tenant, String json) {
    return publish(tenant, PlaybookJson.read(json));
  }

  /**
   * The tenant's current playbook.
   *
   * @throws NotFoundException if the tenant has none yet
   */
  public VersionedPlaybook current(TenantId tenant) {
    return repository.current(tenant).orElseThrow(() -> new NotFoundException("playbook", tenant));
  }

  /**
   * One version of the tenant's playbook.
   *
   * @throws NotFoundException if there is no such version
   */
  public VersionedPlaybook version(TenantId tenant, int version) {
    return repository.version(tenant, version)
        .orElseThrow(() -> new NotFoundException("playbook version", tenant + " v" + version));
  }

  /** Every version, oldest first. */
  public List<VersionedPlaybook> history(TenantId tenant) {
    return repository.history(tenant);
  }
}
