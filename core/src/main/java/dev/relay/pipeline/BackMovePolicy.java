package dev.relay.pipeline;

import org.jspecify.annotations.Nullable;

/** Which moves back to an earlier stage a pipeline allows. */
public enum BackMovePolicy {
  /** Never. */
  NONE("none"),
  /** Only to the stage immediately before. */
  PREVIOUS("previous"),
  /** To any earlier stage. */
  ANY("any");

  private final String jsonName;

  BackMovePolicy(String jsonName) {
    this.jsonName = jsonName;
  }

  public String jsonName() {
    return jsonName;
  }

  public static @Nullable BackMovePolicy fromJson(String name) {
    for (BackMovePolicy p : values()) {
      if (p.jsonName.equals(name)) {
        return p;
      }
    }
    return null;
  }
}
