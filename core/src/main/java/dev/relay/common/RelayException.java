package dev.relay.common;

import java.util.List;
import java.util.Objects;

/**
 * Root of Relay's unchecked exceptions. Each carries a stable {@link ErrorCode} and structured {@link Problem}s, never
 * only a message. Exceptions are for misuse and faults; a business rule saying no is usually a result (see {@link
 * Verdict}), and the {@code …OrThrow} convenience methods turn such results into {@link RuleViolationException}s.
 */
public abstract class RelayException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorCode code;
  private final List<Problem> problems;

  protected RelayException(ErrorCode code, String message, List<Problem> problems, Throwable cause) {
    super(message, cause);
    this.code = Objects.requireNonNull(code, "code");
    this.problems = List.copyOf(problems);
  }

  protected RelayException(ErrorCode code, String message, List<Problem> problems) {
    this(code, message, problems, null);
  }

  public ErrorCode code() {
    return code;
  }

  /** The structured details; each has a path (may be empty) and a message. */
  public List<Problem> problems() {
    return problems;
  }
}
