package dev.relay.pool;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The playbook's customer-pool section.
 *
 * @param defaultRegion ISO 3166 region for phone numbers written without a country code, e.g. {@code CN}
 * @param duplicates what creating a duplicate does
 * @param similarNameThreshold name similarity in [0, 1] from which two accounts are a "possible duplicate"
 * @param conflicts what a rep creating or claiming someone else's customer gets
 * @param revealOwner whether a rejected rep is told who owns the customer
 * @param gradeField the account field holding the customer grade that recycle days depend on, or {@code null}
 * @param pools the tenant's pools, at least one; an account belongs to the first whose criteria it matches
 * @param registrationProtection how long a deal registration (报备) protects the customer for the registering rep
 * @param transferNeedsApproval whether a transfer needs the current owner's manager to approve it
 * @param dealsFollowTransfer whether the account's open deals move to the new owner
 * @param tasksFollowTransfer whether the account's open follow-up tasks move to the new owner
 */
public record PoolPolicy(
    String defaultRegion,
    DuplicatePolicy duplicates,
    double similarNameThreshold,
    ConflictPolicy conflicts,
    boolean revealOwner,
    @Nullable String gradeField,
    List<PoolDefinition> pools,
    Duration registrationProtection,
    boolean transferNeedsApproval,
    boolean dealsFollowTransfer,
    boolean tasksFollowTransfer) {

  public PoolPolicy {
    Objects.requireNonNull(defaultRegion, "defaultRegion");
    Objects.requireNonNull(duplicates, "duplicates");
    Objects.requireNonNull(conflicts, "conflicts");
    Objects.requireNonNull(registrationProtection, "registrationProtection");
    pools = List.copyOf(pools);
  }

  /**
   * The policy of a playbook without a pool section: mainland-China phone numbers, duplicates rejected, names 85%
   * alike flagged, conflicts rejected naming the owner, one public pool without limits or recycling, registrations
   * protected for 30 days, transfers without approval taking open deals and tasks along.
   */
  public static PoolPolicy defaults() {
    return new PoolPolicy("CN", DuplicatePolicy.REJECT, 0.85, ConflictPolicy.REJECT, true, null,
        List.of(PoolDefinition.everyone()), Duration.ofDays(30), false, true, true);
  }

  /** A builder starting from {@link #defaults()}; adding a pool replaces the default public pool. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a {@link PoolPolicy} from {@link #defaults()}. It checks only what the record does (no nulls); the playbook
   * validates the rest with paths, so a policy is checked when the playbook holding it is built.
   */
  public static final class Builder {
    private final PoolPolicy defaults = defaults();
    private String defaultRegion = defaults.defaultRegion();
    private DuplicatePolicy duplicates = defaults.duplicates();
    private double similarNameThreshold = defaults.similarNameThreshold();
    private ConflictPolicy conflicts = defaults.conflicts();
    private boolean revealOwner = defaults.revealOwner();
    private @Nullable String gradeField = defaults.gradeField();
    private @Nullable List<PoolDefinition> pools;
    private Duration registrationProtection = defaults.registrationProtection();
    private boolean transferNeedsApproval = defaults.transferNeedsApproval();
    private boolean dealsFollowTransfer = defaults.dealsFollowTransfer();
    private boolean tasksFollowTransfer = defaults.tasksFollowTransfer();

    private Builder() {}

    /** ISO 3166 alpha-2 region, e.g. {@code CN}. */
    public Builder defaultRegion(String value) {
      this.defaultRegion = Objects.requireNonNull(value, "defaultRegion");
      return this;
    }

    public Builder duplicates(DuplicatePolicy value) {
      this.duplicates = Objects.requireNonNull(value, "duplicates");
      return this;
    }

    /** In (0, 1]. */
    public Builder similarNameThreshold(double value) {
      this.similarNameThreshold = value;
      return this;
    }

    public Builder conflicts(ConflictPolicy value) {
      this.conflicts = Objects.requireNonNull(value, "conflicts");
      return this;
    }

    public Builder revealOwner(boolean value) {
      this.revealOwner = value;
      return this;
    }

    /** The name of an enum account field holding the customer grade. */
    public Builder gradeField(String value) {
      this.gradeField = Objects.requireNonNull(value, "gradeField");
      return this;
    }

    /** Adds a pool; the first one added replaces the default public pool. */
    public Builder pool(PoolDefinition value) {
      if (pools == null) {
        pools = new ArrayList<>();
      }
      pools.add(Objects.requireNonNull(value, "pool"));
      return this;
    }

    public Builder pool(PoolDefinition.Builder value) {
      return pool(value.build());
    }

    /** Replaces all pools. */
    public Builder pools(List<PoolDefinition> values) {
      this.pools = new ArrayList<>(values);
      return this;
    }

    public Builder registrationProtection(Duration value) {
      this.registrationProtection = Objects.requireNonNull(value, "registrationProtection");
      return this;
    }

    public Builder transferNeedsApproval(boolean value) {
      this.transferNeedsApproval = value;
      return this;
    }

    public Builder dealsFollowTransfer(boolean value) {
      this.dealsFollowTransfer = value;
      return this;
    }

    public Builder tasksFollowTransfer(boolean value) {
      this.tasksFollowTransfer = value;
      return this;
    }

    public PoolPolicy build() {
      return new PoolPolicy(defaultRegion, duplicates, similarNameThreshold, conflicts, revealOwner, gradeField,
          pools == null ? defaults.pools() : pools, registrationProtection, transferNeedsApproval,
          dealsFollowTransfer, tasksFollowTransfer);
    }
  }
}
