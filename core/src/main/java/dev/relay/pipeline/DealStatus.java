package dev.relay.pipeline;

import org.jspecify.annotations.Nullable;

/**
 * Where a deal stands overall. A deal is {@link #OPEN} until it is won or lost; a {@link #WON} deal in a pipeline with
 * a won stage still moves through the post-sale stages after it.
 */
public enum DealStatus {
  OPEN("open"),
  WON("won"),
  LOST("lost");

  private final String jsonName;

  DealStatus(String jsonName) {
    this.jsonName = jsonName;
  }

  /** The value of the built-in {@code status} field, e.g. {@code open}. */
  public String jsonName() {
    return jsonName;
  }

  public static @Nullable DealStatus fromJson(String name) {
    for (DealStatus s : values()) {
      if (s.jsonName.equals(name)) {
        return s;
      }
    }
    return null;
  }
}
