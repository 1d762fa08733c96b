package dev.relay.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relay.common.ErrorCode;
import dev.relay.common.Money;
import dev.relay.common.RepId;
import dev.relay.pipeline.Deal;
import dev.relay.pipeline.NewDeal;
import dev.relay.pipeline.StageMove;
import dev.relay.testkit.RelayTestKit;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How a host unit-tests its own rule configuration: load the playbook file the application ships, script a few moves
 * with a manual clock, assert what the rules decide.
 */
class OwnPlaybookTest {
  private final RelayTestKit kit = RelayTestKit
      .withPlaybook(Path.of("src/main/resources/playbooks/b2b-manufacturing.json"))
      .startingAt("2026-11-02T01:00:00Z");
  private final RepId li = kit.rep("li", "east", "sales_rep");

  @Test
  void aLeadLeftUntouchedForThreeDaysBreachesItsTwoDaySla() {
    kit.relay().pipeline().create(kit.tenant(), NewDeal.of("Pump retrofit", li, Money.of("480000", "CNY")));
    kit.clock().advance(Duration.ofDays(3));
    assertEquals(1, kit.relay().slaMonitor().checkBreaches(kit.tenant()).size());
    assertEquals(0, kit.relay().slaMonitor().checkBreaches(kit.tenant()).size());
  }

  @Test
  void aQuoteWithMoreThanFortyPercentDiscountCannotLeaveTheQuoteStage() {
    Deal deal = kit.relay().pipeline().create(kit.tenant(), NewDeal.of("Molds", li, Money.of("90000", "CNY"))
        .withFields(Map.of("industry", "automotive", "decision_maker", "Chen", "budget", 100_000,
            "product_lines", java.util.List.of("spare_parts"), "expected_close", "2026-12-31",
            "quote_no", "Q-1", "discount_pct", 45)));
    kit.relay().pipeline().advanceTo(deal.id(), "needs_confirmed", li).orThrow();
    kit.relay().pipeline().advance(deal.id(), li).orThrow();
    StageMove move = kit.relay().pipeline().advance(deal.id(), li);
    StageMove.Blocked blocked = assertInstanceOf(StageMove.Blocked.class, move);
    assertEquals(ErrorCode.GATE_NOT_SATISFIED, blocked.code());
    assertTrue(blocked.reasons().get(0).rule().startsWith("pipeline.stages[3].gate.all[2]"), blocked::toString);
    assertTrue(blocked.reasons().get(0).message().contains("discount_pct"), blocked::toString);
    assertEquals(kit.playbook().version(), move.deal().playbookVersion());
  }
}
