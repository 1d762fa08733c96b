package dev.relay.pool;

import dev.relay.criteria.Criteria;
import java.util.Map;
import java.util.Objects;

/**
 * When an owned account goes back to the public pool: e.g. "no follow-up for 30 days for grade A, 15 for B, 7 for C".
 *
 * @param key stable key, recorded as the reason of each recycle
 * @param label shown to people
 * @param trigger the kind of neglect measured
 * @param when the accounts the rule applies to ({@link Criteria#always()} for all)
 * @param days the allowed days of neglect, per grade (values of the pool's grade field)
 * @param defaultDays the allowed days for accounts without a grade or with a grade not in {@code days}
 * @param warnDaysBefore how many days before recycling a warning event is emitted (0 for none)
 */
public record RecycleRule(
    String key, String label, RecycleTrigger trigger, Criteria when, Map<String, Integer> days, int defaultDays,
    int warnDaysBefore) {
  public RecycleRule {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(trigger, "trigger");
    Objects.requireNonNull(when, "when");
    days = Map.copyOf(days);
  }

  /** The allowed days of neglect for an account of this grade ({@code null} if it has none). */
  public int daysFor(@org.jspecify.annotations.Nullable String grade) {
    return grade == null ? defaultDays : days.getOrDefault(grade, defaultDays);
  }
}
