package dev.relay.pipeline;

import static dev.relay.pipeline.PipelineFixture.LI;
import static dev.relay.pipeline.PipelineFixture.TENANT;
import static dev.relay.pipeline.TransitionKind.ADVANCED;
import static dev.relay.pipeline.TransitionKind.CREATED;
import static dev.relay.pipeline.TransitionKind.LOST;
import static dev.relay.pipeline.TransitionKind.SKIPPED;
import static dev.relay.pipeline.TransitionKind.WON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relay.common.DealId;
import dev.relay.common.Money;
import dev.relay.common.Period;
import dev.relay.fields.EntityKind;
import dev.relay.fields.FieldValues;
import dev.relay.playbook.Playbook;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The funnel over a hand-built March 2026 ({@code dN} is midnight UTC of 2026-03-N), in the fixture's pipeline {@code
 * lead → qualify → demo (skippable, SLA 3d) → quote → contract (won) → payment → after_sales}, lead SLA 24h:
 * <pre>
 *   A  lead d2 → qualify d3 → demo d5 → quote d6 → contract d8 (won)
 *   B  lead d2 → qualify d4 → quote d7 (skip) → lost d10
 *   C  lead d3 → qualify d4 → lost d6
 *   D  lead d5 → qualify d6 → demo d8, still there
 *   E  lead d10, still there
 *   F  lead Feb 20 → qualify Feb 25 → demo d2 → quote d4, still there
 * </pre>
 */
class FunnelAnalyticsTest {
  private static final Playbook PLAYBOOK = PipelineFixture.playbook(PipelineFixture.pipeline().build());
  private static final PipelineDefinition PIPELINE = PLAYBOOK.pipeline();
  private static final Period MARCH = Period.month(2026, 3, ZoneOffset.UTC);
  private static final Instant NOW = day(20);

  private static final List<Deal> DEALS = List.of(
      deal("A", DealStatus.WON, t(null, "lead", CREATED, day(2)), t("lead", "qualify", ADVANCED, day(3)),
          t("qualify", "demo", ADVANCED, day(5)), t("demo", "quote", ADVANCED, day(6)),
          t("quote", "contract", WON, day(8))),
      deal("B", DealStatus.LOST, t(null, "lead", CREATED, day(2)), t("lead", "qualify", ADVANCED, day(4)),
          t("qualify", "quote", SKIPPED, day(7)), t("quote", "quote", LOST, day(10))),
      deal("C", DealStatus.LOST, t(null, "lead", CREATED, day(3)), t("lead", "qualify", ADVANCED, day(4)),
          t("qualify", "qualify", LOST, day(6))),
      deal("D", DealStatus.OPEN, t(null, "lead", CREATED, day(5)), t("lead", "qualify", ADVANCED, day(6)),
          t("qualify", "demo", ADVANCED, day(8))),
      deal("E", DealStatus.OPEN, t(null, "lead", CREATED, day(10))),
      deal("F", DealStatus.OPEN, t(null, "lead", CREATED, Instant.parse("2026-02-20T00:00:00Z")),
          t("lead", "qualify", ADVANCED, Instant.parse("2026-02-25T00:00:00Z")),
          t("qualify", "demo", ADVANCED, day(2)), t("demo", "quote", ADVANCED, day(4))));

  @Test
  void funnelReportCountsConversionDwellBottleneckAndStalledDeals() {
    FunnelReport report = new FunnelAnalytics().report(DEALS, PIPELINE, MARCH, NOW);

    assertEquals(List.of(
            //            stage, entered, advanced, won, lost, converted, next, samples, median, p90
            row("lead", 5, 4, 0, 0, 4, true, 4, days(1), days(2)),
            row("qualify", 4, 4, 0, 1, 3, true, 5, days(2), days(5)),
            row("demo", 3, 2, 0, 0, 2, true, 2, days(1), days(2)),
            row("quote", 3, 1, 0, 1, 1, true, 2, days(2), days(3)),
            row("contract", 1, 0, 1, 0, 0, true, 0, null, null),
            row("payment", 0, 0, 0, 0, 0, true, 0, null, null),
            row("after_sales", 0, 0, 0, 0, 0, false, 0, null, null)),
        report.stages().stream().map(FunnelAnalyticsTest::figures).toList());
    assertEquals(0.8, report.stage("lead").orElseThrow().conversion().getAsDouble(), 1e-9);
    assertTrue(report.stage("after_sales").orElseThrow().conversion().isEmpty());

    // quote converts 1 of 3; contract converts worse (0 of 1) but has fewer than 3 entries.
    assertEquals("quote", report.bottleneck().orElseThrow().stage().stage());
    assertEquals("contract", new FunnelAnalytics(1).report(DEALS, PIPELINE, MARCH, NOW)
        .bottleneck().orElseThrow().stage().stage());

    // F overstays quote's p90 (3d) by 13d; D and E overstay their SLAs by 9d each, ordered by id.
    assertEquals(List.of(
            new StalledDeal(id("F"), "Deal F", "quote", LI, days(16), days(3), StalledDeal.Limit.STAGE_P90),
            new StalledDeal(id("D"), "Deal D", "demo", LI, days(12), days(3), StalledDeal.Limit.SLA),
            new StalledDeal(id("E"), "Deal E", "lead", LI, days(10), Duration.ofHours(24), StalledDeal.Limit.SLA)),
        report.stalled());
  }

