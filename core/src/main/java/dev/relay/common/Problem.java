package dev.relay.common;

import java.util.Objects;

/**
 * One thing wrong with an input, located by a path into it, e.g. {@code pipeline.stages[2].gate.all[0].field: unknown
 * field 'budgt'}.
 *
 * @param path dotted path with {@code [i]} indexes; empty for the whole input
 * @param message what is wrong, in words a configuration author understands
 */
public record Problem(String path, String message) {
  public Problem {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return path.isEmpty() ? message : path + ": " + message;
  }
}
