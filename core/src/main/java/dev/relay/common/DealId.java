package dev.relay.common;

/**
 * Identifies a deal within one tenant. Two ids are equal only if both tenant and value are.
 *
 * @param tenant the owning tenant
 * @param value the tenant-local identifier (1–128 letters, digits, {@code _ . : @ -})
 * @throws IllegalArgumentException if the value is malformed
 */
public record DealId(TenantId tenant, String value) implements TenantScopedId {
  public DealId {
    java.util.Objects.requireNonNull(tenant, "tenant");
    Ids.checkShape(value, Ids.LOCAL_ID, "deal id");
  }

  public static DealId of(TenantId tenant, String value) {
    return new DealId(tenant, value);
  }

  @Override
  public String toString() {
    return tenant + "/" + value;
  }
}
