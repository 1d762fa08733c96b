package dev.relay.pool;

import java.util.Locale;

/** Whether an account is still a prospect or already a customer (has won a deal). */
public enum AccountStatus {
  PROSPECT,
  CUSTOMER;

  /** The value of the built-in {@code status} field, e.g. {@code customer}. */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
