package dev.relay.assignment;

import dev.relay.common.RepId;
import dev.relay.common.TenantId;
import dev.relay.fields.FieldValues;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What every filter and strategy of one decision reads besides the members and the ledger. One per decision, used by
 * one thread.
 *
 * @param tenant the tenant
 * @param now the decision's instant
 * @param rule the rule that applies
 * @param policy the assignment section
 * @param fields the lead's fields
 * @param grade the lead's grade ({@link AssignmentPolicy#gradeField()}), or {@code null}
 * @param avoid reps the request says to skip
 * @param zonedNow {@code now} in the members' zones
 * @param screensOnlyAvailability whether only the availability filters (active, paused, absent, working hours) can
 *     exclude a member from this decision: nobody to avoid, no seniority required for the lead's grade, no capacity
 *     cap. Worked out once per decision, as every member's screening asks it.
 */
record RoutingContext(TenantId tenant, Instant now, AssignmentRules.Rule rule, AssignmentPolicy policy,
    FieldValues fields, @Nullable String grade, Set<RepId> avoid, ZonedNow zonedNow,
    boolean screensOnlyAvailability) {

  RoutingContext(TenantId tenant, Instant now, AssignmentRules.Rule rule, AssignmentPolicy policy, FieldValues fields,
      @Nullable String grade, Set<RepId> avoid) {
    this(tenant, now, rule, policy, fields, grade, avoid, new ZonedNow(now), avoid.isEmpty()
        && rule.rule().caps().isEmpty() && (grade == null || !rule.rule().minSeniority().containsKey(grade)));
  }

  RoutingRule routingRule() {
    return rule.rule();
  }

  /**
   * Whether the decision reads members' open leads: for an open-lead cap, for least loaded (the fewest) and best fit
   * (the tie-break), and so for the trace of those rules.
   */
  boolean readsLoad() {
    return rule.readsLoad();
  }

  /** Where the rule's strategy keeps its cursor or pointers for this target. */
  String stateKey() {
    return rule.stateKey();
  }

  /** The decision's instant in {@code zone}. */
  LocalNow now(ZoneId zone) {
    return zonedNow.in(zone);
  }

  /**
   * The decision's instant in one zone, with the day and time working hours compare.
   *
   * @param dateTime the instant in the zone
   * @param day its day of the week
   * @param time its time of day
   */
  record LocalNow(ZonedDateTime dateTime, DayOfWeek day, LocalTime time) {}

  /**
   * The decision's instant in the zones asked for, each worked out once in a row: members mostly share a zone, and
   * converting an instant is the costliest step of screening a member.
   */
  static final class ZonedNow {
    private final Instant now;
    private @Nullable LocalNow last;

    ZonedNow(Instant now) {
      this.now = now;
    }

    LocalNow in(ZoneId zone) {
      LocalNow local = last;
      if (local != null && zone.equals(local.dateTime().getZone())) {
        return local;
      }
      ZonedDateTime dateTime = now.atZone(zone);
      local = new LocalNow(dateTime, dateTime.getDayOfWeek(), dateTime.toLocalTime());
      last = local;
      return local;
    }
  }
}
