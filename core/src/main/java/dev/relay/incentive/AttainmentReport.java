package dev.relay.incentive;

import dev.relay.common.Money;
import dev.relay.common.Period;
import dev.relay.common.RepId;
import dev.relay.common.TeamId;
import dev.relay.common.TenantId;
import dev.relay.org.OrgChart;
import dev.relay.org.Rep;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Attainment of every target in a period from credit lines: reps from their revenue credits, teams from their members'
 * (sub-teams included), the company from all. Overlay credit never counts. Since credits are derived from the deals as
 * they stand ({@link CreditSplitter#credits}), measuring again after a deal moves gives the updated figures.
 */
public final class AttainmentReport {
  private AttainmentReport() {}

  /**
   * Attainment of every owner that has a target for the period, reps first, then teams, then the company, each group
   * ordered by key.
   */
  public static List<Attainment> measure(TenantId tenant, TargetBook book, List<DealCredit> credits, Measure measure,
      Period period, OrgChart chart, Currency currency) {
    Map<RepId, Money> byRep = new HashMap<>();
    Money company = Money.zero(currency);
    Instant start = period.start();
    Instant end = period.end();
    for (DealCredit c : credits) {
      Instant at = c.countsAt(measure);
      if (c.kind() != CreditKind.REVENUE || at == null || at.isBefore(start) || !at.isBefore(end)
          || !c.rep().tenant().equals(tenant)) {
        continue;
      }
      byRep.merge(c.rep(), c.amount(), Money::plus);
      company = company.plus(c.amount());
    }
    List<Attainment> out = new ArrayList<>();
    List<TargetOwner> owners = new ArrayList<>();
    for (Target t : book.all()) {
      if (t.owner().tenant().equals(tenant) && !owners.contains(t.owner())) {
        owners.add(t.owner());
      }
    }
    owners.sort(Comparator.comparing((TargetOwner o) -> rank(o)).thenComparing(TargetOwner::key));
    Money zero = Money.zero(currency);
    for (TargetOwner owner : owners) {
      var levels = book.levels(owner, period);
      if (levels.isEmpty()) {
        continue;
      }
      Money achieved;
      if (owner instanceof TargetOwner.OfRep r) {
        achieved = byRep.getOrDefault(r.rep(), zero);
      } else if (owner instanceof TargetOwner.OfTeam t) {
        achieved = zero;
        for (Rep member : members(chart, t.team())) {
          achieved = achieved.plus(byRep.getOrDefault(member.id(), zero));
        }
      } else {
        achieved = company;
      }
      out.add(new Attainment(owner, period, achieved, levels.get()));
    }
    return out;
  }

  /** Every active rep in the team or its sub-teams. */
  private static List<Rep> members(OrgChart chart, TeamId team) {
    return chart.membersOf(team);
  }

  private static int rank(TargetOwner o) {
    return o instanceof TargetOwner.OfRep ? 0 : o instanceof TargetOwner.OfTeam ? 1 : 2;
  }

}
