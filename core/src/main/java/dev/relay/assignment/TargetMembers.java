package dev.relay.assignment;

import dev.relay.common.RepId;
import dev.relay.common.TeamId;
import dev.relay.common.TenantId;
import dev.relay.org.OrgChart;
import dev.relay.org.Rep;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who a rule's target stands for, sorted by rep id: the order round robin walks and traces list. Teams and "everyone"
 * give active reps only; a named rep or group member who left stays listed, so the trace shows them excluded as
 * inactive.
 */
final class TargetMembers {
  private TargetMembers() {}

  static List<RepId> of(Target target, AssignmentPolicy policy, TenantId tenant, OrgChart chart, List<Rep> reps) {
    List<RepId> members;
    if (target instanceof Target.OneRep one) {
      members = List.of(RepId.of(tenant, one.repId()));
    } else if (target instanceof Target.TeamMembers team) {
      members = chart.membersOf(TeamId.of(tenant, team.teamId())).stream().map(Rep::id).toList();
    } else if (target instanceof Target.GroupMembers group) {
      members = group(policy, group.groupKey()).map(g -> g.members().stream().distinct()
          .map(id -> RepId.of(tenant, id)).toList()).orElse(List.of());
    } else {
      members = reps.stream().filter(Rep::active).map(Rep::id).toList();
    }
    return members.stream().sorted(Comparator.comparing(RepId::value)).toList();
  }

  /** The group's weights by rep, empty for other targets. */
  static Map<String, Integer> weights(Target target, AssignmentPolicy policy) {
    if (target instanceof Target.GroupMembers group) {
      return group(policy, group.groupKey()).map(RepGroup::weights).orElse(Map.of());
    }
    return Map.of();
  }

  /** A stable name for the target in state keys and reasons: {@code team:east}, {@code group:vip}, {@code everyone}. */
  static String key(Target target) {
    if (target instanceof Target.OneRep one) {
      return "rep:" + one.repId();
    }
    if (target instanceof Target.TeamMembers team) {
      return "team:" + team.teamId();
    }
    if (target instanceof Target.GroupMembers group) {
      return "group:" + group.groupKey();
    }
    return "everyone";
  }

  /** The target in words: {@code team east}, {@code group vip}, {@code rep li}, {@code every active rep}. */
  static String describe(Target target) {
    return target instanceof Target.Everyone ? "every active rep" : key(target).replaceFirst(":", " ");
  }

  private static Optional<RepGroup> group(AssignmentPolicy policy, String key) {
    return policy.groups().stream().filter(g -> g.key().equals(key)).findFirst();
  }
}
