package dev.relay.assignment;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A limit on how much a rep may receive. Several caps apply at once (e.g. 30 open leads, 5 per hour, 20 per day).
 *
 * @param metric what is counted
 * @param window for {@link Metric#ASSIGNED}: the period counted (e.g. one hour, one day, one week); {@code null} for
 *     {@link Metric#OPEN_LEADS}
 * @param rolling whether the window slides back from now ({@code true}) or is the current calendar hour, day or week
 *     in the rep's time zone ({@code false})
 * @param max the most allowed; a rep at the cap is not eligible
 */
public record CapacityCap(Metric metric, @Nullable Duration window, boolean rolling, int max) {
  public CapacityCap {
    Objects.requireNonNull(metric, "metric");
  }

  /** The rep's leads not yet closed (new, assigned, contacted). */
  public static CapacityCap openLeads(int max) {
    return new CapacityCap(Metric.OPEN_LEADS, null, false, max);
  }

  /** Leads assigned within a sliding window. */
  public static CapacityCap assignedWithin(Duration window, int max) {
    return new CapacityCap(Metric.ASSIGNED, window, true, max);
  }

  /** Leads assigned in the current calendar hour, day or week (window of 1 hour, 1 day or 7 days). */
  public static CapacityCap assignedPerCalendar(Duration window, int max) {
    return new CapacityCap(Metric.ASSIGNED, window, false, max);
  }

  /** What a cap counts. */
  public enum Metric {
    OPEN_LEADS("open_leads"),
    ASSIGNED("assigned");

    private final String jsonName;

    Metric(String jsonName) {
      this.jsonName = jsonName;
    }

    public String jsonName() {
      return jsonName;
    }

    public static @Nullable Metric fromJson(String name) {
      for (Metric m : values()) {
        if (m.jsonName.equals(name)) {
          return m;
        }
      }
      return null;
    }
  }
}
