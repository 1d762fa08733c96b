package dev.relay.common;

/**
 * Identifies an account within one tenant. Two ids are equal only if both tenant and value are.
 *
 * @param tenant the owning tenant
 * @param value the tenant-local identifier (1–128 letters, digits, {@code _ . : @ -})
 * @throws IllegalArgumentException if the value is malformed
 */
public record AccountId(TenantId tenant, String value) implements TenantScopedId {
  public AccountId {
    java.util.Objects.requireNonNull(tenant, "tenant");
    Ids.checkShape(value, Ids.LOCAL_ID, "account id");
  }

  public static AccountId of(TenantId tenant, String value) {
    return new AccountId(tenant, value);
  }

  @Override
  public String toString() {
    return tenant + "/" + value;
  }
}
