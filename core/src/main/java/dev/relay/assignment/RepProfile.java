package dev.relay.assignment;

import dev.relay.common.RepId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What routing knows of a rep beyond the org directory: weight, seniority, what they are good at, when they work and
 * whether they take leads now. Hosts keep profiles in a {@link RepProfiles} store; a rep without a profile routes with
 * {@link #defaults(RepId)}.
 *
 * @param rep the rep
 * @param weight share in weighted round robin (at least 1)
 * @param seniority one of the policy's seniority levels, e.g. {@code senior}
 * @param skills product lines or skills, matched by best fit
 * @param industries industries the rep knows
 * @param regions regions the rep covers
 * @param languages languages the rep speaks
 * @param hours working hours, in the rep's own time zone (from the org directory)
 * @param paused whether the rep asked not to receive leads for now
 * @param absences out-of-office periods
 */
public record RepProfile(
    RepId rep,
    int weight,
    String seniority,
    Set<String> skills,
    Set<String> industries,
    Set<String> regions,
    Set<String> languages,
    WorkingHours hours,
    boolean paused,
    List<Absence> absences) {

  public RepProfile {
    Objects.requireNonNull(rep, "rep");
    Objects.requireNonNull(seniority, "seniority");
    Objects.requireNonNull(hours, "hours");
    skills = Set.copyOf(skills);
    industries = Set.copyOf(industries);
    regions = Set.copyOf(regions);
    languages = Set.copyOf(languages);
    absences = List.copyOf(absences);
    if (weight < 1) {
      throw new IllegalArgumentException("weight of " + rep + " must be at least 1: " + weight);
    }
  }

  /** Weight 1, seniority {@code regular}, no attributes, working around the clock, available. */
  public static RepProfile defaults(RepId rep) {
    return new RepProfile(rep, 1, "regular", Set.of(), Set.of(), Set.of(), Set.of(), WorkingHours.always(), false,
        List.of());
  }

  /** Whether the rep is out of office at {@code instant}. */
  public boolean isAbsentAt(Instant instant) {
    for (Absence a : absences) {
      if (!instant.isBefore(a.from()) && instant.isBefore(a.until())) {
        return true;
      }
    }
    return false;
  }

  /**
   * An out-of-office period {@code [from, until)}.
   *
   * @param from start
   * @param until end, after {@code from}
   * @param reason e.g. {@code 年假 annual leave}
   */
  public record Absence(Instant from, Instant until, String reason) {
    public Absence {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(until, "until");
      Objects.requireNonNull(reason, "reason");
      if (!until.isAfter(from)) {
        throw new IllegalArgumentException("an absence must end after it starts: " + from + " – " + until);
      }
    }
  }
}
