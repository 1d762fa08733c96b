package dev.relay.pool;

import dev.relay.common.RepId;
import java.time.Instant;
import java.util.Objects;

/**
 * A transfer waiting for the approval of the current owner's manager (or anyone above them), when the playbook says
 * transfers need one. It lapses when the account changes owner in another way.
 *
 * @param id unique within the account
 * @param from the owner when it was requested
 * @param to the rep to receive the account
 * @param requestedBy who asked (the owner or someone acting for them)
 * @param requestedAt when
 * @param handoverNote the handover note (转交说明), not blank
 * @throws IllegalArgumentException if the note is blank or the transfer goes to the owner
 */
public record TransferRequest(String id, RepId from, RepId to, RepId requestedBy, Instant requestedAt,
    String handoverNote) implements PoolRequest {
  public TransferRequest {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(requestedBy, "requestedBy");
    Objects.requireNonNull(requestedAt, "requestedAt");
    Objects.requireNonNull(handoverNote, "handoverNote");
    if (handoverNote.isBlank()) {
      throw new IllegalArgumentException("a transfer needs a handover note");
    }
    if (from.equals(to)) {
      throw new IllegalArgumentException("a transfer goes to another rep than " + from);
    }
  }
}
