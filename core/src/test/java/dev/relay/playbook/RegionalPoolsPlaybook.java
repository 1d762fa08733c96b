package dev.relay.playbook;

import static dev.relay.criteria.Criteria.all;
import static dev.relay.criteria.Criteria.field;

import dev.relay.fields.EntityKind;
import dev.relay.fields.FieldDefinition;
import dev.relay.fields.FieldType;
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

/**
 * The small team with a full customer-pool section, every key set away from its default: as the canonical JSON of
 * {@code playbooks/regional-pools.json} and as the same configuration built in Java. Public so that other modules
 * (and the pool's own tests) can use it through the core test-jar.
 *
 * <p>Accounts have the custom fields {@code region} (east, west), {@code grade} (A–D, the grade field) and {@code
 * open_receivable}. Pool 0 is {@code east}: recycle rule 0 {@code no_follow_up} (A 30, B 15, C 7 days, else 10, warned
 * 3 days before), rule 1 {@code stalled_key_deals} for grades A and B. Pool 1 is {@code national}, for everyone else.
 */
public final class RegionalPoolsPlaybook {
  /** The classpath resource holding the canonical JSON form. */
  public static final String RESOURCE = "/playbooks/regional-pools.json";

  private RegionalPoolsPlaybook() {}

  /** The canonical JSON text. */
  public static String json() {
    return SmallTeamPlaybook.resource(RESOURCE);
  }

  /** The same playbook as {@link #json()}, built in Java. */
  public static Playbook built() {
    return builder().build();
  }

  /** A builder holding the whole configuration, for tests that change one thing. */
  public static Playbook.Builder builder() {
    return SmallTeamPlaybook.builder("Regional pools")
        .customField(EntityKind.ACCOUNT,
            FieldDefinition.customEnum("region", FieldType.ENUM, List.of("east", "west")).withLabel("Region"))
        .customField(EntityKind.ACCOUNT,
            FieldDefinition.customEnum("grade", FieldType.ENUM, List.of("A", "B", "C", "D")).withLabel("Grade"))
        .customField(EntityKind.ACCOUNT,
            FieldDefinition.custom("open_receivable", FieldType.DECIMAL).withLabel("Open receivable"))
        .pool(pool());
  }

  /** The pool section on its own. */
  public static PoolPolicy.Builder pool() {
    return PoolPolicy.builder()
        .defaultRegion("DE")
        .duplicates(DuplicatePolicy.FLAG)
        .similarNameThreshold(0.9)
        .conflicts(ConflictPolicy.COLLABORATION_REQUEST)
        .revealOwner(false)
        .gradeField("grade")
        .registrationProtection(Duration.ofDays(14))
        .transferNeedsApproval(true)
        .dealsFollowTransfer(false)
        .tasksFollowTransfer(true)
        .pool(PoolDefinition.builder("east", "华东公海 East China pool")
            .accounts(all(field("region").eq("east")))
            .memberTeams("east", "key_accounts")
            .claim(ClaimRules.builder()
                .maxOwned(50)
                .countWon(true)
                .maxLocked(5)
                .maxClaimsPerDay(10)
                .reclaimCooldown(Duration.ofDays(30))
                .protection(Duration.ofDays(7)))
            .recycle(RecycleRule.builder("no_follow_up", "No follow-up", RecycleTrigger.NO_FOLLOW_UP)
                .days("A", 30)
                .days("B", 15)
                .days("C", 7)
                .defaultDays(10)
                .warnDaysBefore(3))
            .recycle(RecycleRule.builder("stalled_key_deals", "Key accounts without deal progress",
                    RecycleTrigger.NO_DEAL_PROGRESS)
                .when(all(field("grade").in("A", "B")))
                .days("A", 60)
                .days("B", 45)
                .defaultDays(60)
                .warnDaysBefore(5))
            .exempt(new Exemptions(true, true, false, all(field("open_receivable").gt(0)))))
        .pool(PoolDefinition.builder("national", "全国公海 National pool")
            .claim(ClaimRules.builder().protection(Duration.ofHours(36)))
            .recycle(RecycleRule.builder("not_won", "Not won after claim", RecycleTrigger.NOT_WON_AFTER_CLAIM)
                .defaultDays(90)));
  }
}
