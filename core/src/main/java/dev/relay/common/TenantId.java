package dev.relay.common;

import java.util.regex.Pattern;

/**
 * One customer organisation of the host (an ISV's customer). Every record in Relay belongs to exactly one tenant and no
 * query crosses tenants.
 *
 * @param value 1–64 characters of letters, digits, {@code -}, {@code _} or {@code .}
 * @throws IllegalArgumentException if the value is malformed
 */
public record TenantId(String value) {
  private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  public TenantId {
    Ids.checkShape(value, SHAPE, "tenant id");
  }

  public static TenantId of(String value) {
    return new TenantId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
