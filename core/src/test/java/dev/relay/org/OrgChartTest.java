package dev.relay.org;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relay.common.RepId;
import dev.relay.common.TeamId;
import dev.relay.common.TenantId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OrgChartTest {
  private final TenantId acme = TenantId.of("acme");
  private final TeamId sales = TeamId.of(acme, "sales");
  private final TeamId east = TeamId.of(acme, "east");
  private final TeamId ops = TeamId.of(acme, "ops");
  private final RepId vp = RepId.of(acme, "vp");
  private final RepId lead = RepId.of(acme, "lead-east");
  private final RepId li = RepId.of(acme, "li");
  private final RepId zhang = RepId.of(acme, "zhang");
  private final RepId opsHq = RepId.of(acme, "ops-hq");
  private final RepId opsEast = RepId.of(acme, "ops-east");

  private final OrgChart chart = OrgChart.of(
      List.of(Rep.of(vp, "VP Sales", sales, "sales_manager"),
          Rep.of(lead, "East lead", east, "sales_manager"),
          Rep.of(li, "李雷 Li Lei", east, "sales_rep"),
          Rep.of(zhang, "张伟 Zhang Wei", east, "sales_rep").withManager(vp),
          Rep.of(opsHq, "Ops HQ", ops, "sales_ops"),
          Rep.of(opsEast, "Ops East", east, "sales_ops")),
      List.of(new Team(sales, "Sales", null, vp), new Team(east, "East China 华东", sales, lead),
          new Team(ops, "Operations", null, null)));

  @Test
  void aRepsManagerIsTheTeamManagerUnlessTheRepHasADirectOne() {
    assertEquals(Optional.of(lead), chart.managerOf(li));
    assertEquals(Optional.of(vp), chart.managerOf(zhang));
  }

  @Test
  void aTeamManagerReportsToTheParentTeamsManager() {
    assertEquals(Optional.of(vp), chart.managerOf(lead));
    assertEquals(List.of(lead, vp), chart.managersAbove(li));
    assertTrue(chart.isAbove(vp, li));
    assertFalse(chart.isAbove(li, vp));
    assertEquals(Optional.empty(), chart.managerOf(vp));
  }

  @Test
  void theNearestRoleHolderIsFoundInTheRepsOwnTeamFirst() {
    assertEquals(Optional.of(opsEast), chart.nearestHolderOf("sales_ops", li));
    assertEquals(Optional.of(opsEast), chart.nearestHolderOf("sales_ops", vp));
    assertEquals(Optional.empty(), chart.nearestHolderOf("finance", li));
  }

  @Test
  void membersOfATeamIncludeItsSubTeams() {
    assertEquals(6 - 1, chart.membersOf(sales).size());
  }
}
