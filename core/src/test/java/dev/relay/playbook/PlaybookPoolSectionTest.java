package dev.relay.playbook;

import static dev.relay.criteria.Criteria.all;
import static dev.relay.criteria.Criteria.field;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relay.criteria.Criteria;
import dev.relay.pool.ClaimRules;
import dev.relay.pool.ConflictPolicy;
import dev.relay.pool.DuplicatePolicy;
import dev.relay.pool.Exemptions;
import dev.relay.pool.PoolDefinition;
import dev.relay.pool.PoolPolicy;
import dev.relay.pool.RecycleRule;
import dev.relay.pool.RecycleTrigger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The customer-pool section: defaults, the JSON form and the builder over the same model, canonical writing. */
class PlaybookPoolSectionTest {
  /** Only the required keys of a playbook, and no pool section. */
  private static final String MINIMAL = """
      {
        "pipeline": {
          "key": "simple",
          "stages": [{"key": "open", "probability": 20}, {"key": "closed", "probability": 100}],
          "lost_reasons": [{"key": "price"}]
        }
      }
      """;

  @Test
  void aPlaybookWithoutAPoolSectionHasTheDefaultPolicy() {
    assertEquals(PoolPolicy.defaults(), PlaybookJson.read(MINIMAL).pool());
    assertEquals(PoolPolicy.defaults(), SmallTeamPlaybook.built().pool());
    PoolPolicy defaults = PoolPolicy.defaults();
    assertEquals("CN", defaults.defaultRegion());
    assertEquals(List.of(PoolDefinition.everyone()), defaults.pools());
    assertNull(defaults.gradeField());
  }

  @Test
  void anEmptyPoolSectionMeansTheDefaults() {
    Playbook empty = PlaybookJson.read(MINIMAL.replace("\"pipeline\":", "\"pool\": {},\n  \"pipeline\":"));
    assertEquals(PlaybookJson.read(MINIMAL), empty);
    assertEquals(PoolPolicy.defaults(), empty.pool());
  }

  @Test
  void absentKeysOfAPoolTakeTheirDefaults() {
    Playbook read = PlaybookJson.read(MINIMAL.replace("\"pipeline\":",
        "\"pool\": {\"pools\": [{\"key\": \"all\"}, {\"key\": \"idle\", \"recycle\": [{\"key\": \"quiet\", "
            + "\"trigger\": \"no_follow_up\", \"default_days\": 20}]}]},\n  \"pipeline\":"));
    PoolDefinition all = read.pool().pools().get(0);
    assertEquals(PoolDefinition.builder("all", "all").build(), all);
    assertEquals(Criteria.always(), all.accounts());
    assertEquals(List.of(), all.memberTeams());
    assertEquals(ClaimRules.unlimited(), all.claim());
    assertEquals(List.of(), all.recycle());
    assertEquals(Exemptions.standard(), all.exempt());
    RecycleRule quiet = read.pool().pools().get(1).recycle().get(0);
    assertEquals(new RecycleRule("quiet", "quiet", RecycleTrigger.NO_FOLLOW_UP, Criteria.always(), Map.of(), 20, 0),
        quiet);
    assertEquals(PoolPolicy.defaults().defaultRegion(), read.pool().defaultRegion());
    assertEquals(PoolPolicy.defaults().registrationProtection(), read.pool().registrationProtection());
  }

  @Test
  void builderAndJsonFormGiveEqualPlaybooks() {
    Playbook built = RegionalPoolsPlaybook.built();
    Playbook read = PlaybookJson.read(RegionalPoolsPlaybook.json());
    assertEquals(built, read);
    assertEquals(built.pool(), read.pool());
    assertEquals(PlaybookJson.write(built), PlaybookJson.write(read));
  }

  @Test
  void aFullPoolSectionSurvivesWriteThenRead() {
    Playbook built = RegionalPoolsPlaybook.built();
    String written = PlaybookJson.write(built);
    Playbook read = PlaybookJson.read(written);
    assertEquals(built.pool(), read.pool());
    assertEquals(built.fingerprint(), read.fingerprint());
    assertEquals(written, PlaybookJson.write(read));
    assertEquals(RegionalPoolsPlaybook.json(), written);
  }

