package dev.relay.pipeline;

import java.util.Objects;

/**
 * The words {@link FunnelReport#render(ReportLabels)} prints. Stage names come from the playbook's stage labels; these
 * are the column headers and captions. {@link #bilingual()} (the default) pairs English with Chinese.
 */
public record ReportLabels(
    String title,
    String stage,
    String entered,
    String advanced,
    String won,
    String lost,
    String conversion,
    String medianDwell,
    String p90Dwell,
    String bottleneck,
    String stalled,
    String deal,
    String responsible,
    String dwell,
    String limit,
    String none,
    String sla,
    String p90) {

  public ReportLabels {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(entered, "entered");
    Objects.requireNonNull(advanced, "advanced");
    Objects.requireNonNull(won, "won");
    Objects.requireNonNull(lost, "lost");
    Objects.requireNonNull(conversion, "conversion");
    Objects.requireNonNull(medianDwell, "medianDwell");
    Objects.requireNonNull(p90Dwell, "p90Dwell");
    Objects.requireNonNull(bottleneck, "bottleneck");
    Objects.requireNonNull(stalled, "stalled");
    Objects.requireNonNull(deal, "deal");
    Objects.requireNonNull(responsible, "responsible");
    Objects.requireNonNull(dwell, "dwell");
    Objects.requireNonNull(limit, "limit");
    Objects.requireNonNull(none, "none");
    Objects.requireNonNull(sla, "sla");
    Objects.requireNonNull(p90, "p90");
  }

  public static ReportLabels english() {
    return new ReportLabels("Sales funnel", "Stage", "Entered", "Advanced", "Won", "Lost", "Conversion",
        "Median dwell", "P90 dwell", "Bottleneck", "Stalled deals", "Deal", "Responsible", "Dwell", "Limit", "none",
        "SLA", "stage p90");
  }

  public static ReportLabels chinese() {
    return new ReportLabels("销售漏斗", "阶段", "进入", "推进", "赢单", "输单", "转化率", "停留中位数", "停留P90", "瓶颈",
        "停滞商机", "商机", "负责人", "停留", "上限", "无", "时限", "阶段P90");
  }

  /** English and Chinese side by side, e.g. {@code Stage 阶段}. */
  public static ReportLabels bilingual() {
    ReportLabels en = english();
    ReportLabels zh = chinese();
    return new ReportLabels(en.title + " " + zh.title, en.stage + " " + zh.stage, en.entered + " " + zh.entered,
        en.advanced + " " + zh.advanced, en.won + " " + zh.won, en.lost + " " + zh.lost,
        en.conversion + " " + zh.conversion, en.medianDwell + " " + zh.medianDwell, en.p90Dwell + " " + zh.p90Dwell,
        en.bottleneck + " " + zh.bottleneck, en.stalled + " " + zh.stalled, en.deal + " " + zh.deal,
        en.responsible + " " + zh.responsible, en.dwell + " " + zh.dwell, en.limit + " " + zh.limit,
        en.none + " " + zh.none, en.sla + " " + zh.sla, en.p90 + " " + zh.p90);
  }
}
