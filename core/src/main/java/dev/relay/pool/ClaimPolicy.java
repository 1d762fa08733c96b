package dev.relay.pool;

import dev.relay.common.ErrorCode;
import dev.relay.common.Reason;
import dev.relay.common.RepId;
import dev.relay.common.TeamId;
import dev.relay.common.Verdict;
import dev.relay.org.OrgChart;
import dev.relay.pool.PoolRules.CompiledPool;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Whether a rep may claim an account that sits in the public pool: pure functions of the pool's rules and what the
 * caller read. Unlike most policies it reports every failing rule, not the first, so that a rep sees at once
 * everything that stands in the way; each reason's rule is its path in the playbook.
 *
 * <p>The rules: the account must belong to a pool; the rep must be a member of one of its member teams (sub-teams
 * included; no member teams means everyone); the rep must own fewer than {@code max_owned} accounts of that pool
 * (customers count only with {@code count_won}, and claiming a customer then does not count either); the rep must have
 * claimed fewer than {@code max_claims_per_day} accounts since midnight in the tenant's zone (claims from any pool
 * count); the rep's {@code reclaim_cooldown} must have run out since they released the account or it was recycled away
 * from them; and no other rep may hold an active registration (报备) of it.
 */
final class ClaimPolicy {

  /**
   * @param owned the accounts the rep owns now
   * @param claimsToday how many claims the rep made since {@link #startOfDay}
   */
  Verdict check(Account account, @Nullable CompiledPool pool, RepId rep, OrgChart chart, List<Account> owned,
      int claimsToday, Instant now, OwnerDisclosure disclosure) {
    if (pool == null) {
      return Verdict.rejected(ErrorCode.FORBIDDEN, List.of(new Reason("pool.pools",
          OwnerDisclosure.account(account) + " matches none of the pools' criteria, so nobody can claim it")));
    }
    List<Reason> reasons = new ArrayList<>();
    String path = pool.path();
    ClaimRules rules = pool.claim();
    String label = "pool '" + pool.key() + "'";
    List<String> teams = pool.definition().memberTeams();
    if (!teams.isEmpty() && !isMember(rep, teams, chart)) {
      reasons.add(new Reason(path + ".member_teams", "only members of " + String.join(", ", teams)
          + " may claim from " + label));
    }
    Integer maxOwned = rules.maxOwned();
    if (maxOwned != null && counts(account, rules)) {
      long count = owned.stream().filter(a -> pool.key().equals(a.pool()) && counts(a, rules)).count();
      if (count >= maxOwned) {
        reasons.add(new Reason(path + ".claim.max_owned", "you already own " + count + " accounts of " + label
            + (rules.countWon() ? "" : " (customers not counted)") + "; at most " + maxOwned + " are allowed"));
      }
    }
    Integer perDay = rules.maxClaimsPerDay();
    if (perDay != null && claimsToday >= perDay) {
      reasons.add(new Reason(path + ".claim.max_claims_per_day", "you already claimed " + claimsToday
          + " accounts today; at most " + perDay + " claims a day are allowed"));
    }
    Duration cooldown = rules.reclaimCooldown();
    Instant lost = account.lastLostBy(rep).orElse(null);
    if (lost != null && !cooldown.isZero() && now.isBefore(lost.plus(cooldown))) {
      reasons.add(new Reason(path + ".claim.reclaim_cooldown", "you gave this account up at " + lost
          + "; you may claim it again from " + lost.plus(cooldown)));
    }
    Registration registration = account.activeRegistration(now).orElse(null);
    if (registration != null && !registration.rep().equals(rep)) {
      reasons.add(new Reason("pool.registration_protection", "registered (报备) by "
          + disclosure.name(registration.rep()) + " and protected until " + registration.expiresAt()));
    }
    return reasons.isEmpty() ? Verdict.allowed() : Verdict.rejected(ErrorCode.FORBIDDEN, reasons);
  }

  /** Whether the account counts towards the pool's {@code max_owned}. */
  static boolean counts(Account account, ClaimRules rules) {
    return rules.countWon() || account.status() != AccountStatus.CUSTOMER;
  }

  private static boolean isMember(RepId rep, List<String> teams, OrgChart chart) {
    for (String team : teams) {
      if (chart.membersOf(TeamId.of(rep.tenant(), team)).stream().anyMatch(r -> r.id().equals(rep))) {
        return true;
      }
    }
    return false;
  }

  /** Midnight of {@code now}'s day in the tenant's zone: per-day limits count from there. */
  static Instant startOfDay(Instant now, ZoneId zone) {
    LocalDate today = now.atZone(zone).toLocalDate();
    return today.atStartOfDay(zone).toInstant();
  }
}
