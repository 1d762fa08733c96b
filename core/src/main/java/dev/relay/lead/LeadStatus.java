package dev.relay.lead;

import org.jspecify.annotations.Nullable;

/**
 * Where a lead (线索) stands. A lead is <em>open</em> — it counts in its owner's open load, which routing caps — while
 * {@link #NEW}, {@link #ASSIGNED} or {@link #CONTACTED}; it is <em>closed</em> once {@link #DISQUALIFIED} or {@link
 * #CONVERTED}. A {@link #QUALIFIED} lead is neither: it no longer weighs on its owner's load, but it is still the live
 * record of the prospect, so a new inquiry from the same person is caught as its duplicate.
 */
public enum LeadStatus {
  /** Captured and waiting in a routing queue: nobody owns it yet. */
  NEW("new"),
  /** Routed (or handed) to an owner who has not contacted it yet; the first-contact SLA runs. */
  ASSIGNED("assigned"),
  /** The owner made first contact; the SLA clock stopped. */
  CONTACTED("contacted"),
  /** The owner found it worth pursuing. */
  QUALIFIED("qualified"),
  /** Not worth pursuing (or a duplicate of another lead); see {@link Lead#disqualifyReason()}. */
  DISQUALIFIED("disqualified"),
  /** Turned into an account (and possibly a deal); see {@link Lead#convertedTo()}. */
  CONVERTED("converted");

  private final String jsonName;

  LeadStatus(String jsonName) {
    this.jsonName = jsonName;
  }

  /** The value of the built-in {@code status} field, e.g. {@code contacted}. */
  public String jsonName() {
    return jsonName;
  }

  /** The status with this JSON name, or {@code null}. */
  public static @Nullable LeadStatus fromJson(String name) {
    for (LeadStatus s : values()) {
      if (s.jsonName.equals(name)) {
        return s;
      }
    }
    return null;
  }

  /** Whether a lead in this status counts in its owner's open load: new, assigned or contacted. */
  public boolean isOpen() {
    return this == NEW || this == ASSIGNED || this == CONTACTED;
  }

  /** Whether the lead is finished: disqualified or converted. */
  public boolean isClosed() {
    return this == DISQUALIFIED || this == CONVERTED;
  }
}
