package dev.relay.assignment;

import dev.relay.common.RepId;
import dev.relay.common.TeamId;
import dev.relay.common.TenantId;
import dev.relay.org.OrgChart;
import dev.relay.org.OrgDirectory;
import dev.relay.org.Rep;
import dev.relay.org.Team;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jspecify.annotations.Nullable;

/**
 * The tenant's reps as the router sees them for one playbook version, at one revision of the org directory and one of
 * the profiles: each rule's members with their profiles and weights, and the organisation that escalations walk.
 * {@link Rosters} keeps it while the playbook version and both revisions hold, so that routing a lead neither reads
 * nor indexes the whole organisation.
 *
 * <p>Thread-safe. A rule's members are worked out when the rule first routes a lead (racing threads work out equal
 * lists, and one is kept); a profile is read when its rep is first needed, which is after the profiles' revision was
 * read, so a change made since then moves the revision and the next route reads a new roster.
 */
final class Roster {
  private final TenantId tenant;
  private final AssignmentRules rules;
  private final Organisation organisation;
  private final RepProfiles profiles;
  private final long profilesRevision;
  private final ConcurrentMap<RepId, Member> people = new ConcurrentHashMap<>();
  private final AtomicReferenceArray<@Nullable Members> byRule;

  Roster(TenantId tenant, AssignmentRules rules, Organisation organisation, RepProfiles profiles,
      long profilesRevision) {
    this.tenant = tenant;
    this.rules = rules;
    this.organisation = organisation;
    this.profiles = profiles;
    this.profilesRevision = profilesRevision;
    this.byRule = new AtomicReferenceArray<>(rules.size());
  }

  /** Whether this roster still describes the tenant: the same compiled rules and both revisions known and unchanged. */
  boolean holds(AssignmentRules current, long orgRevision, long currentProfilesRevision) {
    return rules == current && organisation.holds(orgRevision) && profilesRevision != RepProfiles.UNKNOWN_REVISION
        && profilesRevision == currentProfilesRevision;
  }

  Organisation organisation() {
    return organisation;
  }

  /** The rule's members (see {@link TargetMembers}), each with the weight the rule gives them. */
  Members members(AssignmentRules.Rule rule) {
    Members members = byRule.get(rule.index());
    if (members == null) {
      members = resolve(rule);
      byRule.compareAndSet(rule.index(), null, members);
    }
    return members;
  }

  /**
   * The rep as the rule sees them: its member if the rep is one, else the rep with the weight the rule would give them
   * (an account owner outside the target).
   */
  Member member(AssignmentRules.Rule rule, RepId rep) {
    Member member = members(rule).byRep().get(rep);
    if (member != null) {
      return member;
    }
    return weighted(person(rep), TargetMembers.weights(rule.rule().target(), rules.policy()));
  }

  private Members resolve(AssignmentRules.Rule rule) {
    Target target = rule.rule().target();
    Map<String, Integer> groupWeights = TargetMembers.weights(target, rules.policy());
    List<RepId> ids = TargetMembers.of(target, rules.policy(), tenant, organisation.chart(), organisation.reps());
    List<Member> list = new ArrayList<>(ids.size());
    Map<RepId, Member> byRep = new HashMap<>();
    for (RepId rep : ids) {
      Member member = weighted(person(rep), groupWeights);
      list.add(member);
      byRep.put(rep, member);
    }
    return new Members(List.copyOf(list), Map.copyOf(byRep));
  }

  /** The rep with their profile and the profile's weight, read once per roster. */
  private Member person(RepId rep) {
    return people.computeIfAbsent(rep, r -> {
      RepProfile profile = profiles.profileOf(r);
      return Member.of(r, organisation.rep(r), profile, profile.weight());
    });
  }

  private static Member weighted(Member member, Map<String, Integer> groupWeights) {
    Integer groupWeight = groupWeights.get(member.rep().value());
    return groupWeight != null && groupWeight >= 1 ? member.withWeight(groupWeight) : member;
  }

  /**
   * A rule's members in member order, and each by rep.
   *
   * @param list the members, sorted by rep id
   * @param byRep the same members by rep
   */
  record Members(List<Member> list, Map<RepId, Member> byRep) {}

  /**
   * One read of the tenant's organisation, shared by target resolution, screening and escalation.
   *
   * @param revision the directory's revision when it was read, {@link OrgDirectory#UNKNOWN_REVISION} if it does not
   *     track one
   * @param reps every rep, ordered by id
   */
  record Organisation(long revision, List<Rep> reps, Map<RepId, Rep> repsById, Map<TeamId, Team> teams,
      OrgChart chart) {

    /**
     * Reads the tenant's organisation.
     *
     * @param revision the directory's revision, read before calling, so that a change during the read moves it
     */
    static Organisation read(OrgDirectory org, TenantId tenant, long revision) {
      List<Rep> reps = org.reps(tenant);
      List<Team> teams = org.teams(tenant);
      Map<RepId, Rep> repsById = new HashMap<>();
      reps.forEach(r -> repsById.put(r.id(), r));
      Map<TeamId, Team> teamsById = new HashMap<>();
      teams.forEach(t -> teamsById.put(t.id(), t));
      return new Organisation(revision, reps, repsById, teamsById, OrgChart.of(reps, teams));
    }

    /** Whether this read still describes the directory at {@code current}: both known and equal. */
    boolean holds(long current) {
      return revision != OrgDirectory.UNKNOWN_REVISION && revision == current;
    }

    @Nullable Rep rep(RepId id) {
      return repsById.get(id);
    }
  }
}
