package dev.relay.assignment;

import dev.relay.common.RepId;
import dev.relay.org.Rep;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;

/**
 * A rep the router considers, with what the org directory and the profiles store say of them. A {@link Roster} keeps
 * its members between decisions, so what is derived here is derived once per revision of the directory and profiles.
 *
 * @param rep the rep
 * @param person the org directory's entry, {@code null} if the directory does not know the rep
 * @param profile the routing profile (defaults when none is stored)
 * @param weight the weight in weighted round robin: the group's weight for the rep, else the profile's
 * @param display how reasons name the rep: {@code Li (li)}, or the bare id for a rep the directory does not know
 * @param alwaysWorking whether the rep's working hours hold at every instant, so that screening skips the clock
 * @param alwaysAvailable whether the rep is active, not paused, never absent and always working: no availability
 *     filter can exclude them, whatever the time
 */
record Member(RepId rep, @Nullable Rep person, RepProfile profile, int weight, String display,
    boolean alwaysWorking, boolean alwaysAvailable) {

  static Member of(RepId rep, @Nullable Rep person, RepProfile profile, int weight) {
    boolean alwaysWorking = profile.hours().coversEveryInstant();
    return new Member(rep, person, profile, weight,
        person == null ? rep.value() : person.name() + " (" + rep.value() + ")",
        alwaysWorking, person != null && person.active() && !profile.paused() && profile.absences().isEmpty()
            && alwaysWorking);
  }

  /** The same member weighing {@code value} in weighted round robin. */
  Member withWeight(int value) {
    return value == weight ? this : new Member(rep, person, profile, value, display, alwaysWorking, alwaysAvailable);
  }

  boolean active() {
    return person != null && person.active();
  }

  /** The rep's own time zone; UTC for a rep the directory does not know (who is never eligible anyway). */
  ZoneId zone() {
    return person == null ? ZoneOffset.UTC : person.zone();
  }
}
