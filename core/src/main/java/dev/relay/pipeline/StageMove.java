package dev.relay.pipeline;

import dev.relay.common.ErrorCode;
import dev.relay.common.Problem;
import dev.relay.common.Reason;
import dev.relay.common.RuleViolationException;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of a command that moves a deal or changes its status: {@link Moved} or {@link Blocked}. A business rule
 * saying no is a {@code Blocked} result with its reasons as data, not an exception; call {@link #orThrow()} where an
 * exception suits the caller better.
 */
public sealed interface StageMove permits StageMove.Moved, StageMove.Blocked {

  /** The deal after the command: moved, or as it stands (with any approval requests the attempt filed). */
  Deal deal();

  default boolean isMoved() {
    return this instanceof Moved;
  }

  /**
   * This result if the deal moved.
   *
   * @throws RuleViolationException with the {@link Blocked#code()} and one problem per reason if it was blocked
   */
  Moved orThrow();

  /**
   * The deal moved.
   *
   * @param deal the changed deal
   * @param transition the history entry the move added
   * @param trace how the decision's details came out, e.g. who became responsible and why
   */
  record Moved(Deal deal, StageTransition transition, List<Reason> trace) implements StageMove {
    public Moved {
      Objects.requireNonNull(deal, "deal");
      Objects.requireNonNull(transition, "transition");
      trace = List.copyOf(trace);
    }

    @Override
    public Moved orThrow() {
      return this;
    }
  }

  /**
   * A rule refused the move; nothing changed except that missing approvals were requested.
   *
   * @param deal the deal as it stands, including approval requests filed by this attempt
   * @param code {@link ErrorCode#INVALID_TRANSITION} when the pipeline does not allow the move at all, {@link
   *     ErrorCode#GATE_NOT_SATISFIED} when exit criteria fail, {@link ErrorCode#APPROVAL_REQUIRED} when only approvals
   *     are missing
   * @param reasons every reason, at least one; a failed gate condition's rule is its path in the playbook, e.g. {@code
   *     pipeline.stages[1].gate.all[0]}
   * @param pendingApprovals the pending approval requests the move waits for (new and earlier ones)
   */
  record Blocked(Deal deal, ErrorCode code, List<Reason> reasons, List<Approval> pendingApprovals)
      implements StageMove {
    public Blocked {
      Objects.requireNonNull(deal, "deal");
      Objects.requireNonNull(code, "code");
      reasons = List.copyOf(reasons);
      pendingApprovals = List.copyOf(pendingApprovals);
      if (reasons.isEmpty()) {
        throw new IllegalArgumentException("a blocked move needs at least one reason");
      }
    }

    @Override
    public Moved orThrow() {
      throw toException();
    }

    public RuleViolationException toException() {
      return new RuleViolationException(code, "deal " + deal.id() + " cannot move: " + reasons.get(0).message(),
          reasons.stream().map(r -> new Problem(r.rule(), r.message())).toList());
    }
  }
}
