package dev.relay.assignment;

import dev.relay.common.RepId;
import dev.relay.common.TenantId;
import java.util.List;
import java.util.Optional;

/**
 * Port to the reps' routing profiles. Hosts keep them in step with their HR and calendar systems.
 *
 * <p><b>Revisions.</b> The lead router keeps each rep's profile while {@link #revision} stays the same. An
 * implementation either changes the tenant's revision on every change to its profiles — including changes made behind
 * Relay's back, say a calendar sync pausing a rep — or returns {@link #UNKNOWN_REVISION}, and the router then reads the
 * profiles afresh for every lead.
 */
public interface RepProfiles {
  /** The revision of a store that does not track its changes: no profile read from it may be kept. */
  long UNKNOWN_REVISION = -1;

  Optional<RepProfile> find(RepId rep);

  /** Every profile of the tenant, ordered by rep id. */
  List<RepProfile> all(TenantId tenant);

  /** Inserts or replaces a profile. */
  void save(RepProfile profile);

  /** The rep's profile, or {@link RepProfile#defaults} if none is stored. */
  default RepProfile profileOf(RepId rep) {
    return find(rep).orElseGet(() -> RepProfile.defaults(rep));
  }

  /**
   * A number that changes whenever any profile of the tenant changes (saved, replaced or removed, here or in the host's
   * store), so that profiles read at one revision hold as long as the revision does; {@link #UNKNOWN_REVISION} if the
   * store does not track changes.
   *
   * <p>The default is {@link #UNKNOWN_REVISION}: correct for every store, and the slowest. An implementation that
   * overrides it must move the revision <em>after</em> the change is visible to {@link #find} (readers read the
   * revision first, then the profiles), must never return the same revision for two different states of the tenant's
   * profiles, and may use any values otherwise. Two tenants' revisions are unrelated.
   */
  default long revision(TenantId tenant) {
    return UNKNOWN_REVISION;
  }
}
