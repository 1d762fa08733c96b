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
import org.jspecify.annotations.Nullable;

/**
 * An immutable snapshot of one tenant's organisation with the hierarchy queries rules need. Pure: no I/O after
 * construction. Thread-safe: the members of every team are worked out together on the first {@link #membersOf} call and
 * kept, so a chart kept across many calls (the lead router keeps one per {@linkplain OrgDirectory#revision revision})
 * answers each in constant time.
 */
public final class OrgChart {
  private static final Comparator<Rep> BY_ID = Comparator.comparing(r -> r.id().value());

  private final Map<RepId, Rep> reps = new HashMap<>();
  private final Map<TeamId, Team> teams = new HashMap<>();
  /** Active members by team, sub-teams included, sorted by rep id; built on first use (racing builds agree). */
  private volatile @Nullable Map<TeamId, List<Rep>> members;

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
        .sorted(BY_ID).toList();
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

  /** Active reps of a team and its sub-teams, sorted by rep id; unmodifiable. */
  public List<Rep> membersOf(TeamId team) {
    Map<TeamId, List<Rep>> byTeam = members;
    if (byTeam == null) {
      byTeam = indexMembers();
      members = byTeam;
    }
    return byTeam.getOrDefault(team, List.of());
  }

  /** Each active rep under every team of their chain, in one pass over the reps. */
  private Map<TeamId, List<Rep>> indexMembers() {
    Map<TeamId, List<Rep>> byTeam = new HashMap<>();
    for (Rep r : reps.values()) {
      if (r.active() && r.team() != null) {
        for (Team t : teamChain(r.team())) {
          byTeam.computeIfAbsent(t.id(), k -> new ArrayList<>()).add(r);
        }
      }
    }
    Map<TeamId, List<Rep>> sorted = new HashMap<>();
    byTeam.forEach((team, list) -> {
      list.sort(BY_ID);
      sorted.put(team, List.copyOf(list));
    });
    return sorted;
  }
}
