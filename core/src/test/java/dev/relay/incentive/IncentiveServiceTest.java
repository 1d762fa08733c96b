package dev.relay.incentive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relay.Relay;
import dev.relay.common.Money;
import dev.relay.common.NotFoundException;
import dev.relay.common.Period;
import dev.relay.common.RepId;
import dev.relay.common.TeamId;
import dev.relay.common.TenantId;
import dev.relay.org.Rep;
import dev.relay.org.Team;
import dev.relay.pipeline.Deal;
import dev.relay.pipeline.NewDeal;
import dev.relay.pipeline.PipelineDefinition;
import dev.relay.pipeline.StageDefinition;
import dev.relay.playbook.Playbook;
import dev.relay.testkit.ManualClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Incentives through the facade: attainment and statements follow deals as they are won and paid. */
class IncentiveServiceTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final Period MARCH = Period.month(2026, 3, SHANGHAI);
  private final TenantId acme = TenantId.of("acme");
  private final RepId li = RepId.of(acme, "li");
  private final RepId zhang = RepId.of(acme, "zhang");
  private final RepId wang = RepId.of(acme, "wang");
  private final ManualClock clock = ManualClock.at("2026-03-02T01:00:00Z");
  private final Relay relay = Relay.builder().clock(clock).build();

  IncentiveServiceTest() {
    relay.playbooks().publish(acme, Playbook.builder()
        .zone(SHANGHAI)
        .roles("sales_rep", "sales_manager")
        .pipeline(PipelineDefinition.builder("sales", "Sales")
            .stage(StageDefinition.builder("lead", "线索 Lead", 10))
            .stage(StageDefinition.builder("contract", "签约 Contract", 100))
            .stage(StageDefinition.builder("payment", "回款 Payment", 100))
            .wonStage("contract")
            .lostReason("price", "Price"))
        .incentives(IncentivePolicy.builder()
            .splits(new SplitPolicy(Map.of("presales", new BigDecimal("20")), Map.of()))
            .collectedStage("payment")
            .targets(new TargetSettings(Reconciliation.EXACT, Seasonality.flat(), RampUp.of(), List.of(
                new TargetEntry("rep:li", "2026-03", Money.of("500000", "CNY"), Money.of("800000", "CNY")),
                new TargetEntry("rep:zhang", "2026-03", Money.of("500000", "CNY"), Money.of("800000", "CNY")))))
            .plan(CommissionPlan.builder("standard", "CNY")
                .graduated("tiers", Tier.of("0", "0.05"), Tier.of("1.0", "0.08"))
                .override("override", "0.01", 1)
                .build()))
        .build());
    TeamId east = TeamId.of(acme, "east");
    relay.org().saveTeam(new Team(east, "East", null, wang));
    relay.org().saveRep(Rep.of(wang, "Wang", east, "sales_manager"));
    relay.org().saveRep(Rep.of(li, "Li", east, "sales_rep"));
    relay.org().saveRep(Rep.of(zhang, "Zhang", east, "sales_rep"));
  }

  private Money achieved(Measure measure, RepId rep) {
    return relay.incentives().attainment(acme, measure, MARCH).stream()
        .filter(a -> a.owner().equals(TargetOwner.rep(rep))).findFirst().orElseThrow().achieved();
  }

  @Test
  void attainmentFollowsADealFromWonToPaidWithItsPresalesSplit() {
    Deal deal = relay.pipeline().create(acme, NewDeal.of("Cranes", li, Money.of("900000", "CNY"))
        .withCollaborator(zhang, "presales"));
    assertTrue(achieved(Measure.BOOKED, li).isZero());

    clock.advance(Duration.ofDays(2));
    relay.pipeline().markWon(deal.id(), li).orThrow();

    assertEquals(Money.of("720000.00", "CNY"), achieved(Measure.BOOKED, li));
    assertEquals(Money.of("180000.00", "CNY"), achieved(Measure.BOOKED, zhang));
    assertTrue(achieved(Measure.COLLECTED, li).isZero());

    clock.advance(Duration.ofDays(10));
    relay.pipeline().advance(deal.id(), li).orThrow();

    assertEquals(Money.of("720000.00", "CNY"), achieved(Measure.COLLECTED, li));
  }

  @Test
  void aCustomerHandedOverWithANoteCountsAsCollaboration() {
    var account = relay.pool().create(acme, dev.relay.pool.NewAccount.company("上海振华重工（集团）股份有限公司", li))
        .orThrow();
    relay.pool().transfer(account.id(), zhang, li, "李雷调往华北，客户交张伟跟进 Li moves north").orThrow();

    var measures = MeasureCollector.collect(MARCH, relay.playbooks().current(acme).playbook()
        .pipeline(), List.of(), List.of(), List.of(relay.pool().get(account.id())), List.of(), List.of(), Map.of());

    assertEquals(0, BigDecimal.valueOf(MeasureCollector.HANDOVER_POINTS)
        .compareTo(measures.get(li).get(DimensionKind.COLLABORATION)));
  }

  @Test
  void statementsUnderThePlaybooksPlanAreSavedAndAWhatIfIsNot() {
    Deal deal = relay.pipeline().create(acme, NewDeal.of("Cranes", li, Money.of("900000", "CNY"))
        .withCollaborator(zhang, "presales"));
    relay.pipeline().markWon(deal.id(), li).orThrow();

    List<CommissionStatement> statements = relay.incentives().recalculate(acme, "standard", MARCH, Map.of(),
        List.of());

    CommissionStatement lis = statements.stream().filter(s -> s.rep().equals(li)).findFirst().orElseThrow();
    // 500,000 at 5% + 220,000 at 8%.
    assertEquals(Money.of("42600.00", "CNY"), lis.total());
    CommissionStatement wangs = statements.stream().filter(s -> s.rep().equals(wang)).findFirst().orElseThrow();
    assertEquals(Money.of("9000.00", "CNY"), wangs.total());
    assertEquals(lis, relay.incentives().ledger().statement(li, MARCH).orElseThrow());

    CommissionPlan flat = CommissionPlan.builder("flat", "CNY").flatRate("flat", "0.1").build();
    List<CommissionStatement> whatIf = relay.incentives().whatIf(acme, flat, MARCH, Map.of(), List.of());
    assertEquals(Money.of("72000.00", "CNY"), whatIf.stream().filter(s -> s.rep().equals(li)).findFirst()
        .orElseThrow().total());
    assertEquals(lis, relay.incentives().ledger().statement(li, MARCH).orElseThrow());
    assertThrows(NotFoundException.class,
        () -> relay.incentives().recalculate(acme, "missing", MARCH, Map.of(), List.of()));
  }
}
