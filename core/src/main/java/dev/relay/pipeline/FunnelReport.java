package dev.relay.pipeline;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;

/**
 * The funnel of one pipeline over a time range, made by {@link FunnelAnalytics}: per-stage counts, conversion and
 * dwell, the bottleneck stage and the stalled deals. Immutable. {@link #render()} prints it as a plain-text table.
 */
public final class FunnelReport {
  private final Instant from;
  private final Instant to;
  private final Instant generatedAt;
  private final List<StageStats> stages;
  private final @Nullable Bottleneck bottleneck;
  private final List<StalledDeal> stalled;

  FunnelReport(Instant from, Instant to, Instant generatedAt, List<StageStats> stages, @Nullable Bottleneck bottleneck,
      List<StalledDeal> stalled) {
    this.from = Objects.requireNonNull(from, "from");
    this.to = Objects.requireNonNull(to, "to");
    this.generatedAt = Objects.requireNonNull(generatedAt, "generatedAt");
    this.stages = List.copyOf(stages);
    this.bottleneck = bottleneck;
    this.stalled = List.copyOf(stalled);
  }

  /** Start of the range, inclusive. */
  public Instant from() {
    return from;
  }

  /** End of the range, exclusive. */
  public Instant to() {
    return to;
  }

  /** The "now" the report was computed at (dwell of ongoing visits, stalled deals). */
  public Instant generatedAt() {
    return generatedAt;
  }

  /** One row per pipeline stage, in pipeline order. */
  public List<StageStats> stages() {
    return stages;
  }

  public Optional<StageStats> stage(String key) {
    return stages.stream().filter(s -> s.stage().equals(key)).findFirst();
  }

  /** The stage that loses the most deals, if enough deals passed through for the figure to mean something. */
  public Optional<Bottleneck> bottleneck() {
    return Optional.ofNullable(bottleneck);
  }

  /** Deals stuck in their stage, the furthest past their limit first. */
  public List<StalledDeal> stalled() {
    return stalled;
  }

  /** {@link #render(ReportLabels)} with {@link ReportLabels#bilingual()}. */
  public String render() {
    return render(ReportLabels.bilingual());
  }

  /** The report as a plain-text table with the bottleneck and stalled deals below it. */
  public String render(ReportLabels labels) {
    StringBuilder out = new StringBuilder();
    out.append(labels.title()).append(": [").append(from).append(", ").append(to).append(")  @ ")
        .append(generatedAt).append("\n\n");
    TextTable table = new TextTable(List.of(labels.stage(), labels.entered(), labels.advanced(), labels.won(),
        labels.lost(), labels.conversion(), labels.medianDwell(), labels.p90Dwell()), 1);
    for (StageStats s : stages) {
      table.row(List.of(s.label(), Integer.toString(s.entered()), Integer.toString(s.advanced()),
          Integer.toString(s.won()), Integer.toString(s.lost()), percent(s.conversion()), dwell(s.medianDwell()),
          dwell(s.p90Dwell())));
    }
    out.append(table.render()).append('\n');
    out.append(labels.bottleneck()).append(": ")
        .append(bottleneck == null ? labels.none() : bottleneck.stage().label() + " — " + bottleneck.reason())
        .append("\n\n");
    out.append(labels.stalled()).append(" (").append(stalled.size()).append(")");
    if (stalled.isEmpty()) {
      return out.append(": ").append(labels.none()).append('\n').toString();
    }
    out.append(":\n");
    TextTable deals = new TextTable(List.of(labels.deal(), labels.stage(), labels.responsible(), labels.dwell(),
        labels.limit()), 3);
    for (StalledDeal d : stalled) {
      String stageLabel = stage(d.stage()).map(StageStats::label).orElse(d.stage());
      deals.row(List.of(d.deal().value() + " " + d.name(), stageLabel, d.responsible().value(),
          TextTable.duration(d.dwell()), (d.limitKind() == StalledDeal.Limit.SLA ? labels.sla() : labels.p90())
              + " " + TextTable.duration(d.limit())));
    }
    return out.append(deals.render()).toString();
  }

  static String percent(OptionalDouble share) {
    if (share.isEmpty()) {
      return "–";
    }
    return BigDecimal.valueOf(share.getAsDouble() * 100).setScale(1, RoundingMode.HALF_EVEN).toPlainString() + "%";
  }

  private static String dwell(@Nullable Duration d) {
    return d == null ? "–" : TextTable.duration(d);
  }

  @Override
  public String toString() {
    return render(ReportLabels.english());
  }

  /**
   * The stage chosen as bottleneck and why.
   *
   * @param stage its row
   * @param reason the figures that made it the bottleneck, in words
   */
  public record Bottleneck(StageStats stage, String reason) {
    public Bottleneck {
      Objects.requireNonNull(stage, "stage");
      Objects.requireNonNull(reason, "reason");
    }
  }
}
