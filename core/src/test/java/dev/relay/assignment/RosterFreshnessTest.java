package dev.relay.assignment;

import static dev.relay.assignment.RoutingFixture.LI;
import static dev.relay.assignment.RoutingFixture.SUN;
import static dev.relay.assignment.RoutingFixture.TENANT;
import static dev.relay.assignment.RoutingFixture.ZHANG;
import static dev.relay.assignment.RoutingFixture.eastTeam;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.relay.common.RepId;
import dev.relay.common.TeamId;
import dev.relay.common.TenantId;
import dev.relay.org.InMemoryOrgDirectory;
import dev.relay.org.OrgDirectory;
import dev.relay.org.Rep;
import dev.relay.org.Team;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The router keeps each rule's members between routes for speed, yet a change to the team, a profile or the playbook
 * shows in the very next route — also with a directory or profile store that does not track revisions.
 */
class RosterFreshnessTest {
  private final RoutingFixture f = new RoutingFixture();

  @Test
  void aRepWhoPausesIsSkippedFromTheNextLeadOn() {
    f.use(eastTeam(Strategy.ROUND_ROBIN, UnaryOperator.identity()));
    assertEquals(LI, f.route().assignee());

    f.profile(RepProfile.builder(SUN).paused(true));

    RoutingDecision next = f.route();
    assertEquals(ZHANG, next.assignee());
    assertFalse(next.candidate(SUN).orElseThrow().eligible());
  }

  @Test
  void aRepWhoJoinsTheTeamIsInTheNextRotation() {
    f.use(eastTeam(Strategy.ROUND_ROBIN, UnaryOperator.identity()));
    f.routeMany(3);

    RepId newcomer = RoutingFixture.rep("tang");
    f.org.saveRep(Rep.of(newcomer, "Tang", TeamId.of(TENANT, "east"), "sales_rep").withZone(RoutingFixture.SHANGHAI));

    assertEquals(List.of(LI, SUN, newcomer, ZHANG), f.routeMany(4));
  }

  @Test
  void aRepWhoLeavesIsOutOfTheNextRotation() {
    f.use(eastTeam(Strategy.ROUND_ROBIN, UnaryOperator.identity()));
    assertEquals(LI, f.route().assignee());

    f.changeRep(SUN, rep -> rep.withActive(false));

    assertEquals(ZHANG, f.route().assignee());
  }

  @Test
  void aNewPlaybookVersionRoutesTheNextLead() {
    f.use(eastTeam(Strategy.ROUND_ROBIN, UnaryOperator.identity()));
    RoutingDecision before = f.route();

    f.use(eastTeam(Strategy.ROUND_ROBIN, r -> r.target(Target.rep("zhang"))));
    RoutingDecision after = f.route();

    assertEquals(before.playbookVersion() + 1, after.playbookVersion());
    assertEquals(ZHANG, after.assignee());
  }

  @Test
  void aDirectoryWithoutRevisionsIsReadAgainOnEveryRoute() {
    UntrackedDirectory org = new UntrackedDirectory(f.org);
    LeadRouter router = new LeadRouter(new InMemoryRoutingState(), new UntrackedProfiles(f.profiles), org,
        f.playbooks, f.clock);
    f.use(eastTeam(Strategy.ROUND_ROBIN, UnaryOperator.identity()));
    assertEquals(LI, router.route(f.request(java.util.Map.of())).assignee());

    // Both changes bypass the in-memory stores' revisions, as a host's own tables would.
    f.org.saveRep(f.org.rep(SUN).orElseThrow().withActive(false));
    f.profiles.save(RepProfile.builder(ZHANG).paused(true).build());

    RoutingDecision next = router.route(f.request(java.util.Map.of()));
    assertEquals(LI, next.assignee(), "sun left and zhang paused: the rotation comes back to li");
    assertFalse(next.candidate(ZHANG).orElseThrow().eligible());
  }

  /** A host's directory that tracks no revisions: delegates everything else. */
  private static final class UntrackedDirectory implements OrgDirectory {
    private final InMemoryOrgDirectory delegate;

    UntrackedDirectory(InMemoryOrgDirectory delegate) {
      this.delegate = delegate;
    }

    @Override
    public Optional<Rep> rep(RepId id) {
      return delegate.rep(id);
    }

    @Override
    public Optional<Team> team(TeamId id) {
      return delegate.team(id);
    }

    @Override
    public List<Rep> reps(TenantId tenant) {
      return delegate.reps(tenant);
    }

    @Override
    public List<Team> teams(TenantId tenant) {
      return delegate.teams(tenant);
    }

    @Override
    public void saveRep(Rep rep) {
      delegate.saveRep(rep);
    }

    @Override
    public void saveTeam(Team team) {
      delegate.saveTeam(team);
    }
  }

  /** A host's profile store that tracks no revisions. */
  private static final class UntrackedProfiles implements RepProfiles {
    private final InMemoryRepProfiles delegate;

    UntrackedProfiles(InMemoryRepProfiles delegate) {
      this.delegate = delegate;
    }

    @Override
    public Optional<RepProfile> find(RepId rep) {
      return delegate.find(rep);
    }

    @Override
    public List<RepProfile> all(TenantId tenant) {
      return delegate.all(tenant);
    }

    @Override
    public void save(RepProfile profile) {
      delegate.save(profile);
    }
  }
}
