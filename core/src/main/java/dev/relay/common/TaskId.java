package dev.relay.common;

import java.util.Objects;

/**
 * Identifies a {@link dev.relay.activity.FollowUpTask} within one tenant. Two ids are equal only if both tenant and value are.
 *
 * @param tenant the owning tenant
 * @param value the tenant-local identifier (1–128 letters, digits, {@code _ . : @ -}), e.g. {@code T-1}
 * @throws IllegalArgumentException if the value is malformed
 */
public record TaskId(TenantId tenant, String value) implements TenantScopedId {
  public TaskId {
    Objects.requireNonNull(tenant, "tenant");
    Ids.checkShape(value, Ids.LOCAL_ID, "task id");
  }

  public static TaskId of(TenantId tenant, String value) {
    return new TaskId(tenant, value);
  }

  @Override
  public String toString() {
    return tenant + "/" + value;
  }
}
