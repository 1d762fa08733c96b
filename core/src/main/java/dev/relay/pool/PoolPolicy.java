package dev.relay.pool;

import java.time.Duration;
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
}
