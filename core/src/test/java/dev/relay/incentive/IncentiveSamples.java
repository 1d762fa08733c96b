package dev.relay.incentive;

import dev.relay.common.DealId;
import dev.relay.common.Money;
import dev.relay.common.Period;
import dev.relay.common.RepId;
import dev.relay.common.TeamId;
import dev.relay.common.TenantId;
import dev.relay.org.OrgChart;
import dev.relay.org.Rep;
import dev.relay.org.Team;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** A small sales organisation and helpers for incentive tests: team north (manager Mei) with Li, Wang and Zhao. */
final class IncentiveSamples {
  static final TenantId ACME = TenantId.of("acme");
  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  static final Period MARCH = Period.month(2026, 3, SHANGHAI);
  static final Period APRIL = Period.month(2026, 4, SHANGHAI);
  static final Period MAY = Period.month(2026, 5, SHANGHAI);
  static final TeamId NORTH = TeamId.of(ACME, "north");
  static final TeamId SALES = TeamId.of(ACME, "sales");
  static final RepId DIRECTOR = RepId.of(ACME, "director");
  static final RepId MEI = RepId.of(ACME, "mei");
  static final RepId LI = RepId.of(ACME, "li");
  static final RepId WANG = RepId.of(ACME, "wang");
  static final RepId ZHAO = RepId.of(ACME, "zhao");

  private IncentiveSamples() {}

  static OrgChart chart() {
    return OrgChart.of(
        List.of(Rep.of(DIRECTOR, "Director", SALES, "sales_director"), Rep.of(MEI, "Mei", NORTH, "sales_manager"),
            Rep.of(LI, "Li", NORTH, "sales_rep"), Rep.of(WANG, "Wang", NORTH, "sales_rep"),
            Rep.of(ZHAO, "Zhao", NORTH, "sales_rep")),
        List.of(new Team(SALES, "Sales", null, DIRECTOR), new Team(NORTH, "North", SALES, MEI)));
  }

  static Money cny(String amount) {
    return Money.of(amount, "CNY");
  }

  static DealId deal(String id) {
    return DealId.of(ACME, id);
  }

  /** A revenue credit booked on the given day of March 2026, noon Shanghai. */
  static DealCredit credit(String deal, RepId rep, String amount, int marchDay) {
    return DealCredit.revenue(deal(deal), rep, cny(amount), march(marchDay));
  }

  static Instant march(int day) {
    return java.time.LocalDateTime.of(2026, 3, day, 12, 0).atZone(SHANGHAI).toInstant();
  }

  static Instant april(int day) {
    return java.time.LocalDateTime.of(2026, 4, day, 12, 0).atZone(SHANGHAI).toInstant();
  }

  static TargetLevels target(String base, String stretch) {
    return TargetLevels.of(cny(base), cny(stretch));
  }
}
