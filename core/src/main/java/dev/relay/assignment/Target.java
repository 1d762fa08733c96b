package dev.relay.assignment;

import java.util.Objects;

/**
 * Who a rule routes to: one rep, the active members of a team (sub-teams included), a named group of reps, or every
 * active rep of the tenant.
 */
public sealed interface Target permits Target.OneRep, Target.TeamMembers, Target.GroupMembers, Target.Everyone {

  static Target everyone() {
    return Everyone.INSTANCE;
  }

  static Target rep(String repId) {
    return new OneRep(repId);
  }

  static Target team(String teamId) {
    return new TeamMembers(teamId);
  }

  static Target group(String groupKey) {
    return new GroupMembers(groupKey);
  }

  /** One rep (tenant-local id). */
  record OneRep(String repId) implements Target {
    public OneRep {
      Objects.requireNonNull(repId, "repId");
    }
  }

  /** The active members of a team and its sub-teams (tenant-local team id). */
  record TeamMembers(String teamId) implements Target {
    public TeamMembers {
      Objects.requireNonNull(teamId, "teamId");
    }
  }

  /** Every active rep of the tenant. */
  enum Everyone implements Target {
    INSTANCE
  }

  /** The members of a {@link RepGroup} declared in the assignment section. */
  record GroupMembers(String groupKey) implements Target {
    public GroupMembers {
      Objects.requireNonNull(groupKey, "groupKey");
    }
  }
}
