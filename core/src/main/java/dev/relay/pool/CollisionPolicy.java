package dev.relay.pool;

import dev.relay.common.Reason;
import dev.relay.common.RepId;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a rep gets who runs into a customer another rep owns (撞单), by creating, claiming or registering it: with the
 * playbook's {@code conflicts: reject}, a refusal naming the owner where {@code reveal_owner} allows; with {@code
 * collaboration_request}, a request to the owner to let the rep collaborate, filed on the owned account. A rep files at
 * most one pending request per account: asking again returns the pending one.
 */
final class CollisionPolicy {

  /** The conflict in words, for the rep who ran into it. */
  Reason reason(Account owned, OwnerDisclosure disclosure) {
    return new Reason("pool.conflicts", OwnerDisclosure.account(owned) + " is already owned by "
        + disclosure.name(Objects.requireNonNull(owned.owner(), "owner")));
  }

  boolean requestsCollaboration(PoolPolicy policy) {
    return policy.conflicts() == ConflictPolicy.COLLABORATION_REQUEST;
  }

  /**
   * The account with the rep's collaboration request filed, or unchanged with the rep's pending one.
   *
   * @param newId the id a new request gets
   */
  Filing file(Account owned, RepId rep, String newId, Instant now, @Nullable String note) {
    CollaborationRequest pending = owned.collaborationRequestOf(rep).orElse(null);
    if (pending != null) {
      return new Filing(owned, pending, false);
    }
    CollaborationRequest request = new CollaborationRequest(newId, rep, now, note);
    Account.Draft d = owned.draft();
    d.collaborationRequests.add(request);
    return new Filing(d.build(), request, true);
  }

  /**
   * @param account the account with the request
   * @param request the rep's pending request
   * @param isNew whether it was filed just now (and the account must be stored)
   */
  record Filing(Account account, CollaborationRequest request, boolean isNew) {}
}
