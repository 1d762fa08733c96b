package dev.relay.criteria;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of evaluating criteria against one record, condition by condition.
 *
 * @param result the overall outcome
 * @param conditions every leaf condition evaluated, in tree order
 * @param failed when the result is false, the requirements that did not hold, in tree order: each decisive condition
 *     that was false, and each decisive condition under a {@code not} that held, rendered as its negation ({@code not
 *     (discount_pct > 40)}) with {@code result} false. Conditions that did not decide the outcome (a false item of an
 *     {@code any} that is true anyway) are left out. Empty when the result is true.
 */
public record CriteriaTrace(boolean result, List<ConditionOutcome> conditions, List<ConditionOutcome> failed) {
  public CriteriaTrace {
    conditions = List.copyOf(conditions);
    failed = List.copyOf(failed);
  }

  /**
   * One leaf condition's outcome.
   *
   * @param path the condition's path within the criteria, e.g. {@code all[1]}
   * @param text the condition in words, e.g. {@code discount_pct > 15}
   * @param result whether it held
   * @param actual the record's value of the field, or {@code null} if unset
   */
  public record ConditionOutcome(String path, String text, boolean result, @Nullable Object actual) {}
}
