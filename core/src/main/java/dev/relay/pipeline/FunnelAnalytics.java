package dev.relay.pipeline;

import dev.relay.common.DealId;
import dev.relay.common.Period;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Computes a {@link FunnelReport} from deals' histories: a pure function of the deals, the pipeline, the range {@code
 * [from, to)} and {@code now}, so hosts can report over any store and tests can check figures by hand.
 *
 * <p><b>Definitions.</b> A <em>visit</em> of a stage begins with a transition that enters it ({@link
 * StageTransition#entersStage()}: creation, advance, skip, back move, reopening, entering the won stage) and ends with
 * the deal's next transition of any kind (moving elsewhere, or being won or lost where it stands). A <em>forward move</em>
 * is an advance, a skip or entering the won stage. Per stage:
 * <ul>
 *   <li><b>entered</b>: deals with a visit of the stage beginning in the range;
 *   <li><b>advanced</b>: deals with a forward move out of the stage in the range;
 *   <li><b>won</b>: deals with a {@link TransitionKind#WON} transition into the stage in the range (every win lands on
 *       the won stage when the pipeline has one);
 *   <li><b>lost</b>: deals lost in the range while in the stage;
 *   <li><b>conversion</b>: of the entered deals, the share that afterwards (at any time, not only within the range)
 *       moved forward into any later stage. A skip over the next stage counts as converting: otherwise skippable
 *       stages would make their predecessors look like leaks. Undefined for the last stage and when nobody entered;
 *   <li><b>median and p90 dwell</b>: over the visits of the stage that <em>ended</em> in the range, their durations
 *       sorted ascending, the nearest-rank percentile: the value at 1-based rank {@code ceil(p/100 × n)} (so the median
 *       of an even number of samples is the lower middle one). Ongoing visits are not samples; they show up as stalled
 *       deals instead.
 * </ul>
 * Counts are of distinct deals; a deal that enters a stage twice in the range counts once, but each visit is a dwell
 * sample.
 *
 * <p><b>Bottleneck.</b> Among the stages with a next stage and at least {@link #minimumEntries()} entered deals, the
 * one with the lowest conversion; ties go to the longer median dwell (a stage without dwell samples counts as shortest),
 * then to the earlier stage. None when no stage qualifies.
 *
 * <p><b>Stalled deals.</b> Deals in progress at {@code now} ({@link Deal#isInProgress}) whose current visit has lasted
 * longer than the stage's SLA or, for a stage without SLA, longer than the stage's p90 dwell in this report (a stage
 * without samples stalls nobody).
 */
public final class FunnelAnalytics {
  /** The default minimum of entered deals for a stage to be a bottleneck candidate. */
  public static final int DEFAULT_MINIMUM_ENTRIES = 3;

  private final int minimumEntries;

  /** Analytics with {@link #DEFAULT_MINIMUM_ENTRIES}. */
  public FunnelAnalytics() {
    this(DEFAULT_MINIMUM_ENTRIES);
  }

  /** @throws IllegalArgumentException if {@code minimumEntries} is below 1 */
  public FunnelAnalytics(int minimumEntries) {
    if (minimumEntries < 1) {
      throw new IllegalArgumentException("a bottleneck needs at least one entered deal: " + minimumEntries);
    }
    this.minimumEntries = minimumEntries;
  }

  public int minimumEntries() {
    return minimumEntries;
  }

  /** The report over a calendar period, e.g. a month in the tenant's zone. */
  public FunnelReport report(Collection<Deal> deals, PipelineDefinition pipeline, Period period, Instant now) {
    return report(deals, pipeline, period.start(), period.end(), now);
  }

  /**
   * The report over {@code [from, to)}.
   *
   * @param deals the deals to count, normally every deal of one tenant ({@link DealRepository#findAll})
   * @param now the moment the report describes; no deal's history should go beyond it
   * @throws IllegalArgumentException if {@code to} is before {@code from}
   */
  public FunnelReport report(Collection<Deal> deals, PipelineDefinition pipeline, Instant from, Instant to,
      Instant now) {
    Objects.requireNonNull(deals, "deals");
    Objects.requireNonNull(pipeline, "pipeline");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(now, "now");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("range ends " + to + " before it starts " + from);
    }
    int n = pipeline.stages().size();
    List<Tally> tallies = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      tallies.add(new Tally());
    }
    Range range = new Range(from, to);
    for (Deal deal : deals) {
      count(deal, pipeline, range, tallies);
    }
    List<StageStats> rows = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      StageDefinition stage = pipeline.stages().get(i);
      Tally t = tallies.get(i);
      List<Duration> samples = new ArrayList<>(t.dwells);
      samples.sort(Comparator.naturalOrder());
      rows.add(new StageStats(stage.key(), stage.label(), t.entered.size(), t.advanced.size(), t.won.size(),
          t.lost.size(), t.converted.size(), i < n - 1, samples.size(), percentile(samples, 50),
          percentile(samples, 90)));
    }
    return new FunnelReport(from, to, now, rows, bottleneck(rows), stalled(deals, pipeline, rows, now));
  }

  private static void count(Deal deal, PipelineDefinition pipeline, Range range, List<Tally> tallies) {
    DealId id = deal.id();
    List<StageTransition> history = deal.history();
    // stage index -> history index of the deal's first visit of it beginning in the range
    Map<Integer, Integer> firstEntries = new LinkedHashMap<>();
    for (int i = 0; i < history.size(); i++) {
      StageTransition t = history.get(i);
      int stage = pipeline.indexOf(t.to());
      if (stage < 0) {
        continue; // a stage the pipeline no longer has
      }
      Tally tally = tallies.get(stage);
      if (t.entersStage()) {
        if (range.contains(t.at())) {
          tally.entered.add(id);
          firstEntries.putIfAbsent(stage, i);
        }
        if (i + 1 < history.size() && range.contains(history.get(i + 1).at())) {
          tally.dwells.add(Duration.between(t.at(), history.get(i + 1).at()));
        }
      }
      if (!range.contains(t.at())) {
        continue;
      }
      if (t.kind() == TransitionKind.WON) {
        tally.won.add(id);
      } else if (t.kind() == TransitionKind.LOST) {
        tally.lost.add(id);
      }
      int left = t.from() == null ? -1 : pipeline.indexOf(t.from());
      if (left >= 0 && isForward(t, left, stage)) {
        tallies.get(left).advanced.add(id);
      }
    }
    for (Map.Entry<Integer, Integer> entry : firstEntries.entrySet()) {
      int stage = entry.getKey();
      for (int j = entry.getValue() + 1; j < history.size(); j++) {
        StageTransition later = history.get(j);
        int target = pipeline.indexOf(later.to());
        if (target > stage && isForward(later, pipeline.indexOf(Objects.requireNonNull(later.from())), target)) {
          tallies.get(stage).converted.add(id);
          break;
        }
      }
    }
  }

  private static boolean isForward(StageTransition t, int from, int to) {
    boolean forwardKind = t.kind() == TransitionKind.ADVANCED || t.kind() == TransitionKind.SKIPPED
        || t.kind() == TransitionKind.WON;
    return forwardKind && t.entersStage() && from >= 0 && to > from;
  }

  /** Nearest-rank percentile of ascending samples: the value at 1-based rank ceil(p/100 × n). */
  static @Nullable Duration percentile(List<Duration> ascending, int p) {
    if (ascending.isEmpty()) {
      return null;
    }
    int rank = (int) Math.ceil(p / 100.0 * ascending.size());
    return ascending.get(Math.max(rank, 1) - 1);
  }

  private FunnelReport.@Nullable Bottleneck bottleneck(List<StageStats> rows) {
    StageStats worst = null;
    for (StageStats row : rows) {
      if (!row.hasNextStage() || row.entered() < minimumEntries) {
        continue;
      }
      if (worst == null || worse(row, worst)) {
        worst = row;
      }
    }
    if (worst == null) {
      return null;
    }
    return new FunnelReport.Bottleneck(worst, "lowest conversion among stages with at least " + minimumEntries
        + " entries: " + FunnelReport.percent(worst.conversion()) + " (" + worst.converted() + " of "
        + worst.entered() + " moved on)"
        + (worst.medianDwell() == null ? "" : ", median dwell " + TextTable.duration(worst.medianDwell())));
  }

  /** Lower conversion (compared exactly), then longer median dwell; the earlier stage keeps a full tie. */
  private static boolean worse(StageStats a, StageStats b) {
    long left = (long) a.converted() * b.entered();
    long right = (long) b.converted() * a.entered();
    if (left != right) {
      return left < right;
    }
    Duration da = a.medianDwell() == null ? Duration.ZERO : a.medianDwell();
    Duration db = b.medianDwell() == null ? Duration.ZERO : b.medianDwell();
    return da.compareTo(db) > 0;
  }

  private static List<StalledDeal> stalled(Collection<Deal> deals, PipelineDefinition pipeline, List<StageStats> rows,
      Instant now) {
    List<StalledDeal> stalled = new ArrayList<>();
    for (Deal deal : deals) {
      int stage = pipeline.indexOf(deal.stage());
      if (stage < 0 || !deal.isInProgress(pipeline)) {
        continue;
      }
      Optional<Duration> sla = pipeline.stages().get(stage).maxDwell();
      Duration p90 = rows.get(stage).p90Dwell();
      Duration limit = sla.orElse(p90);
      Duration dwell = deal.dwell(now);
      if (limit != null && dwell.compareTo(limit) > 0) {
        stalled.add(new StalledDeal(deal.id(), deal.name(), deal.stage(), deal.responsible(), dwell, limit,
            sla.isPresent() ? StalledDeal.Limit.SLA : StalledDeal.Limit.STAGE_P90));
      }
    }
    stalled.sort(Comparator.comparing(StalledDeal::overshoot).reversed()
        .thenComparing(s -> s.deal().value()));
    return stalled;
  }

  private record Range(Instant from, Instant to) {
    boolean contains(Instant t) {
      return !t.isBefore(from) && t.isBefore(to);
    }
  }

  /** Per-stage accumulators while reading histories. */
  private static final class Tally {
    final Set<DealId> entered = new HashSet<>();
    final Set<DealId> advanced = new HashSet<>();
    final Set<DealId> won = new HashSet<>();
    final Set<DealId> lost = new HashSet<>();
    final Set<DealId> converted = new HashSet<>();
    final List<Duration> dwells = new ArrayList<>();
  }
}