  @Test
  void theJsonSaysWhatTheAuthorsMeant() {
    PoolPolicy pool = PlaybookJson.read(RegionalPoolsPlaybook.json()).pool();
    assertEquals("DE", pool.defaultRegion());
    assertEquals(DuplicatePolicy.FLAG, pool.duplicates());
    assertEquals(0.9, pool.similarNameThreshold());
    assertEquals(ConflictPolicy.COLLABORATION_REQUEST, pool.conflicts());
    assertFalse(pool.revealOwner());
    assertEquals("grade", pool.gradeField());
    assertEquals(Duration.ofDays(14), pool.registrationProtection());
    assertTrue(pool.transferNeedsApproval());
    assertFalse(pool.dealsFollowTransfer());
    assertTrue(pool.tasksFollowTransfer());
    PoolDefinition east = pool.pools().get(0);
    assertEquals(all(field("region").eq("east")), east.accounts());
    assertEquals(List.of("east", "key_accounts"), east.memberTeams());
    assertEquals(new ClaimRules(50, true, 5, 10, Duration.ofDays(30), Duration.ofDays(7)), east.claim());
    RecycleRule noFollowUp = east.recycle().get(0);
    assertEquals(Map.of("A", 30, "B", 15, "C", 7), noFollowUp.days());
    assertEquals(15, noFollowUp.daysFor("B"));
    assertEquals(10, noFollowUp.daysFor("D"));
    assertEquals(10, noFollowUp.daysFor(null));
    assertEquals(3, noFollowUp.warnDaysBefore());
    assertEquals(RecycleTrigger.NO_DEAL_PROGRESS, east.recycle().get(1).trigger());
    assertEquals(new Exemptions(true, true, false, all(field("open_receivable").gt(0))), east.exempt());
    assertEquals(Duration.ofHours(36), pool.pools().get(1).claim().protection());
  }

  @Test
  void theDefaultPoolSectionIsWrittenOut() {
    String written = PlaybookJson.write(PlaybookJson.read(MINIMAL));
    assertEquals("""
          "pool": {
            "default_region": "CN",
            "duplicates": "reject",
            "similar_name_threshold": 0.85,
            "conflicts": "reject",
            "reveal_owner": true,
            "registration_protection": "P30D",
            "transfer": {
              "needs_approval": false,
              "deals_follow": true,
              "tasks_follow": true
            },
            "pools": [
              {
                "key": "public",
                "label": "公海 Public pool",
                "member_teams": [],
                "claim": {
                  "count_won": false
                },
                "recycle": [],
                "exempt": {
                  "locked": true,
                  "customers": true,
                  "open_contracts": true
                }
              }
            ]
          }
        }
        """, written.substring(written.indexOf("  \"pool\": {")));
    assertEquals(PlaybookJson.read(MINIMAL), PlaybookJson.read(written));
  }

  @Test
  void canonicalPoolSectionOmitsOnlyWhatMeansNothing() {
    String written = PlaybookJson.write(RegionalPoolsPlaybook.built());
    String national = written.substring(written.indexOf("\"key\": \"national\""));
    assertFalse(national.contains("\"accounts\""), national);
    assertFalse(national.contains("\"max_owned\""), national);
    assertFalse(national.contains("\"reclaim_cooldown\""), national);
    assertFalse(national.contains("\"days\""), national);
    assertFalse(national.contains("\"when\""), national);
    assertTrue(national.contains("\"member_teams\": []"), national);
    assertTrue(national.contains("\"count_won\": false"), national);
    assertTrue(national.contains("\"warn_days_before\": 0"), national);
    assertTrue(national.contains("\"protection\": \"PT36H\""), national);
  }

  @Test
  void daysAreWrittenInTheOrderOfTheGrades() {
    Playbook built = RegionalPoolsPlaybook.builder()
        .pool(RegionalPoolsPlaybook.pool().pools(List.of(PoolDefinition.builder("all", "All")
            .recycle(RecycleRule.builder("idle", "Idle", RecycleTrigger.NO_FOLLOW_UP)
                .days("D", 5).days("A", 40).days("C", 9).defaultDays(12))
            .build())))
        .build();
    String written = PlaybookJson.write(built);
    assertTrue(written.contains("""
        "days": {
          "A": 40,
          "C": 9,
          "D": 5
        },""".indent(12).stripTrailing()), written);
    assertEquals(built, PlaybookJson.read(written));
  }

  @Test
  void changingThePoolMakesAnotherPlaybook() {
    Playbook changed = RegionalPoolsPlaybook.builder()
        .pool(RegionalPoolsPlaybook.pool().registrationProtection(Duration.ofDays(15)))
        .build();
    assertNotEquals(RegionalPoolsPlaybook.built(), changed);
    assertNotEquals(RegionalPoolsPlaybook.built().fingerprint(), changed.fingerprint());
  }

  @Test
  void theModelBuildersStartFromTheDefaults() {
    assertEquals(PoolPolicy.defaults(), PoolPolicy.builder().build());
    assertEquals(ClaimRules.unlimited(), ClaimRules.builder().build());
    assertEquals(new PoolDefinition("p", "P", Criteria.always(), List.of(), ClaimRules.unlimited(), List.of(),
        Exemptions.standard()), PoolDefinition.builder("p", "P").build());
    assertEquals(new Exemptions(true, true, true, all(field("vip").eq(true))),
        Exemptions.standard().withWhen(all(field("vip").eq(true))));
  }
}
