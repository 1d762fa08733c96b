package dev.relay.assignment;

import dev.relay.common.Reason;
import dev.relay.common.RepId;
import dev.relay.common.TeamId;
import dev.relay.common.TenantId;
import dev.relay.org.OrgChart;
import dev.relay.org.Rep;
import dev.relay.org.Team;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What happens to a lead when no member of the target is eligible, by the rule's {@link NoEligibleAction}.
 *
 * <p>The fallback owner and escalation managers are the safety net, so they take the lead whatever their caps, pause,
 * absence or working hours say — a net that could itself be full would drop leads silently. They must be active,
 * though: an inactive or unknown fallback (or no manager and no fallback) leaves the lead queued, with the reason.
 *
 * <p>Escalation goes to the manager of the target team — the nearest active manager of the team or an enclosing one —
 * or, for a one-rep target, to that rep's manager; failing that, to the fallback owner.
 */
final class NoEligibleResolver {

  /**
   * The outcome for the rule's target with nobody eligible.
   *
   * @param reps the tenant's reps by id
   * @param teams the tenant's teams by id
   */
  Resolution resolve(RoutingContext context, OrgChart chart, Map<RepId, Rep> reps, Map<TeamId, Team> teams) {
    RoutingRule rule = context.routingRule();
    String path = context.rule().path() + ".when_none_eligible";
    String nobody = "nobody of " + TargetMembers.describe(rule.target()) + " is eligible";
    return switch (rule.whenNoneEligible()) {
      case QUEUE -> Resolution.queued(new Reason(path, nobody + "; the lead waits in the queue"));
      case FALLBACK -> {
        RepId fallback = fallbackOwner(context.tenant(), rule);
        String problem = unusable(fallback, reps);
        if (problem != null) {
          yield Resolution.queued(new Reason(path, nobody + " and " + problem + "; the lead waits in the queue"));
        }
        yield new Resolution(RoutingOutcome.FALLBACK, fallback, new Reason(path, nobody + "; the fallback owner "
            + display(Objects.requireNonNull(fallback), reps) + " gets the lead"));
      }
      case ESCALATE -> escalate(context, path, nobody, chart, reps, teams);
    };
  }

  private Resolution escalate(RoutingContext context, String path, String nobody, OrgChart chart,
      Map<RepId, Rep> reps, Map<TeamId, Team> teams) {
    RoutingRule rule = context.routingRule();
    Target target = rule.target();
    if (target instanceof Target.TeamMembers team) {
      Set<TeamId> seen = new HashSet<>();
      Team t = teams.get(TeamId.of(context.tenant(), team.teamId()));
      while (t != null && seen.add(t.id())) {
        RepId manager = t.manager();
        if (manager != null && unusable(manager, reps) == null) {
          return escalated(path, nobody, manager, "manager of team " + t.id().value(), reps);
        }
        t = t.parent() == null ? null : teams.get(t.parent());
      }
    } else if (target instanceof Target.OneRep one) {
      RepId manager = chart.managerOf(RepId.of(context.tenant(), one.repId())).orElse(null);
      if (manager != null && unusable(manager, reps) == null) {
        return escalated(path, nobody, manager, "manager of " + one.repId(), reps);
      }
    }
    RepId fallback = fallbackOwner(context.tenant(), rule);
    String problem = unusable(fallback, reps);
    if (problem == null) {
      return escalated(path, nobody, Objects.requireNonNull(fallback), "the fallback owner", reps);
    }
    return Resolution.queued(new Reason(path, nobody + ", no active manager to escalate to, and " + problem
        + "; the lead waits in the queue"));
  }

  private static Resolution escalated(String path, String nobody, RepId to, String role, Map<RepId, Rep> reps) {
    return new Resolution(RoutingOutcome.ESCALATED, to, new Reason(path, nobody + "; escalated to "
        + display(to, reps) + ", " + role));
  }

  private static @Nullable RepId fallbackOwner(TenantId tenant, RoutingRule rule) {
    return rule.fallbackOwner() == null ? null : RepId.of(tenant, rule.fallbackOwner());
  }

  /** Why the rep cannot take the lead, or {@code null} if they can. */
  private static @Nullable String unusable(@Nullable RepId rep, Map<RepId, Rep> reps) {
    if (rep == null) {
      return "the rule has no fallback owner";
    }
    Rep person = reps.get(rep);
    if (person == null) {
      return "the fallback owner " + rep.value() + " is not in the org directory";
    }
    return person.active() ? null : person.name() + " (" + rep.value() + ") is inactive";
  }

  private static String display(RepId rep, Map<RepId, Rep> reps) {
    Rep person = reps.get(rep);
    return person == null ? rep.value() : person.name() + " (" + rep.value() + ")";
  }

  /**
   * The outcome without eligible members.
   *
   * @param assignee who gets the lead, {@code null} when it is queued
   */
  record Resolution(RoutingOutcome outcome, @Nullable RepId assignee, Reason reason) {
    static Resolution queued(Reason reason) {
      return new Resolution(RoutingOutcome.QUEUED, null, reason);
    }

    List<Reason> reasons() {
      return List.of(reason);
    }
  }
}
