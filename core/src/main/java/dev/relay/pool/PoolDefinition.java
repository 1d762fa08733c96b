package dev.relay.pool;

import dev.relay.criteria.Criteria;
import java.util.List;
import java.util.Objects;

/**
 * One customer pool of a tenant (e.g. by region), with its own members and rules.
 *
 * @param key stable key, e.g. {@code east}
 * @param label shown to people, e.g. {@code 华东公海 East China pool}
 * @param accounts which accounts belong to it; an account belongs to the first pool whose criteria it matches
 * @param memberTeams teams (keys, sub-teams included) whose reps may claim from it; empty for everyone
 * @param claim claim limits
 * @param recycle recycle rules, all checked; the first that fires is the recorded reason
 * @param exempt accounts never recycled
 */
public record PoolDefinition(
    String key,
    String label,
    Criteria accounts,
    List<String> memberTeams,
    ClaimRules claim,
    List<RecycleRule> recycle,
    Exemptions exempt) {
  public PoolDefinition {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(accounts, "accounts");
    Objects.requireNonNull(claim, "claim");
    Objects.requireNonNull(exempt, "exempt");
    memberTeams = List.copyOf(memberTeams);
    recycle = List.copyOf(recycle);
  }

  /** One pool for every account and every rep, no limits, no recycling. */
  public static PoolDefinition everyone() {
    return new PoolDefinition("public", "公海 Public pool", Criteria.always(), List.of(), ClaimRules.unlimited(),
        List.of(), Exemptions.standard());
  }
}
