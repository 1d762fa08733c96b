package dev.relay.pool;

import org.jspecify.annotations.Nullable;

/** What kind of neglect a recycle rule measures. */
public enum RecycleTrigger {
  /** Days since the last follow-up (activity) on the account, or since the claim if there was none. */
  NO_FOLLOW_UP("no_follow_up"),
  /** Days since any of the account's deals last changed stage, or since the claim if it has none. */
  NO_DEAL_PROGRESS("no_deal_progress"),
  /** Days since the claim without the account becoming a customer (a won deal). */
  NOT_WON_AFTER_CLAIM("not_won_after_claim");

  private final String jsonName;

  RecycleTrigger(String jsonName) {
    this.jsonName = jsonName;
  }

  public String jsonName() {
    return jsonName;
  }

  public static @Nullable RecycleTrigger fromJson(String name) {
    for (RecycleTrigger t : values()) {
      if (t.jsonName.equals(name)) {
        return t;
      }
    }
    return null;
  }
}
