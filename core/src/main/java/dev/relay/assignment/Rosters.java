package dev.relay.assignment;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.relay.common.TenantId;
import dev.relay.org.OrgDirectory;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Each tenant's current {@link Roster}, kept while the playbook version, the org directory's {@linkplain
 * OrgDirectory#revision revision} and the profiles' {@linkplain RepProfiles#revision revision} hold. A port that
 * reports {@code UNKNOWN_REVISION} is read afresh for every lead: an unknown org directory rebuilds the whole roster,
 * unknown profiles only the members (over the kept organisation). Bounded, because a long-running host sees many
 * tenants; maintenance runs on the calling thread, as core starts no threads.
 */
final class Rosters {
  private static final int MAX_TENANTS = 1_000;

  private final OrgDirectory org;
  private final RepProfiles profiles;
  /**
   * The roster each tenant's last route used, read before the bounded cache (a plain map read is several times
   * cheaper): at most one entry per tenant, and what the cache evicts or replaces leaves it too.
   */
  private final ConcurrentMap<TenantId, Roster> latest = new ConcurrentHashMap<>();
  private final Cache<TenantId, Roster> kept = Caffeine.newBuilder().maximumSize(MAX_TENANTS)
      .executor(Runnable::run)
      .<TenantId, Roster>removalListener((tenant, roster, cause) -> {
        if (tenant != null && roster != null) {
          latest.remove(tenant, roster);
        }
      })
      .build();

  Rosters(OrgDirectory org, RepProfiles profiles) {
    this.org = org;
    this.profiles = profiles;
  }

  /** The tenant's roster for these rules, as the ports stand now. */
  Roster current(TenantId tenant, AssignmentRules rules) {
    // Revisions first, data after: a change racing this read moves a revision, and the next lead reads again.
    long orgRevision = org.revision(tenant);
    long profilesRevision = profiles.revision(tenant);
    Roster roster = latest.get(tenant);
    if (roster != null && roster.holds(rules, orgRevision, profilesRevision)) {
      return roster;
    }
    roster = kept.getIfPresent(tenant);
    if (roster != null && roster.holds(rules, orgRevision, profilesRevision)) {
      return roster;
    }
    Roster.Organisation organisation = roster != null && roster.organisation().holds(orgRevision)
        ? roster.organisation() : Roster.Organisation.read(org, tenant, orgRevision);
    Roster fresh = new Roster(tenant, rules, organisation, profiles, profilesRevision);
    if (orgRevision != OrgDirectory.UNKNOWN_REVISION) {
      kept.put(tenant, fresh);
      latest.put(tenant, fresh);
    }
    return fresh;
  }
}
