package dev.relay.common;

import java.util.Objects;

/**
 * Why a decision came out as it did, as data a host can show.
 *
 * @param rule the configured rule or check that produced it, as a path into the playbook or a stable name
 * @param message a human-readable explanation
 */
public record Reason(String rule, String message) {
  public Reason {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return rule + ": " + message;
  }
}