  @Test
  void bottleneckTieGoesToTheLongerMedianDwell() {
    // lead and qualify each convert 1 of 2 deals; qualify visits last longer (5d and 6d against 1d, 1d and 11d).
    List<Deal> deals = List.of(
        deal("P", DealStatus.LOST, t(null, "lead", CREATED, day(2)), t("lead", "lead", LOST, day(3))),
        deal("Q", DealStatus.LOST, t(null, "lead", CREATED, day(2)), t("lead", "qualify", ADVANCED, day(3)),
            t("qualify", "qualify", LOST, day(9))),
        deal("R", DealStatus.OPEN, t(null, "lead", CREATED, Instant.parse("2026-02-20T00:00:00Z")),
            t("lead", "qualify", ADVANCED, day(3)), t("qualify", "demo", ADVANCED, day(8))));

    FunnelReport report = new FunnelAnalytics(2).report(deals, PIPELINE, MARCH, NOW);

    StageStats lead = report.stage("lead").orElseThrow();
    StageStats qualify = report.stage("qualify").orElseThrow();
    assertEquals(List.of(1, 2, 1, 2), List.of(lead.converted(), lead.entered(), qualify.converted(),
        qualify.entered()));
    assertEquals(List.of(days(1), days(5)), List.of(lead.medianDwell(), qualify.medianDwell()));
    assertEquals("qualify", report.bottleneck().orElseThrow().stage().stage());
  }

  @Test
  void percentilesUseTheNearestRank() {
    List<Duration> samples = Stream.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10).map(FunnelAnalyticsTest::days).toList();

    assertEquals(days(5), FunnelAnalytics.percentile(samples, 50));
    assertEquals(days(9), FunnelAnalytics.percentile(samples, 90));
    assertEquals(days(7), FunnelAnalytics.percentile(List.of(days(7)), 90));
    assertNull(FunnelAnalytics.percentile(List.of(), 50));
  }

  @Test
  void renderShowsABilingualTable() {
    String text = new FunnelAnalytics().report(DEALS, PIPELINE, MARCH, NOW).render();

    assertTrue(text.contains("Stage 阶段"), text);
    assertTrue(text.contains("Conversion 转化率"), text);
    assertTrue(text.contains("方案报价 Quote"), text);
    assertTrue(text.contains("33.3%"), text);
    assertTrue(text.contains("Bottleneck 瓶颈: 方案报价 Quote"), text);
    assertTrue(text.contains("Stalled deals 停滞商机 (3)"), text);
    // Columns line up by display width: every table line is as wide as the header line or narrower.
    List<String> lines = text.lines().toList();
    int header = lines.indexOf(lines.stream().filter(l -> l.startsWith("Stage 阶段")).findFirst().orElseThrow());
    int width = TextTable.width(lines.get(header + 1));
    for (int i = header + 2; i < header + 2 + PIPELINE.stages().size(); i++) {
      assertEquals(width, TextTable.width(lines.get(i)), lines.get(i));
    }
  }

  private static List<Object> figures(StageStats s) {
    return row(s.stage(), s.entered(), s.advanced(), s.won(), s.lost(), s.converted(), s.hasNextStage(),
        s.dwellSamples(), s.medianDwell(), s.p90Dwell());
  }

  private static List<Object> row(Object... values) {
    return java.util.Arrays.asList(values);
  }

  private static Deal deal(String id, DealStatus status, StageTransition... history) {
    StageTransition last = history[history.length - 1];
    return new Deal(id(id), "Deal " + id, null, LI, List.of(), Money.of(100_000, "CNY"), last.to(), status,
        FieldValues.empty(PLAYBOOK.schema(EntityKind.DEAL)), LI, status == DealStatus.LOST ? "price" : null, null,
        List.of(), null, List.of(history), history[0].at(), 1, history.length);
  }

  private static DealId id(String value) {
    return DealId.of(TENANT, value);
  }

  private static StageTransition t(String from, String to, TransitionKind kind, Instant at) {
    return new StageTransition(from, to, kind, LI, at, 1, null);
  }

  private static Instant day(int dayOfMarch) {
    return Instant.parse(String.format("2026-03-%02dT00:00:00Z", dayOfMarch));
  }

  private static Duration days(int n) {
    return Duration.ofDays(n);
  }
}
