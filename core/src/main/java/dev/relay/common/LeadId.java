package dev.relay.common;

/**
 * Identifies a lead within one tenant. Two ids are equal only if both tenant and value are.
 *
 * @param tenant the owning tenant
 * @param value the tenant-local identifier (1–128 letters, digits, {@code _ . : @ -})
 * @throws IllegalArgumentException if the value is malformed
 */
public record LeadId(TenantId tenant, String value) implements TenantScopedId {
  public LeadId {
    java.util.Objects.requireNonNull(tenant, "tenant");
    Ids.checkShape(value, Ids.LOCAL_ID, "lead id");
  }

  public static LeadId of(TenantId tenant, String value) {
    return new LeadId(tenant, value);
  }

  @Override
  public String toString() {
    return tenant + "/" + value;
  }
}
