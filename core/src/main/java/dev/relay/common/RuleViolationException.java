package dev.relay.common;

import java.util.List;

/**
 * A business rule said no and the caller asked for an exception instead of a {@link Verdict} — an invalid transition, a
 * gate not satisfied, an approval required, a forbidden actor. The code tells which; the problems give each reason.
 */
public final class RuleViolationException extends RelayException {
  private static final long serialVersionUID = 1L;

  public RuleViolationException(ErrorCode code, String message, List<Problem> problems) {
    super(code, message, problems);
  }

  public static RuleViolationException of(ErrorCode code, String message) {
    return new RuleViolationException(code, message, List.of(new Problem("", message)));
  }
}
