package dev.relay.pool;

import dev.relay.criteria.Criteria;
import java.util.LinkedHashMap;
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

  /**
   * A builder for a rule over every owned account, without per-grade days and without a warning; set the days with
   * {@link Builder#days} and {@link Builder#defaultDays}.
   */
  public static Builder builder(String key, String label, RecycleTrigger trigger) {
    return new Builder(key, label, trigger);
  }

  /** Builds a {@link RecycleRule}; the playbook validates it with paths when it is built. */
  public static final class Builder {
    private final String key;
    private final String label;
    private final RecycleTrigger trigger;
    private Criteria when = Criteria.always();
    private final Map<String, Integer> days = new LinkedHashMap<>();
    private int defaultDays;
    private int warnDaysBefore;

    private Builder(String key, String label, RecycleTrigger trigger) {
      this.key = Objects.requireNonNull(key, "key");
      this.label = Objects.requireNonNull(label, "label");
      this.trigger = Objects.requireNonNull(trigger, "trigger");
    }

    public Builder when(Criteria value) {
      this.when = Objects.requireNonNull(value, "when");
      return this;
    }

    /** The allowed days for accounts of one grade. */
    public Builder days(String grade, int value) {
      days.put(Objects.requireNonNull(grade, "grade"), value);
      return this;
    }

    /** The allowed days for accounts without a grade, or of a grade without its own days. */
    public Builder defaultDays(int value) {
      this.defaultDays = value;
      return this;
    }

    public Builder warnDaysBefore(int value) {
      this.warnDaysBefore = value;
      return this;
    }

    public RecycleRule build() {
      return new RecycleRule(key, label, trigger, when, days, defaultDays, warnDaysBefore);
    }
  }
}
