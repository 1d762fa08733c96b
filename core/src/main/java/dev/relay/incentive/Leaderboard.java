package dev.relay.incentive;

import dev.relay.common.Money;
import dev.relay.common.RepId;
import dev.relay.common.TeamId;
import dev.relay.org.OrgChart;
import dev.relay.org.Rep;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A ranking (排行榜): by a scorecard dimension, attainment or earnings, company-wide or within a team, and the team
 * contribution ranking (团队贡献排行). Highest value first; equal values share a rank (standard competition ranking: 1,
 * 2, 2, 4) and are listed by key, so the same figures always give the same board.
 *
 * @param title what is ranked, e.g. {@code "earnings 2026-03"}
 * @param standings the places, best first
 */
public record Leaderboard(String title, List<Standing> standings) {
  public Leaderboard {
    Objects.requireNonNull(title, "title");
    standings = List.copyOf(standings);
  }

  /** Ranks values by key. */
  public static Leaderboard rank(String title, Map<String, BigDecimal> values) {
    List<Map.Entry<String, BigDecimal>> entries = new ArrayList<>(values.entrySet());
    entries.sort(Map.Entry.<String, BigDecimal>comparingByValue(Comparator.reverseOrder())
        .thenComparing(Map.Entry.comparingByKey()));
    BigDecimal total = BigDecimal.ZERO;
    for (Map.Entry<String, BigDecimal> e : entries) {
      total = total.add(e.getValue());
    }
    List<Standing> standings = new ArrayList<>();
    int rank = 0;
    BigDecimal previous = null;
    for (int i = 0; i < entries.size(); i++) {
      BigDecimal v = entries.get(i).getValue();
      if (previous == null || v.compareTo(previous) != 0) {
        rank = i + 1;
        previous = v;
      }
      BigDecimal share = total.signum() == 0 ? BigDecimal.ZERO
          : v.divide(total, MathContext.DECIMAL64).setScale(4, RoundingMode.HALF_EVEN);
      standings.add(new Standing(rank, entries.get(i).getKey(), v, share));
    }
    return new Leaderboard(title, standings);
  }

  /** Reps by one scorecard dimension's points. */
  public static Leaderboard byDimension(DimensionKind kind, List<ScorecardResult> results) {
    Map<String, BigDecimal> values = new HashMap<>();
    for (ScorecardResult r : results) {
      r.dimension(kind).ifPresent(d -> values.put(r.rep().value(), d.points()));
    }
    return rank(kind.jsonName(), values);
  }

  /** Reps by total scorecard score. */
  public static Leaderboard byScore(List<ScorecardResult> results) {
    Map<String, BigDecimal> values = new HashMap<>();
    results.forEach(r -> values.put(r.rep().value(), r.score()));
    return rank("scorecard", values);
  }

  /** Reps (or teams, or the company) by attainment ratio. */
  public static Leaderboard byAttainment(List<Attainment> attainments) {
    Map<String, BigDecimal> values = new HashMap<>();
    for (Attainment a : attainments) {
      values.put(a.owner() instanceof TargetOwner.OfRep r ? r.rep().value() : a.owner().key(), a.ratio());
    }
    return rank("attainment", values);
  }

  /** Reps by statement totals. */
  public static Leaderboard byEarnings(List<CommissionStatement> statements) {
    Map<String, BigDecimal> values = new HashMap<>();
    statements.forEach(s -> values.put(s.rep().value(), s.total().amount()));
    return rank("earnings", values);
  }

  /** The same board restricted to the active members of a team (its sub-teams included), ranks recomputed. */
  public Leaderboard within(OrgChart chart, TeamId team) {
    Set<String> members = new HashSet<>();
    chart.membersOf(team).forEach(r -> members.add(r.id().value()));
    Map<String, BigDecimal> values = new HashMap<>();
    standings.stream().filter(s -> members.contains(s.key())).forEach(s -> values.put(s.key(), s.value()));
    return rank(title + " in " + team.value(), values);
  }

  /**
   * Teams by their contribution (团队贡献): the revenue credited to their members in the period plus, weighted by {@code
   * collaborationWeight} (0..1), their share of the company's collaboration points scaled to the company's revenue,
   * so that a team that helps others close climbs too. Each rep counts for their own team only.
   */
  public static Leaderboard teamContribution(OrgChart chart, Map<RepId, Money> revenue,
      Map<RepId, BigDecimal> collaboration, BigDecimal collaborationWeight) {
    Map<String, BigDecimal> teamRevenue = new HashMap<>();
    Map<String, BigDecimal> teamCollaboration = new HashMap<>();
    BigDecimal totalRevenue = BigDecimal.ZERO;
    BigDecimal totalCollaboration = BigDecimal.ZERO;
    Set<RepId> reps = new HashSet<>(revenue.keySet());
    reps.addAll(collaboration.keySet());
    for (RepId rep : reps) {
      String team = chart.rep(rep).flatMap(Rep::teamId).map(TeamId::value).orElse(null);
      if (team == null) {
        continue;
      }
      BigDecimal r = revenue.containsKey(rep) ? revenue.get(rep).amount() : BigDecimal.ZERO;
      BigDecimal c = collaboration.getOrDefault(rep, BigDecimal.ZERO);
      teamRevenue.merge(team, r, BigDecimal::add);
      teamCollaboration.merge(team, c, BigDecimal::add);
      totalRevenue = totalRevenue.add(r);
      totalCollaboration = totalCollaboration.add(c);
    }
    Map<String, BigDecimal> values = new HashMap<>();
    BigDecimal revenueWeight = BigDecimal.ONE.subtract(collaborationWeight);
    for (String team : teamRevenue.keySet()) {
      BigDecimal collaborationPart = totalCollaboration.signum() == 0 ? BigDecimal.ZERO
          : teamCollaboration.get(team).divide(totalCollaboration, MathContext.DECIMAL64).multiply(totalRevenue);
      values.put(team, revenueWeight.multiply(teamRevenue.get(team)).add(collaborationWeight.multiply(
          collaborationPart)).setScale(2, RoundingMode.HALF_EVEN));
    }
    return rank("team contribution", values);
  }
}
