package dev.relay.pool;

import java.time.Instant;
import java.util.Objects;

/**
 * The marker of a recycle warning sent to the owner, so that the sweep warns once per due date. Relay clears it whenever
 * the due date can have moved: on every change of owner and on every follow-up.
 *
 * @param ruleKey the recycle rule that will fire
 * @param due when the account will be recycled unless someone follows up
 * @param warnedAt when the warning was issued
 */
public record RecycleWarning(String ruleKey, Instant due, Instant warnedAt) {
  public RecycleWarning {
    Objects.requireNonNull(ruleKey, "ruleKey");
    Objects.requireNonNull(due, "due");
    Objects.requireNonNull(warnedAt, "warnedAt");
  }
}
