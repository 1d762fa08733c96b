package dev.relay.scoring;

import org.jspecify.annotations.Nullable;

/** What a rule group measures: how well the record fits the ideal customer, or how engaged it is. */
public enum Dimension {
  /** Points from the record's own fields (industry, size, budget…). */
  FIT("fit"),
  /** Points from engagements over time (opened, visited, replied, met…). */
  ENGAGEMENT("engagement");

  private final String jsonName;

  Dimension(String jsonName) {
    this.jsonName = jsonName;
  }

  /** The name in playbook JSON. */
  public String jsonName() {
    return jsonName;
  }

  /** The dimension with this JSON name, or {@code null}. */
  public static @Nullable Dimension fromJson(String name) {
    for (Dimension d : values()) {
      if (d.jsonName.equals(name)) {
        return d;
      }
    }
    return null;
  }
}
