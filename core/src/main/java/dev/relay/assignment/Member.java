package dev.relay.assignment;

import dev.relay.common.Reason;
import dev.relay.common.RepId;
import dev.relay.org.Rep;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A rep the router considers, with what the org directory and the profiles store say of them. A {@link Roster} keeps
 * its members between decisions, so what is derived here — how reasons name the rep, whether any availability filter
 * can ever exclude them, the reason a pause gives — is derived once per revision of the directory and profiles, not per
 * lead. Immutable.
 */
final class Member {
  private final RepId rep;
  private final @Nullable Rep person;
  private final RepProfile profile;
  private final int weight;
  private final String display;
  private final boolean alwaysWorking;
  private final boolean alwaysAvailable;
  private final @Nullable Reason pausedReason;
  /** This member screened eligible by a rule that reads no load: the same for every such decision, so made once. */
  private final Candidate eligibleUnloaded;

  private Member(RepId rep, @Nullable Rep person, RepProfile profile, int weight, String display) {
    this.rep = rep;
    this.person = person;
    this.profile = profile;
    this.weight = weight;
    this.display = display;
    this.alwaysWorking = profile.hours().coversEveryInstant();
    this.alwaysAvailable = person != null && person.active() && !profile.paused() && profile.absences().isEmpty()
        && alwaysWorking;
    this.pausedReason = profile.paused()
        ? new Reason(PausedRepFilter.RULE, display + " has paused receiving leads") : null;
    this.eligibleUnloaded = new Candidate(this, List.of(), Candidate.UNREAD);
  }

  /**
   * The rep as the router sees them.
   *
   * @param person the org directory's entry, {@code null} if the directory does not know the rep
   * @param profile the routing profile (defaults when none is stored)
   * @param weight the weight in weighted round robin: the group's weight for the rep, else the profile's
   */
  static Member of(RepId rep, @Nullable Rep person, RepProfile profile, int weight) {
    return new Member(rep, person, profile, weight,
        person == null ? rep.value() : person.name() + " (" + rep.value() + ")");
  }

  /** The same member weighing {@code value} in weighted round robin. */
  Member withWeight(int value) {
    return value == weight ? this : new Member(rep, person, profile, value, display);
  }

  RepId rep() {
    return rep;
  }

  /** The org directory's entry, {@code null} if the directory does not know the rep. */
  @Nullable Rep person() {
    return person;
  }

  RepProfile profile() {
    return profile;
  }

  int weight() {
    return weight;
  }

  /** How reasons name the rep: {@code Li (li)}, or the bare id for a rep the directory does not know. */
  String display() {
    return display;
  }

  /** Whether the rep's working hours hold at every instant, so that screening skips the clock. */
  boolean alwaysWorking() {
    return alwaysWorking;
  }

  /**
   * Whether the rep is active, not paused, never absent and always working: no availability filter can exclude them,
   * whatever the time.
   */
  boolean alwaysAvailable() {
    return alwaysAvailable;
  }

  /** Why a paused rep gets no leads; {@code null} if the rep has not paused. */
  @Nullable Reason pausedReason() {
    return pausedReason;
  }

  /** The candidate this member is when screened eligible by a rule that reads no load. */
  Candidate eligibleUnloaded() {
    return eligibleUnloaded;
  }

  boolean active() {
    return person != null && person.active();
  }

  /** The rep's own time zone; UTC for a rep the directory does not know (who is never eligible anyway). */
  ZoneId zone() {
    return person == null ? ZoneOffset.UTC : person.zone();
  }

  @Override
  public String toString() {
    return "Member[" + display + ", weight " + weight + "]";
  }
}
