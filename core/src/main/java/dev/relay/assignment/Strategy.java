package dev.relay.assignment;

import org.jspecify.annotations.Nullable;

/** How a rule picks one rep among the eligible members of its target. */
public enum Strategy {
  /** Each member in turn, from a persistent cursor per target. */
  ROUND_ROBIN("round_robin"),
  /**
   * Members in proportion to their weights by the pointer scheme: the member with the lowest pointer gets the next lead
   * and its pointer rises by 1/weight, so weights 2:1:1 give an exact 2:1:1 split, interleaved smoothly.
   */
  WEIGHTED_ROUND_ROBIN("weighted_round_robin"),
  /** The member with the fewest open leads; ties go round robin. */
  LEAST_LOADED("least_loaded"),
  /**
   * The member whose skills, industries, regions and languages best match the lead, by configured weights; ties go to
   * the fewest open leads, then member order.
   */
  BEST_FIT("best_fit"),
  /** Round robin among members at or above the seniority the lead's grade requires (A leads to senior reps). */
  GRADE_BASED("grade_based"),
  /** The lead's account owner (as the lead service matched it), if eligible; else round robin. */
  STICKY_OWNER("sticky_owner");

  private final String jsonName;

  Strategy(String jsonName) {
    this.jsonName = jsonName;
  }

  public String jsonName() {
    return jsonName;
  }

  public static @Nullable Strategy fromJson(String name) {
    for (Strategy s : values()) {
      if (s.jsonName.equals(name)) {
        return s;
      }
    }
    return null;
  }
}
