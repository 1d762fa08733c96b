package dev.relay.assignment;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One term of a best-fit score: how much it weighs that a rep's attribute covers the value of a lead field.
 *
 * @param attribute which rep attribute is compared
 * @param leadField the lead field whose value (or values, for an enum list) the attribute should contain
 * @param weight the points a match is worth (positive)
 */
public record BestFitCriterion(Attribute attribute, String leadField, int weight) {
  public BestFitCriterion {
    Objects.requireNonNull(attribute, "attribute");
    Objects.requireNonNull(leadField, "leadField");
  }

  /** The rep attributes best fit can compare (see {@link RepProfile}). */
  public enum Attribute {
    SKILLS("skills"),
    INDUSTRIES("industries"),
    REGIONS("regions"),
    LANGUAGES("languages");

    private final String jsonName;

    Attribute(String jsonName) {
      this.jsonName = jsonName;
    }

    public String jsonName() {
      return jsonName;
    }

    public static @Nullable Attribute fromJson(String name) {
      for (Attribute a : values()) {
        if (a.jsonName.equals(name)) {
          return a;
        }
      }
      return null;
    }
  }
}
