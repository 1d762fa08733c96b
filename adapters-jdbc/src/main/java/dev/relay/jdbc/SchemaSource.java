package dev.relay.jdbc;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.relay.common.NotFoundException;
import dev.relay.common.TenantId;
import dev.relay.fields.EntityKind;
import dev.relay.fields.FieldSchema;
import dev.relay.playbook.PlaybookRepository;
import java.util.Objects;

/**
 * Where a stored aggregate finds the field schema its custom fields are bound to: the schema of the playbook version
 * that last changed it. {@link #of(PlaybookRepository)} is the usual source; playbook versions never change, so their
 * schemas are cached.
 */
@FunctionalInterface
public interface SchemaSource {
  /**
   * The schema of one kind of record in one playbook version of a tenant.
   *
   * @throws NotFoundException if the tenant has no such playbook version
   */
  FieldSchema schema(TenantId tenant, int playbookVersion, EntityKind kind);

  /** Schemas read from the tenant's stored playbook versions, cached (at most 10,000 versions). */
  static SchemaSource of(PlaybookRepository playbooks) {
    Objects.requireNonNull(playbooks, "playbooks");
    record Key(TenantId tenant, int version, EntityKind kind) {}
    Cache<Key, FieldSchema> cache = Caffeine.newBuilder().maximumSize(10_000).build();
    return (tenant, version, kind) -> cache.get(new Key(tenant, version, kind), k -> playbooks.version(tenant, version)
        .orElseThrow(() -> new NotFoundException("playbook version", tenant + " v" + version))
        .playbook().schema(kind));
  }
}
