package dev.relay.benchmarks.assignment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The routing workload every side of {@link AssignmentBenchmark} runs: 50 ordered rules over a lead's source,
 * industry, region and budget, each sending its leads round robin to one of 10 teams of 20 reps (200 reps, a tenth of
 * them paused), and 1,024 leads of which about a fifth match no rule and fall to the default team. Deterministic: the
 * same seed gives the same rules, reps and leads on every side.
 */
final class RoutingWorkload {
  static final List<String> SOURCES = List.of("website", "trade_show", "referral", "distributor", "cold_call");
  static final List<String> INDUSTRIES = List.of("machinery", "automotive", "electronics", "chemicals", "textiles",
      "food_processing", "energy", "medical", "logistics", "construction");
  static final List<String> REGIONS = List.of("east", "north", "south", "central", "west");
  static final int RULES = 50;
  static final int TEAMS = 10;
  static final int REPS_PER_TEAM = 20;
  static final int LEADS = 1024;

  /**
   * One rule as data: {@code source = source and industry in industries and region = region and budget >= minBudget}
   * routes to {@code team}.
   */
  record RuleSpec(String key, String source, List<String> industries, String region, BigDecimal minBudget, int team) {
    boolean matches(LeadData lead) {
      return lead.source().equals(source) && industries.contains(lead.industry()) && lead.region().equals(region)
          && lead.budget().compareTo(minBudget) >= 0;
    }
  }

  /** A lead's routing-relevant fields as plain Java values. */
  record LeadData(String source, String industry, String region, BigDecimal budget) {}

  final List<RuleSpec> rules = new ArrayList<>();
  final List<LeadData> leads = new ArrayList<>();
  /** paused[team][member]: a tenth of the reps do not take leads. */
  final boolean[][] paused = new boolean[TEAMS][REPS_PER_TEAM];

  RoutingWorkload(long seed) {
    Random random = new Random(seed);
    for (int i = 0; i < RULES; i++) {
      rules.add(new RuleSpec("rule_" + i, SOURCES.get(i % SOURCES.size()),
          List.of(INDUSTRIES.get(i % INDUSTRIES.size()), INDUSTRIES.get((i + 3) % INDUSTRIES.size())),
          REGIONS.get((i / SOURCES.size()) % REGIONS.size()), BigDecimal.valueOf(10_000L * (i % 4)), i % TEAMS));
    }
    for (int t = 0; t < TEAMS; t++) {
      for (int m = 0; m < REPS_PER_TEAM; m++) {
        paused[t][m] = random.nextInt(10) == 0;
      }
      paused[t][0] = false; // every team has someone
    }
    for (int i = 0; i < LEADS; i++) {
      LeadData lead;
      if (random.nextInt(5) == 0) {
        lead = new LeadData("other", INDUSTRIES.get(random.nextInt(INDUSTRIES.size())),
            REGIONS.get(random.nextInt(REGIONS.size())), BigDecimal.valueOf(random.nextInt(50_000)));
      } else {
        // Aim at a rule so that the first match falls anywhere in the list, as real traffic does.
        RuleSpec target = rules.get(random.nextInt(RULES));
        lead = new LeadData(target.source(), target.industries().get(random.nextInt(2)), target.region(),
            target.minBudget().add(BigDecimal.valueOf(random.nextInt(40_000))));
      }
      leads.add(lead);
    }
  }

  /** Zero-padded so that ordering reps by id orders them by team and member. */
  static String repId(int team, int member) {
    return String.format("rep-%02d-%02d", team, member);
  }

  static String teamId(int team) {
    return "team-" + team;
  }
}
