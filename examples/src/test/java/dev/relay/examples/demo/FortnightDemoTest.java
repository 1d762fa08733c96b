package dev.relay.examples.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relay.pipeline.FunnelReport;
import dev.relay.pipeline.StageStats;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The demo is the README's main job: it must keep showing every pipeline behaviour it promises. */
class FortnightDemoTest {
  @Test
  void theScriptedFortnightShowsRoutingThePoolAGateAnApprovalAnSlaBreachALostDealAndTheFunnel() {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    FunnelReport report = new FortnightDemo(new PrintStream(buffer, true, StandardCharsets.UTF_8)).run();
    String out = buffer.toString(StandardCharsets.UTF_8);

    assertTrue(out.contains("blocked (relay.gate_not_satisfied)"), out);
    assertTrue(out.contains("budget > 0 does not hold"), out);
    assertTrue(out.contains("blocked (relay.approval_required)"), out);
    assertTrue(out.contains("approval 'large_discount' granted by 王经理 Manager Wang"), out);
    assertTrue(out.contains("approval 'large_order' granted by 钱多 Qian Duo"), out);
    assertTrue(out.contains("WON, 1280000 CNY"), out);
    assertTrue(out.contains("LOST in 'proposal_quote': competitor"), out);
    assertEquals(1, out.split("⚠ SLA breached", -1).length - 1, "the breach is reported exactly once");

    StageStats lead = report.stage("lead").orElseThrow();
    assertEquals(4, lead.entered());
    StageStats quote = report.stage("proposal_quote").orElseThrow();
    assertEquals(3, quote.entered());
    assertEquals(1, quote.lost());
    assertEquals("proposal_quote", report.bottleneck().orElseThrow().stage().stage());
    assertEquals(1, report.stalled().size());
    assertTrue(out.contains("Funnel"), out);

    assertTrue(out.contains("✉ lead 陈总 Mr. Chen (宁波港口机械有限公司) → 李雷 Li Lei by rule 'a_leads', first contact "
        + "within 15 min"), out);
    assertTrue(out.contains("grade A leads go to senior reps or above"), out);
    assertTrue(out.contains("李雷 Li Lei (li) owns the lead's account and is eligible"), out);
    assertEquals(1, out.split("↪ ", -1).length - 1, "one lead misses its SLA and is re-routed, once");
    assertTrue(out.contains("missed its first-contact SLA with 李雷 Li Lei: re-routed to 王经理 Manager Wang"), out);
    assertTrue(out.contains("claimed 苏州精密机械有限公司 from the public pool"), out);
    assertTrue(out.contains("'苏州精密机械有限公司' (C-1) is already owned by 李雷 Li Lei"), out);
    assertTrue(out.contains("张伟 Zhang Wei joins 苏州精密机械有限公司 as collaborator"), out);
    assertTrue(out.contains("⏰ 韩梅梅 Han Meimei: 常州星宇电子有限公司 returns to the pool on Tue 11-10 09:00"), out);
    assertEquals(1, out.split("♻ ", -1).length - 1, "one neglected customer is recycled, once");
    assertTrue(out.contains("常州星宇电子有限公司 (prospect): public pool 公海"), out);
    assertTrue(out.contains("苏州精密机械有限公司 (customer): owned by 李雷 Li Lei"), out);

    assertTrue(out.contains("== Commissions 提成 2026-11, plan 'east_sales' =="), out);
    assertTrue(out.contains("李雷 Li Lei: 45600.00 CNY"), out);
    assertTrue(out.contains("commission on 280000.00 CNY at 5% (tier 2 (100%–) at 5%) = 14000.00 CNY   [tiers]"), out);
    assertTrue(out.contains("accelerator on 80000.00 CNY at 2% (above 120% of target) = 1600.00 CNY"), out);
    assertTrue(out.contains("override on 1280000.00 CNY at 0.5% (level 1) = 6400.00 CNY"), out);
    assertTrue(out.contains("排行榜: 1. 李雷 Li Lei 45600.00, 2. 王经理 Manager Wang 6400.00"), out);
  }
}
