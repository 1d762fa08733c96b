package dev.relay.org;

import dev.relay.common.RepId;
import dev.relay.common.TeamId;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A person in the sales organisation (销售).
 *
 * @param id tenant-scoped id
 * @param name display name
 * @param team the team the rep belongs to, or {@code null}
 * @param roles the playbook roles the rep holds, e.g. {@code sales_rep}, {@code sales_manager}, {@code sales_ops}
 * @param manager the rep's direct manager when it differs from the team's manager, or {@code null}
 * @param active whether the rep can receive work
 * @param zone the rep's time zone
 */
public record Rep(
    RepId id, String name, @Nullable TeamId team, Set<String> roles, @Nullable RepId manager, boolean active,
    ZoneId zone) {
  public Rep {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(zone, "zone");
    roles = Set.copyOf(roles);
    if (team != null && !team.tenant().equals(id.tenant())) {
      throw new IllegalArgumentException("rep " + id + " and team " + team + " belong to different tenants");
    }
    if (manager != null && !manager.tenant().equals(id.tenant())) {
      throw new IllegalArgumentException("rep " + id + " and manager " + manager + " belong to different tenants");
    }
    if (id.equals(manager)) {
      throw new IllegalArgumentException("rep " + id + " cannot manage themselves");
    }
  }

  /** An active rep in a team with roles, in UTC, reporting to the team's manager. */
  public static Rep of(RepId id, String name, TeamId team, String... roles) {
    return new Rep(id, name, team, Set.of(roles), null, true, ZoneId.of("UTC"));
  }

  public Optional<TeamId> teamId() {
    return Optional.ofNullable(team);
  }

  public boolean hasRole(String role) {
    return roles.contains(role);
  }

  public Rep withManager(RepId newManager) {
    return new Rep(id, name, team, roles, newManager, active, zone);
  }

  public Rep withZone(ZoneId newZone) {
    return new Rep(id, name, team, roles, manager, active, newZone);
  }

  public Rep withActive(boolean value) {
    return new Rep(id, name, team, roles, manager, value, zone);
  }
}
