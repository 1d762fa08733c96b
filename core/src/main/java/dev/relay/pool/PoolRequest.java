package dev.relay.pool;

import dev.relay.common.RepId;
import java.time.Instant;

/**
 * A request on an account waiting for someone's decision: a {@link CollaborationRequest} for the owner, a {@link
 * TransferRequest} for the owner's manager.
 */
public sealed interface PoolRequest permits CollaborationRequest, TransferRequest {
  /** Unique within the account. */
  String id();

  /** Who asked. */
  RepId requestedBy();

  Instant requestedAt();
}
