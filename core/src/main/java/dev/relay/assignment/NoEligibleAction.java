package dev.relay.assignment;

import org.jspecify.annotations.Nullable;

/** What happens to a lead when no member of the target is eligible. */
public enum NoEligibleAction {
  /** It waits in the rule's queue until someone becomes eligible (a later routing pass picks it up). */
  QUEUE("queue"),
  /** It goes to the rule's fallback owner, beyond their caps, pause and hours (an inactive one leaves it queued). */
  FALLBACK("fallback"),
  /**
   * It goes to the nearest active manager of the target team (or, for a one-rep target, that rep's manager), else to
   * the fallback owner, and an escalation event is emitted.
   */
  ESCALATE("escalate");

  private final String jsonName;

  NoEligibleAction(String jsonName) {
    this.jsonName = jsonName;
  }

  public String jsonName() {
    return jsonName;
  }

  public static @Nullable NoEligibleAction fromJson(String name) {
    for (NoEligibleAction a : values()) {
      if (a.jsonName.equals(name)) {
        return a;
      }
    }
    return null;
  }
}
