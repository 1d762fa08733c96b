package dev.relay.incentive;

/** When a credited deal counts towards a period: when it was won (booked) or when it was paid (collected). */
public enum Measure {
  /** Counted in the period the deal was won (签单). */
  BOOKED("booked"),
  /** Counted in the period the money came in (回款). */
  COLLECTED("collected");

  private final String jsonName;

  Measure(String jsonName) {
    this.jsonName = jsonName;
  }

  public String jsonName() {
    return jsonName;
  }

  /** The measure with this JSON name, or {@code null}. */
  public static @org.jspecify.annotations.Nullable Measure fromJson(String name) {
    for (Measure m : values()) {
      if (m.jsonName.equals(name)) {
        return m;
      }
    }
    return null;
  }
}
