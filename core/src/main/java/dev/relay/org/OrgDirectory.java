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
 */
public interface OrgDirectory {
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
}
