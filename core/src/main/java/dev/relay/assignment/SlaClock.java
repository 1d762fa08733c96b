package dev.relay.assignment;

import org.jspecify.annotations.Nullable;

/** How a first-contact SLA counts time. */
public enum SlaClock {
  /** Elapsed wall time. */
  WALL("wall"),
  /** Only the assignee's working hours (in the rep's time zone) count. */
  BUSINESS_HOURS("business_hours");

  private final String jsonName;

  SlaClock(String jsonName) {
    this.jsonName = jsonName;
  }

  public String jsonName() {
    return jsonName;
  }

  public static @Nullable SlaClock fromJson(String name) {
    for (SlaClock c : values()) {
      if (c.jsonName.equals(name)) {
        return c;
      }
    }
    return null;
  }
}
