package dev.relay.org;

import dev.relay.common.RepId;
import dev.relay.common.TeamId;
import dev.relay.common.TenantId;
import java.util.List;
import java.util.Optional;

/**
 * Port to the host's sales organisation. Hosts usually own their users; they implement this port over their user store
 * or keep Relay's copy in sync through {@link #saveRep} and {@link #saveTeam}. Every query is scoped by the tenant of
 * its argument.
 *
 * <p><b>Revisions.</b> Readers that derive something from the whole organisation (the lead router's members per team,
 * zones and managers) keep it while {@link #revision} stays the same. An implementation either changes the tenant's
 * revision on every change to its reps or teams — including changes made behind Relay's back, in the host's own user
 * store — or returns {@link #UNKNOWN_REVISION}, and readers then read the organisation afresh each time.
 */
public interface OrgDirectory {
  /** The revision of a directory that does not track its changes: nothing derived from it may be kept. */
  long UNKNOWN_REVISION = -1;

  Optional<Rep> rep(RepId id);

  Optional<Team> team(TeamId id);

  /** Every rep of the tenant, active or not, ordered by id. */
  List<Rep> reps(TenantId tenant);

  /** Every team of the tenant, ordered by id. */
  List<Team> teams(TenantId tenant);

  /** Inserts or replaces a rep. */
  void saveRep(Rep rep);

  /** Inserts or replaces a team. */
  void saveTeam(Team team);

  /** A consistent view of the tenant's organisation for hierarchy queries. */
  default OrgChart chart(TenantId tenant) {
    return OrgChart.of(reps(tenant), teams(tenant));
  }

  /**
   * A number that changes whenever any rep or team of the tenant changes (inserted, replaced or removed, here or in
   * the host's store), so that whatever was derived from the tenant's organisation at one revision holds as long as
   * the revision does; {@link #UNKNOWN_REVISION} if the directory does not track changes.
   *
   * <p>The default is {@link #UNKNOWN_REVISION}: correct for every directory, and the slowest. An implementation that
   * overrides it must move the revision <em>after</em> the change is visible to {@link #reps} and {@link #teams}
   * (readers read the revision first, then the organisation), must never return the same revision for two different
   * states of the tenant's organisation, and may use any values otherwise (a counter, an update timestamp with enough
   * resolution, a database row version). Two tenants' revisions are unrelated.
   */
  default long revision(TenantId tenant) {
    return UNKNOWN_REVISION;
  }
}
