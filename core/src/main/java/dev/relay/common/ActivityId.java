package dev.relay.common;

import java.util.Objects;

/**
 * Identifies an {@link dev.relay.activity.Activity} within one tenant. Two ids are equal only if both tenant and value are.
 *
 * @param tenant the owning tenant
 * @param value the tenant-local identifier (1–128 letters, digits, {@code _ . : @ -})
 * @throws IllegalArgumentException if the value is malformed
 */
public record ActivityId(TenantId tenant, String value) implements TenantScopedId {
  public ActivityId {
    Objects.requireNonNull(tenant, "tenant");
    Ids.checkShape(value, Ids.LOCAL_ID, "activity id");
  }

  public static ActivityId of(TenantId tenant, String value) {
    return new ActivityId(tenant, value);
  }

  @Override
  public String toString() {
    return tenant + "/" + value;
  }
}
