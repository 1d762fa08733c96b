package dev.relay.benchmarks.assignment;

import dev.relay.benchmarks.assignment.RoutingWorkload.LeadData;
import dev.relay.benchmarks.assignment.RoutingWorkload.RuleSpec;
import java.math.BigDecimal;
import org.jeasy.rules.api.Facts;
import org.jeasy.rules.api.Rules;
import org.jeasy.rules.api.RulesEngine;
import org.jeasy.rules.api.RulesEngineParameters;
import org.jeasy.rules.core.DefaultRulesEngine;
import org.jeasy.rules.core.RuleBuilder;

/**
 * The workload's rules in Easy Rules ({@code org.jeasy:easy-rules-core}), the way its documentation builds them: one
 * rule per spec with the spec's position as priority, conditions reading the lead from {@link Facts}, an action naming
 * the team, and an engine that stops at the first rule applied. Round robin over the chosen team is the same code as
 * the hand-written router's (a cursor per rule), so the difference measured is the rule engine.
 */
final class EasyRulesRouter {
  private final Rules rules = new Rules();
  private final RulesEngine engine =
      new DefaultRulesEngine(new RulesEngineParameters().skipOnFirstAppliedRule(true));
  private final boolean[][] paused;
  private final int[] teams;
  private final int[] cursors;

  EasyRulesRouter(RoutingWorkload workload) {
    for (int i = 0; i < workload.rules.size(); i++) {
      RuleSpec spec = workload.rules.get(i);
      int rank = i;
      rules.register(new RuleBuilder()
          .name(spec.key())
          .priority(i)
          .when(facts -> {
            String source = facts.get("source");
            String industry = facts.get("industry");
            String region = facts.get("region");
            BigDecimal budget = facts.get("budget");
            return spec.source().equals(source) && spec.industries().contains(industry)
                && spec.region().equals(region) && budget.compareTo(spec.minBudget()) >= 0;
          })
          .then(facts -> facts.put("rule", rank))
          .build());
    }
    paused = workload.paused;
    teams = new int[workload.rules.size() + 1];
    for (int i = 0; i < workload.rules.size(); i++) {
      teams[i] = workload.rules.get(i).team();
    }
    cursors = new int[teams.length];
    java.util.Arrays.fill(cursors, -1); // nobody chosen yet: the first member is next
  }

  /** The chosen rep as {@code team * 1000 + member}. */
  int route(LeadData lead) {
    Facts facts = new Facts();
    facts.put("source", lead.source());
    facts.put("industry", lead.industry());
    facts.put("region", lead.region());
    facts.put("budget", lead.budget());
    engine.fire(rules, facts);
    Integer matched = facts.get("rule");
    int rule = matched == null ? teams.length - 1 : matched; // the default rule routes to team 0
    int team = teams[rule];
    boolean[] members = paused[team];
    int start = cursors[rule];
    for (int k = 1; k <= members.length; k++) {
      int m = Math.floorMod(start + k, members.length);
      if (!members[m]) {
        cursors[rule] = m;
        return team * 1000 + m;
      }
    }
    return -1;
  }
}
