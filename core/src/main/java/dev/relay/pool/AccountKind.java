package dev.relay.pool;

/** Whether an account is a company or a person. */
public enum AccountKind {
  COMPANY,
  PERSON;

  public String jsonName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
