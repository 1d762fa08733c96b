package dev.relay.pipeline;

import dev.relay.common.RepId;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a deal's history: a move between stages or a change of status, with who did it, when, and under which
 * playbook version.
 *
 * @param from the stage the deal was in, or {@code null} for {@link TransitionKind#CREATED}
 * @param to the stage the deal is in afterwards (equal to {@code from} when the deal was won or lost where it stood)
 * @param kind what happened
 * @param actor who did it
 * @param at when, from the service's clock
 * @param playbookVersion the playbook version whose rules allowed the move
 * @param note the actor's free-text note, or {@code null}
 * @throws IllegalArgumentException if {@code from} is missing for anything but a creation, or present for one
 */
public record StageTransition(
    @Nullable String from,
    String to,
    TransitionKind kind,
    RepId actor,
    Instant at,
    int playbookVersion,
    @Nullable String note) {

  public StageTransition {
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(at, "at");
    if ((kind == TransitionKind.CREATED) != (from == null)) {
      throw new IllegalArgumentException("only a creation has no 'from' stage: " + kind + " from " + from);
    }
    if (kind == TransitionKind.LOST && !to.equals(from)) {
      throw new IllegalArgumentException("a deal is lost where it stands, not on the way from " + from + " to " + to);
    }
  }

  /**
   * Whether this transition starts a new visit to {@link #to()}: everything except closing a deal where it stands. A
   * reopened deal starts a fresh visit even in the stage it was lost in, so its SLA clock and approvals start over.
   */
  public boolean entersStage() {
    return switch (kind) {
      case LOST -> false;
      case WON -> !to.equals(from);
      default -> true;
    };
  }
}
