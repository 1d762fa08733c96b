package dev.relay.common;

import java.util.Objects;
import java.util.regex.Pattern;

/** Shape checks shared by the identifier records. */
final class Ids {
  static final Pattern LOCAL_ID = Pattern.compile("[\\p{L}\\p{N}_.:@-]{1,128}");

  private Ids() {}

  static void checkShape(String value, Pattern shape, String what) {
    Objects.requireNonNull(value, what);
    if (!shape.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "invalid " + what + " '" + value + "': expected " + shape.pattern());
    }
  }
}
