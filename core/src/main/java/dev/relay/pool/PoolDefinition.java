package dev.relay.pool;

import dev.relay.criteria.Criteria;
import java.util.ArrayList;
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

  /** A builder for a pool of every account, open to everyone, without limits, recycling or extra exemptions. */
  public static Builder builder(String key, String label) {
    return new Builder(key, label);
  }

  /** Builds a {@link PoolDefinition}; the playbook validates it with paths when it is built. */
  public static final class Builder {
    private final String key;
    private final String label;
    private Criteria accounts = Criteria.always();
    private final List<String> memberTeams = new ArrayList<>();
    private ClaimRules claim = ClaimRules.unlimited();
    private final List<RecycleRule> recycle = new ArrayList<>();
    private Exemptions exempt = Exemptions.standard();

    private Builder(String key, String label) {
      this.key = Objects.requireNonNull(key, "key");
      this.label = Objects.requireNonNull(label, "label");
    }

    public Builder accounts(Criteria value) {
      this.accounts = Objects.requireNonNull(value, "accounts");
      return this;
    }

    /** Adds member teams (keys); without any, every rep may claim. */
    public Builder memberTeams(String... teams) {
      memberTeams.addAll(List.of(teams));
      return this;
    }

    public Builder claim(ClaimRules value) {
      this.claim = Objects.requireNonNull(value, "claim");
      return this;
    }

    public Builder claim(ClaimRules.Builder value) {
      return claim(value.build());
    }

    /** Adds a recycle rule. */
    public Builder recycle(RecycleRule rule) {
      recycle.add(Objects.requireNonNull(rule, "rule"));
      return this;
    }

    public Builder recycle(RecycleRule.Builder rule) {
      return recycle(rule.build());
    }

    public Builder exempt(Exemptions value) {
      this.exempt = Objects.requireNonNull(value, "exempt");
      return this;
    }

    public PoolDefinition build() {
      return new PoolDefinition(key, label, accounts, memberTeams, claim, recycle, exempt);
    }
  }
}
