package dev.relay.common;

import java.util.UUID;

/** {@link IdGenerator} minting random UUIDs: safe across processes sharing one store. */
public final class UuidIdGenerator implements IdGenerator {
  @Override
  public String next(String prefix) {
    return prefix + "-" + UUID.randomUUID();
  }
}
