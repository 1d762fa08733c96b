package dev.relay.common;

/** Port that mints tenant-local identifiers for new aggregates. Implementations must never repeat an id. */
public interface IdGenerator {
  /**
   * A new identifier.
   *
   * @param prefix a short kind marker such as {@code "D"} for deals, kept at the front of the id for readability
   */
  String next(String prefix);
}
