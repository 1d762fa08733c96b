package dev.relay.common;

import java.util.List;

/**
 * The answer of a policy: {@link Allowed} or {@link Rejected} with its reasons. Business rules answer with verdicts
 * rather than exceptions so that hosts can show the reasons and carry on.
 */
public sealed interface Verdict permits Verdict.Allowed, Verdict.Rejected {
  static Verdict allowed() {
    return Allowed.INSTANCE;
  }

  static Verdict rejected(ErrorCode code, List<Reason> reasons) {
    return new Rejected(code, reasons);
  }

  default boolean isAllowed() {
    return this instanceof Allowed;
  }

  /** The policy allows the action. */
  enum Allowed implements Verdict {
    INSTANCE
  }

  /**
   * The policy forbids the action.
   *
   * @param code the stable code of the kind of rejection
   * @param reasons why, at least one
   */
  record Rejected(ErrorCode code, List<Reason> reasons) implements Verdict {
    public Rejected {
      reasons = List.copyOf(reasons);
      if (reasons.isEmpty()) {
        throw new IllegalArgumentException("a rejection needs at least one reason");
      }
    }

    public RuleViolationException toException() {
      return new RuleViolationException(code, reasons.get(0).message(),
          reasons.stream().map(r -> new Problem(r.rule(), r.message())).toList());
    }
  }
}
