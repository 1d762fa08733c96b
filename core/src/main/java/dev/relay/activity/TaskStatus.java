package dev.relay.activity;

import org.jspecify.annotations.Nullable;

/** Where a {@link FollowUpTask} stands. Only {@link #OPEN} tasks change, fall due or become overdue. */
public enum TaskStatus {
  /** Still to be done. */
  OPEN("open"),
  /** Done; final. */
  DONE("done"),
  /** Called off with a reason; final. */
  CANCELLED("cancelled");

  private final String jsonName;

  TaskStatus(String jsonName) {
    this.jsonName = jsonName;
  }

  /** The stable name in JSON and storage, e.g. {@code open}. */
  public String jsonName() {
    return jsonName;
  }

  /** The status with this JSON name, or {@code null} if there is none. */
  public static @Nullable TaskStatus fromJson(String name) {
    for (TaskStatus s : values()) {
      if (s.jsonName.equals(name)) {
        return s;
      }
    }
    return null;
  }
}
