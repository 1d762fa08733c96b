package dev.relay.assignment;

import dev.relay.common.RepId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
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

  /** A builder starting from {@link #defaults(RepId)}. */
  public static Builder builder(RepId rep) {
    return new Builder(rep);
  }

  /** A builder holding this profile's values, to change some of them. */
  public Builder toBuilder() {
    Builder b = new Builder(rep).weight(weight).seniority(seniority).hours(hours).paused(paused);
    b.skills.addAll(skills);
    b.industries.addAll(industries);
    b.regions.addAll(regions);
    b.languages.addAll(languages);
    b.absences.addAll(absences);
    return b;
  }

  /** Whether the rep is out of office at {@code instant}. */
  public boolean isAbsentAt(Instant instant) {
    // Indexed: this runs for every member of every decision, mostly over an empty list.
    for (int i = 0; i < absences.size(); i++) {
      Absence a = absences.get(i);
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

  /** Builds a {@link RepProfile}; {@link #build()} throws {@link IllegalArgumentException} for a weight below 1. */
  public static final class Builder {
    private final RepId rep;
    private int weight = 1;
    private String seniority = "regular";
    private final Set<String> skills = new LinkedHashSet<>();
    private final Set<String> industries = new LinkedHashSet<>();
    private final Set<String> regions = new LinkedHashSet<>();
    private final Set<String> languages = new LinkedHashSet<>();
    private WorkingHours hours = WorkingHours.always();
    private boolean paused;
    private final List<Absence> absences = new ArrayList<>();

    private Builder(RepId rep) {
      this.rep = Objects.requireNonNull(rep, "rep");
    }

    public Builder weight(int value) {
      this.weight = value;
      return this;
    }

    public Builder seniority(String value) {
      this.seniority = Objects.requireNonNull(value, "seniority");
      return this;
    }

    public Builder skills(String... values) {
      skills.addAll(Arrays.asList(values));
      return this;
    }

    public Builder industries(String... values) {
      industries.addAll(Arrays.asList(values));
      return this;
    }

    public Builder regions(String... values) {
      regions.addAll(Arrays.asList(values));
      return this;
    }

    public Builder languages(String... values) {
      languages.addAll(Arrays.asList(values));
      return this;
    }

    public Builder hours(WorkingHours value) {
      this.hours = Objects.requireNonNull(value, "hours");
      return this;
    }

    public Builder paused(boolean value) {
      this.paused = value;
      return this;
    }

    /** Adds an out-of-office period {@code [from, until)}. */
    public Builder absent(Instant from, Instant until, String reason) {
      absences.add(new Absence(from, until, reason));
      return this;
    }

    public RepProfile build() {
      return new RepProfile(rep, weight, seniority, skills, industries, regions, languages, hours, paused, absences);
    }
  }
}
