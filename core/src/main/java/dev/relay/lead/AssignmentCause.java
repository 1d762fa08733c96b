package dev.relay.lead;

import org.jspecify.annotations.Nullable;

/** Why a lead got an {@link Assignment}: which step of its life handed it to someone (or queued it). */
public enum AssignmentCause {
  /** Routing the lead when it was captured. */
  CAPTURE("capture"),
  /** Routing a queued lead again, e.g. after capacity freed up. */
  QUEUE("queue"),
  /** Re-routing after the assignee missed the first-contact SLA. */
  SLA_REROUTE("sla_reroute"),
  /** Escalating to the previous assignee's manager after the rule's maximum number of re-routes. */
  SLA_ESCALATION("sla_escalation"),
  /** A person handed the lead over by hand. */
  MANUAL("manual");

  private final String jsonName;

  AssignmentCause(String jsonName) {
    this.jsonName = jsonName;
  }

  public String jsonName() {
    return jsonName;
  }

  public static @Nullable AssignmentCause fromJson(String name) {
    for (AssignmentCause c : values()) {
      if (c.jsonName.equals(name)) {
        return c;
      }
    }
    return null;
  }
}
