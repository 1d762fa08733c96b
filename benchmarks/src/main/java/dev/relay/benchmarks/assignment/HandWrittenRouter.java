package dev.relay.benchmarks.assignment;

import dev.relay.benchmarks.assignment.RoutingWorkload.LeadData;
import dev.relay.benchmarks.assignment.RoutingWorkload.RuleSpec;
import java.math.BigDecimal;
import java.util.List;

/**
 * The workload's rules written directly in Java, the way a team would code them without a rule engine: each rule a
 * final object comparing typed fields with its constants, first match wins, then round robin over the rule's team
 * skipping paused reps, with a cursor per rule (as Relay keeps one per rule and target). The floor any configurable router is measured against.
 */
final class HandWrittenRouter {
  private final HandRule[] rules;
  private final boolean[][] paused;
  private final int[] cursors;
  private final int defaultTeam;

  HandWrittenRouter(RoutingWorkload workload) {
    List<RuleSpec> specs = workload.rules;
    rules = new HandRule[specs.size()];
    for (int i = 0; i < rules.length; i++) {
      RuleSpec s = specs.get(i);
      rules[i] = new HandRule(s.source(), s.industries().get(0), s.industries().get(1), s.region(), s.minBudget(),
          s.team());
    }
    paused = workload.paused;
    cursors = new int[rules.length + 1];
    java.util.Arrays.fill(cursors, -1); // nobody chosen yet: the first member is next
    defaultTeam = 0;
  }

  /** The chosen rep as {@code team * 1000 + member}. */
  int route(LeadData lead) {
    int team = defaultTeam;
    int cursor = rules.length;
    for (int r = 0; r < rules.length; r++) {
      if (rules[r].matches(lead)) {
        team = rules[r].team;
        cursor = r;
        break;
      }
    }
    boolean[] members = paused[team];
    int start = cursors[cursor];
    for (int k = 1; k <= members.length; k++) {
      int m = Math.floorMod(start + k, members.length);
      if (!members[m]) {
        cursors[cursor] = m;
        return team * 1000 + m;
      }
    }
    return -1;
  }

  private static final class HandRule {
    private final String source;
    private final String industryA;
    private final String industryB;
    private final String region;
    private final BigDecimal minBudget;
    private final int team;

    HandRule(String source, String industryA, String industryB, String region, BigDecimal minBudget, int team) {
      this.source = source;
      this.industryA = industryA;
      this.industryB = industryB;
      this.region = region;
      this.minBudget = minBudget;
      this.team = team;
    }

    boolean matches(LeadData lead) {
      return source.equals(lead.source()) && (industryA.equals(lead.industry()) || industryB.equals(lead.industry()))
          && region.equals(lead.region()) && lead.budget().compareTo(minBudget) >= 0;
    }
  }
}
