package dev.relay.org;

import dev.relay.common.RepId;
import dev.relay.common.TeamId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable snapshot of one tenant's organisation with the hierarchy queries rules need. Pure: no I/O after
 * construction.
 */
public final class OrgChart {
  private final Map<RepId, Rep> reps = new HashMap<>();
  private final Map<TeamId, Team> teams = new HashMap<>();

  private OrgChart(List<Rep> reps, List<Team> teams) {
    reps.forEach(r -> this.reps.put(r.id(), r));
    teams.forEach(t -> this.teams.put(t.id(), t));
  }

  public static OrgChart of(List<Rep> reps, List<Team> teams) {
    return new OrgChart(reps, teams);
  }

  public Optional<Rep> rep(RepId id) {
    return Optional.ofNullable(reps.get(id));
  }

  /**
   * The rep's manager: the rep's own manager if set, else the manager of the nearest team above the rep (its own team,
   * then parents) whose manager is not the rep.
   */
  public Optional<RepId> managerOf(RepId repId) {
    Rep rep = reps.get(repId);
    if (rep == null) {
      return Optional.empty();
    }
    if (rep.manager() != null) {
      return Optional.of(rep.manager());
    }
    for (Team t : teamChain(rep.team())) {
      if (t.manager() != null && !t.manager().equals(repId)) {
        return Optional.of(t.manager());
      }
    }
    return Optional.empty();
  }

  /** The managers above a rep, nearest first, without cycles. */
  public List<RepId> managersAbove(RepId repId) {
    List<RepId> chain = new ArrayList<>();
    Set<RepId> seen = new HashSet<>();
    seen.add(repId);
    Optional<RepId> next = managerOf(repId);
    while (next.isPresent() && seen.add(next.get())) {
      chain.add(next.get());
      next = managerOf(next.get());
    }
    return chain;
  }

  /** Whether {@code manager} is somewhere above {@code rep} in the hierarchy. */
  public boolean isAbove(RepId manager, RepId rep) {
    return managersAbove(rep).contains(manager);
  }

  /**
   * The active holder of {@code role} nearest to {@code near}: in the rep's own team, then each enclosing team, then
   * anywhere in the tenant; ties broken by rep id so the answer is deterministic.
   */
  public Optional<RepId> nearestHolderOf(String role, RepId near) {
    Rep rep = reps.get(near);
    List<Rep> holders = reps.values().stream().filter(r -> r.active() && r.hasRole(role))
        .sorted(Comparator.comparing(r -> r.id().value())).toList();
    if (holders.isEmpty()) {
      return Optional.empty();
    }
    if (rep != null) {
      for (Team t : teamChain(rep.team())) {
        for (Rep h : holders) {
          if (t.id().equals(h.team())) {
            return Optional.of(h.id());
          }
        }
      }
    }
    return Optional.of(holders.get(0).id());
  }

  /** The team and its enclosing teams, innermost first, without cycles. */
  private List<Team> teamChain(TeamId start) {
    List<Team> chain = new ArrayList<>();
    Set<TeamId> seen = new HashSet<>();
    TeamId cursor = start;
    while (cursor != null && seen.add(cursor)) {
      Team t = teams.get(cursor);
      if (t == null) {
        break;
      }
      chain.add(t);
      cursor = t.parent();
    }
    return chain;
  }

  /** Active reps of a team and its sub-teams. */
  public List<Rep> membersOf(TeamId team) {
    List<Rep> out = new ArrayList<>();
    for (Rep r : reps.values()) {
      if (r.active() && r.team() != null && teamChain(r.team()).stream().anyMatch(t -> t.id().equals(team))) {
        out.add(r);
      }
    }
    out.sort(Comparator.comparing(r -> r.id().value()));
    return out;
  }
}
