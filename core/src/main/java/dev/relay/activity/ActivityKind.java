package dev.relay.activity;

import org.jspecify.annotations.Nullable;

/** What kind of contact or record an {@link Activity} is. Every kind counts as a follow-up of its account. */
public enum ActivityKind {
  /** A phone or voice call (电话). */
  CALL("call"),
  /** An on-site visit (拜访). */
  VISIT("visit"),
  /** A meeting, in person or online (会议). */
  MEETING("meeting"),
  /** An e-mail sent or received (邮件). */
  EMAIL("email"),
  /** A written note without a contact (备注). */
  NOTE("note");

  private final String jsonName;

  ActivityKind(String jsonName) {
    this.jsonName = jsonName;
  }

  /** The stable name in JSON and storage, e.g. {@code call}. */
  public String jsonName() {
    return jsonName;
  }

  /** The kind with this JSON name, or {@code null} if there is none. */
  public static @Nullable ActivityKind fromJson(String name) {
    for (ActivityKind k : values()) {
      if (k.jsonName.equals(name)) {
        return k;
      }
    }
    return null;
  }
}
