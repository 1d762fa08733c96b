package dev.relay.org;

import dev.relay.common.RepId;
import dev.relay.common.TeamId;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A sales team (团队), possibly inside a parent team.
 *
 * @param id tenant-scoped id
 * @param name display name
 * @param parent the enclosing team, or {@code null} for a top-level team
 * @param manager the team's manager, or {@code null}
 */
public record Team(TeamId id, String name, @Nullable TeamId parent, @Nullable RepId manager) {
  public Team {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    if (parent != null && !parent.tenant().equals(id.tenant())) {
      throw new IllegalArgumentException("team " + id + " and parent " + parent + " belong to different tenants");
    }
    if (id.equals(parent)) {
      throw new IllegalArgumentException("team " + id + " cannot contain itself");
    }
  }
}
