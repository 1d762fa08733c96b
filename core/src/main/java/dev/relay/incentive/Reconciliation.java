package dev.relay.incentive;

/** The rule between a parent's target and the sum of its children's (上下级目标校验). */
public enum Reconciliation {
  /** The children add up exactly to the parent. */
  EXACT("exact"),
  /** The children add up to at least the parent: managers may load extra (加码) but never hand out less. */
  AT_LEAST("at_least"),
  /** No check. */
  NONE("none");

  private final String jsonName;

  Reconciliation(String jsonName) {
    this.jsonName = jsonName;
  }

  public String jsonName() {
    return jsonName;
  }

  public static @org.jspecify.annotations.Nullable Reconciliation fromJson(String name) {
    for (Reconciliation r : values()) {
      if (r.jsonName.equals(name)) {
        return r;
      }
    }
    return null;
  }
}
