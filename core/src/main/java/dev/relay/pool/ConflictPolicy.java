package dev.relay.pool;

import org.jspecify.annotations.Nullable;

/** What happens when a rep creates or claims a customer someone else owns (撞单). */
public enum ConflictPolicy {
  /** Refuse, naming the owner where the rep may see it. */
  REJECT("reject"),
  /** File a collaboration request that the owner accepts (the rep joins as collaborator) or declines. */
  COLLABORATION_REQUEST("collaboration_request");

  private final String jsonName;

  ConflictPolicy(String jsonName) {
    this.jsonName = jsonName;
  }

  public String jsonName() {
    return jsonName;
  }

  public static @Nullable ConflictPolicy fromJson(String name) {
    for (ConflictPolicy p : values()) {
      if (p.jsonName.equals(name)) {
        return p;
      }
    }
    return null;
  }
}
