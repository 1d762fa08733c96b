package dev.relay.fields;

/** The kinds of record that carry fields; each has built-in fields and the tenant's custom fields. */
public enum EntityKind {
  DEAL("deal"),
  ACCOUNT("account"),
  LEAD("lead");

  private final String jsonName;

  EntityKind(String jsonName) {
    this.jsonName = jsonName;
  }

  public String jsonName() {
    return jsonName;
  }

  public static @org.jspecify.annotations.Nullable EntityKind fromJson(String name) {
    for (EntityKind k : values()) {
      if (k.jsonName.equals(name)) {
        return k;
      }
    }
    return null;
  }
}
