package dev.relay.incentive;

import dev.relay.common.Money;
import dev.relay.common.Period;
import dev.relay.common.PeriodKind;
import dev.relay.common.TenantId;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A target as the playbook writes it, before it is bound to a tenant and a zone: {@code {"owner": "team:north",
 * "period": "2026-Q1", "base": 3000000, "stretch": 3600000}}.
 *
 * @param owner {@code company}, {@code team:<id>} or {@code rep:<id>}
 * @param period {@code 2026}, {@code 2026-Q1}, {@code 2026-03} or {@code 2026-W05}, in the playbook's zone
 * @param base the base level
 * @param stretch the stretch level
 */
public record TargetEntry(String owner, String period, Money base, Money stretch) {
  private static final Pattern PERIOD =
      Pattern.compile("(\\d{4})(?:-Q([1-4])|-(0[1-9]|1[0-2])|-W(0[1-9]|[1-4]\\d|5[0-3]))?");

  public TargetEntry {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(stretch, "stretch");
  }

  /** The period a text names in a zone, or empty if the text is not one of the four forms. */
  public static Optional<Period> parsePeriod(String text, ZoneId zone) {
    Matcher m = PERIOD.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    int year = Integer.parseInt(m.group(1));
    if (m.group(2) != null) {
      return Optional.of(Period.quarter(year, Integer.parseInt(m.group(2)), zone));
    }
    if (m.group(3) != null) {
      return Optional.of(Period.month(year, Integer.parseInt(m.group(3)), zone));
    }
    if (m.group(4) != null) {
      LocalDate day = LocalDate.of(year, 1, 4).with(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR,
          Integer.parseInt(m.group(4)));
      Period week = Period.containing(PeriodKind.WEEK, day, zone);
      return week.firstDay().get(java.time.temporal.IsoFields.WEEK_BASED_YEAR) == year ? Optional.of(week)
          : Optional.empty();
    }
    return Optional.of(Period.year(year, zone));
  }

  /** Whether {@link #owner()} has one of the three forms. */
  public boolean ownerIsWellFormed() {
    try {
      TargetOwner.parse(TenantId.of("check"), owner);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /**
   * The target for a tenant.
   *
   * @throws IllegalArgumentException if the owner or period is malformed or the levels contradict each other
   */
  public Target bind(TenantId tenant, ZoneId zone) {
    Period p = parsePeriod(period, zone).orElseThrow(() -> new IllegalArgumentException("malformed period '" + period
        + "'"));
    return new Target(TargetOwner.parse(tenant, owner), p, TargetLevels.of(base, stretch));
  }
}
