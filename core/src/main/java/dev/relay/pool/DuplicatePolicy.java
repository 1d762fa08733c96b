package dev.relay.pool;

import org.jspecify.annotations.Nullable;

/** What creating an account that duplicates an existing one does. */
public enum DuplicatePolicy {
  /** Refuse the new account, naming the existing one and the keys they share. */
  REJECT("reject"),
  /** Merge the new account's details into the existing record and return it. */
  MERGE("merge"),
  /** Create it, flagged as a possible duplicate of the existing one for people to resolve. */
  FLAG("flag");

  private final String jsonName;

  DuplicatePolicy(String jsonName) {
    this.jsonName = jsonName;
  }

  public String jsonName() {
    return jsonName;
  }

  public static @Nullable DuplicatePolicy fromJson(String name) {
    for (DuplicatePolicy p : values()) {
      if (p.jsonName.equals(name)) {
        return p;
      }
    }
    return null;
  }
}
