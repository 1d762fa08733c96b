package dev.relay.org;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relay.common.RepId;
import dev.relay.common.TeamId;
import dev.relay.common.TenantId;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link OrgDirectory}, split by concern. Each implementation certifies itself with an empty subclass
 * that returns a fresh, empty directory: {@code class JdbcOrgDirectoryH2Test extends OrgDirectoryContract}. Depends only
 * on the port. Implementations under this contract track revisions: {@link OrgDirectory#UNKNOWN_REVISION} is a failure.
 */
public abstract class OrgDirectoryContract {
  protected static final TenantId ACME = TenantId.of("acme");
  protected static final TenantId GLOBEX = TenantId.of("globex");
  protected static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  private OrgDirectory directory;

  /** A new directory holding nothing. */
  protected abstract OrgDirectory createDirectory();

  @BeforeEach
  protected void freshDirectory() {
    directory = createDirectory();
  }

  protected OrgDirectory directory() {
    return directory;
  }

  protected static Rep rep(TenantId tenant, String id, String team, boolean active) {
    return new Rep(RepId.of(tenant, id), "Rep " + id, team == null ? null : TeamId.of(tenant, team),
        Set.of("sales"), null, active, SHANGHAI);
  }

  protected static Team team(TenantId tenant, String id, String parent) {
    return new Team(TeamId.of(tenant, id), "Team " + id, parent == null ? null : TeamId.of(tenant, parent), null);
  }

  /** Saving, finding and listing reps and teams, as the port's Javadoc orders them. */
  @Nested
  protected class Storage {
    @Test
    protected void a_saved_rep_is_found_as_saved_with_every_field() {
      Team east = team(ACME, "east", null);
      directory.saveTeam(east);
      RepId boss = RepId.of(ACME, "boss");
      Rep li = new Rep(RepId.of(ACME, "li"), "李 Li", east.id(), Set.of("sales", "lead"), boss, true, SHANGHAI);
      directory.saveRep(li);
      assertEquals(Optional.of(li), directory.rep(li.id()));
      assertEquals(Optional.of(east), directory.team(east.id()));
    }

    @Test
    protected void an_unknown_rep_or_team_is_absent() {
      assertEquals(Optional.empty(), directory.rep(RepId.of(ACME, "nobody")));
      assertEquals(Optional.empty(), directory.team(TeamId.of(ACME, "nowhere")));
      assertEquals(List.of(), directory.reps(ACME));
      assertEquals(List.of(), directory.teams(ACME));
    }

    @Test
    protected void saving_a_rep_again_replaces_it() {
      directory.saveRep(rep(ACME, "li", null, true));
      Rep deactivated = rep(ACME, "li", null, false);
      directory.saveRep(deactivated);
      assertEquals(Optional.of(deactivated), directory.rep(deactivated.id()));
      assertEquals(List.of(deactivated), directory.reps(ACME));
    }

    @Test
    protected void saving_a_team_again_replaces_it() {
      directory.saveTeam(team(ACME, "east", null));
      directory.saveTeam(team(ACME, "north", null));
      Team moved = team(ACME, "east", "north");
      directory.saveTeam(moved);
      assertEquals(Optional.of(moved), directory.team(moved.id()));
      assertEquals(2, directory.teams(ACME).size());
    }

    @Test
    protected void reps_active_or_not_are_listed_by_id() {
      directory.saveRep(rep(ACME, "zhao", null, true));
      directory.saveRep(rep(ACME, "li", null, false));
      directory.saveRep(rep(ACME, "sun", null, true));
      assertEquals(List.of("li", "sun", "zhao"), directory.reps(ACME).stream().map(r -> r.id().value()).toList());
    }

    @Test
    protected void teams_are_listed_by_id() {
      directory.saveTeam(team(ACME, "west", null));
      directory.saveTeam(team(ACME, "east", null));
      directory.saveTeam(team(ACME, "north", "east"));
      assertEquals(List.of("east", "north", "west"), directory.teams(ACME).stream().map(t -> t.id().value()).toList());
    }
  }

  /** One tenant never sees, nor disturbs, another's organisation. */
  @Nested
  protected class TenantIsolation {
    @Test
    protected void the_same_ids_in_two_tenants_are_two_reps_and_two_teams() {
      directory.saveRep(rep(ACME, "li", "east", true));
      directory.saveRep(rep(GLOBEX, "li", "east", false));
      directory.saveTeam(team(ACME, "east", null));
      directory.saveTeam(team(GLOBEX, "east", null));
      assertTrue(directory.rep(RepId.of(ACME, "li")).orElseThrow().active());
      assertTrue(!directory.rep(RepId.of(GLOBEX, "li")).orElseThrow().active());
      assertEquals(List.of(rep(ACME, "li", "east", true)), directory.reps(ACME));
      assertEquals(List.of(team(GLOBEX, "east", null)), directory.teams(GLOBEX));
    }

    @Test
    protected void a_tenant_lists_only_its_own() {
      directory.saveRep(rep(ACME, "li", null, true));
      directory.saveTeam(team(ACME, "east", null));
      assertEquals(List.of(), directory.reps(GLOBEX));
      assertEquals(List.of(), directory.teams(GLOBEX));
    }

    @Test
    protected void saving_in_one_tenant_leaves_the_others_revision_alone() {
      directory.saveRep(rep(GLOBEX, "wang", null, true));
      long globex = directory.revision(GLOBEX);
      directory.saveRep(rep(ACME, "li", null, true));
      directory.saveTeam(team(ACME, "east", null));
      assertEquals(globex, directory.revision(GLOBEX));
    }
  }

  /** What readers that cache per revision (the router's rosters) rely on. */
  @Nested
  protected class Revisions {
    @Test
    protected void an_untouched_tenant_has_a_tracked_revision() {
      assertNotEquals(OrgDirectory.UNKNOWN_REVISION, directory.revision(ACME));
    }

    @Test
    protected void reading_does_not_move_the_revision() {
      directory.saveRep(rep(ACME, "li", null, true));
      long before = directory.revision(ACME);
      directory.reps(ACME);
      directory.teams(ACME);
      directory.rep(RepId.of(ACME, "li"));
      assertEquals(before, directory.revision(ACME));
    }

    @Test
    protected void every_save_moves_the_revision_even_an_identical_one() {
      Set<Long> seen = new HashSet<>();
      seen.add(directory.revision(ACME));
      directory.saveRep(rep(ACME, "li", null, true));
      assertTrue(seen.add(directory.revision(ACME)), "first rep");
      directory.saveTeam(team(ACME, "east", null));
      assertTrue(seen.add(directory.revision(ACME)), "first team");
      directory.saveRep(rep(ACME, "li", "east", true));
      assertTrue(seen.add(directory.revision(ACME)), "rep moved to a team");
      directory.saveRep(rep(ACME, "li", "east", true));
      assertNotEquals(OrgDirectory.UNKNOWN_REVISION, directory.revision(ACME));
    }

    @Test
    protected void no_revision_is_used_for_two_states() {
      // Going back to an earlier state must not reuse that state's revision for a different one in between.
      Set<Long> seen = new HashSet<>();
      seen.add(directory.revision(ACME));
      for (int i = 0; i < 20; i++) {
        directory.saveRep(rep(ACME, "li", null, i % 2 == 0));
        long revision = directory.revision(ACME);
        assertNotEquals(OrgDirectory.UNKNOWN_REVISION, revision);
        assertTrue(seen.add(revision), "revision " + revision + " reused after save " + i);
      }
    }

    @Test
    protected void a_change_is_visible_once_the_revision_moved() {
      long before = directory.revision(ACME);
      directory.saveRep(rep(ACME, "li", null, true));
      assertNotEquals(before, directory.revision(ACME));
      assertEquals(1, directory.reps(ACME).size());
    }
  }
}
