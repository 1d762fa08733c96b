package dev.relay.pool;

import dev.relay.common.RepId;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A rep who met another rep's customer (撞单) asking to work on it as a collaborator; the owner (or their manager)
 * accepts or declines.
 *
 * @param id unique within the account
 * @param requestedBy the rep who wants to collaborate
 * @param requestedAt when
 * @param note what the rep said, or {@code null}
 */
public record CollaborationRequest(String id, RepId requestedBy, Instant requestedAt, @Nullable String note)
    implements PoolRequest {
  public CollaborationRequest {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(requestedBy, "requestedBy");
    Objects.requireNonNull(requestedAt, "requestedAt");
  }
}
