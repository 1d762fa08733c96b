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
  void theScriptedFortnightShowsAGateAnApprovalAnSlaBreachALostDealAndTheFunnel() {
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
  }
}
