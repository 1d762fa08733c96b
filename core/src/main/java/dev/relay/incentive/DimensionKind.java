package dev.relay.incentive;

import org.jspecify.annotations.Nullable;

/** What a scorecard dimension measures (考核维度). */
public enum DimensionKind {
  /** Revenue over the base target, as a fraction (1.0 = 100%). */
  REVENUE_ATTAINMENT("revenue_attainment"),
  /** Accounts won for the first time in the period. */
  NEW_CUSTOMERS("new_customers"),
  /** Customer satisfaction, an input measure the host supplies (a survey score, NPS). */
  CUSTOMER_SATISFACTION("customer_satisfaction"),
  /** Share of stage exits in the period that kept the stage's SLA (gates are enforced on every exit). */
  PROCESS_COMPLIANCE("process_compliance"),
  /**
   * Collaboration points: assists on colleagues' won deals, shared-deal credit, customers handed over with a note,
   * activities on colleagues' deals.
   */
  COLLABORATION("collaboration"),
  /** Activities (calls, visits, meetings, e-mails, notes) recorded in the period. */
  ACTIVITY_COUNT("activity_count");

  private final String jsonName;

  DimensionKind(String jsonName) {
    this.jsonName = jsonName;
  }

  public String jsonName() {
    return jsonName;
  }

  public static @Nullable DimensionKind fromJson(String name) {
    for (DimensionKind k : values()) {
      if (k.jsonName.equals(name)) {
        return k;
      }
    }
    return null;
  }
}
