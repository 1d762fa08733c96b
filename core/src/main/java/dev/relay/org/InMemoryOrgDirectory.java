package dev.relay.org;

import dev.relay.common.RepId;
import dev.relay.common.TeamId;
import dev.relay.common.TenantId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Thread-safe in-memory {@link OrgDirectory}. Tracks a {@linkplain #revision revision} per tenant that every save
 * moves, so readers may keep what they derive from the organisation until it changes.
 */
public final class InMemoryOrgDirectory implements OrgDirectory {
  private final ConcurrentMap<RepId, Rep> reps = new ConcurrentHashMap<>();
  private final ConcurrentMap<TeamId, Team> teams = new ConcurrentHashMap<>();
  private final ConcurrentMap<TenantId, AtomicLong> revisions = new ConcurrentHashMap<>();

  @Override
  public Optional<Rep> rep(RepId id) {
    return Optional.ofNullable(reps.get(id));
  }

  @Override
  public Optional<Team> team(TeamId id) {
    return Optional.ofNullable(teams.get(id));
  }

  @Override
  public List<Rep> reps(TenantId tenant) {
    return reps.values().stream().filter(r -> r.id().tenant().equals(tenant))
        .sorted(Comparator.comparing(r -> r.id().value())).toList();
  }

  @Override
  public List<Team> teams(TenantId tenant) {
    return teams.values().stream().filter(t -> t.id().tenant().equals(tenant))
        .sorted(Comparator.comparing(t -> t.id().value())).toList();
  }

  @Override
  public void saveRep(Rep rep) {
    reps.put(rep.id(), rep);
    changed(rep.id().tenant());
  }

  @Override
  public void saveTeam(Team team) {
    teams.put(team.id(), team);
    changed(team.id().tenant());
  }

  /** Starts at 0 for a tenant never saved; moves after each save has become visible. */
  @Override
  public long revision(TenantId tenant) {
    AtomicLong revision = revisions.get(tenant);
    return revision == null ? 0 : revision.get();
  }

  private void changed(TenantId tenant) {
    revisions.computeIfAbsent(tenant, t -> new AtomicLong()).incrementAndGet();
  }
}
