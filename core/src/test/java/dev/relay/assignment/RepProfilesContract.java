package dev.relay.assignment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relay.common.RepId;
import dev.relay.common.TenantId;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link RepProfiles}, split by concern. Each implementation certifies itself with an empty subclass
 * that returns a fresh, empty store: {@code class JdbcRepProfilesH2Test extends RepProfilesContract}. Depends only on the
 * port. Implementations under this contract track revisions: {@link RepProfiles#UNKNOWN_REVISION} is a failure.
 */
public abstract class RepProfilesContract {
  protected static final TenantId ACME = TenantId.of("acme");
  protected static final TenantId GLOBEX = TenantId.of("globex");
  protected static final RepId LI = RepId.of(ACME, "li");
  protected static final RepId SUN = RepId.of(ACME, "sun");
  protected static final RepId ZHAO = RepId.of(ACME, "zhao");
  protected static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z");

  private RepProfiles profiles;

  /** A new store holding nothing. */
  protected abstract RepProfiles createProfiles();

  @BeforeEach
  protected void freshProfiles() {
    profiles = createProfiles();
  }

  protected RepProfiles profiles() {
    return profiles;
  }

  protected static RepProfile full(RepId rep) {
    return RepProfile.builder(rep).weight(3).seniority("senior").skills("crm", "erp").industries("retail")
        .regions("华东 east").languages("zh", "en").hours(WorkingHours.officeHours()).paused(false)
        .absent(T0, T0.plusSeconds(86_400), "年假 annual leave").build();
  }

  /** Saving, finding and listing profiles, as the port's Javadoc orders them. */
  @Nested
  protected class Storage {
    @Test
    protected void a_saved_profile_is_found_with_every_field() {
      RepProfile li = full(LI);
      profiles.save(li);
      assertEquals(Optional.of(li), profiles.find(LI));
      assertEquals(li, profiles.profileOf(LI));
    }

    @Test
    protected void a_rep_without_a_profile_gets_the_defaults() {
      assertEquals(Optional.empty(), profiles.find(LI));
      assertEquals(RepProfile.defaults(LI), profiles.profileOf(LI));
      assertEquals(List.of(), profiles.all(ACME));
    }

    @Test
    protected void saving_again_replaces_the_profile() {
      profiles.save(full(LI));
      RepProfile paused = full(LI).toBuilder().paused(true).build();
      profiles.save(paused);
      assertEquals(Optional.of(paused), profiles.find(LI));
      assertEquals(List.of(paused), profiles.all(ACME));
    }

    @Test
    protected void all_profiles_are_listed_by_rep_id() {
      profiles.save(RepProfile.defaults(ZHAO));
      profiles.save(RepProfile.defaults(LI));
      profiles.save(RepProfile.defaults(SUN));
      assertEquals(List.of(LI, SUN, ZHAO), profiles.all(ACME).stream().map(RepProfile::rep).toList());
    }
  }

  /** One tenant never sees, nor disturbs, another's profiles. */
  @Nested
  protected class TenantIsolation {
    @Test
    protected void the_same_rep_id_in_two_tenants_has_two_profiles() {
      RepId globexLi = RepId.of(GLOBEX, "li");
      profiles.save(full(LI));
      profiles.save(RepProfile.builder(globexLi).paused(true).build());
      assertEquals(full(LI), profiles.profileOf(LI));
      assertTrue(profiles.profileOf(globexLi).paused());
      assertEquals(List.of(full(LI)), profiles.all(ACME));
    }

    @Test
    protected void a_tenant_lists_only_its_own() {
      profiles.save(full(LI));
      assertEquals(List.of(), profiles.all(GLOBEX));
    }

    @Test
    protected void saving_in_one_tenant_leaves_the_others_revision_alone() {
      profiles.save(RepProfile.defaults(RepId.of(GLOBEX, "wang")));
      long globex = profiles.revision(GLOBEX);
      profiles.save(full(LI));
      assertEquals(globex, profiles.revision(GLOBEX));
    }
  }

  /** What the router, which keeps profiles per revision, relies on. */
  @Nested
  protected class Revisions {
    @Test
    protected void an_untouched_tenant_has_a_tracked_revision() {
      assertNotEquals(RepProfiles.UNKNOWN_REVISION, profiles.revision(ACME));
    }

    @Test
    protected void reading_does_not_move_the_revision() {
      profiles.save(full(LI));
      long before = profiles.revision(ACME);
      profiles.all(ACME);
      profiles.find(LI);
      profiles.profileOf(SUN);
      assertEquals(before, profiles.revision(ACME));
    }

    @Test
    protected void pausing_a_rep_moves_the_revision_and_is_then_visible() {
      profiles.save(full(LI));
      long before = profiles.revision(ACME);
      profiles.save(full(LI).toBuilder().paused(true).build());
      assertNotEquals(before, profiles.revision(ACME));
      assertTrue(profiles.profileOf(LI).paused());
    }

    @Test
    protected void no_revision_is_used_for_two_states() {
      Set<Long> seen = new HashSet<>();
      seen.add(profiles.revision(ACME));
      for (int i = 0; i < 20; i++) {
        profiles.save(full(LI).toBuilder().paused(i % 2 == 0).build());
        long revision = profiles.revision(ACME);
        assertNotEquals(RepProfiles.UNKNOWN_REVISION, revision);
        assertTrue(seen.add(revision), "revision " + revision + " reused after save " + i);
      }
    }
  }
}
