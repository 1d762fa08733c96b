package dev.relay.criteria;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of evaluating criteria against one record, condition by condition.
 *
 * @param result the overall outcome
 * @param conditions every leaf condition evaluated, in tree order
 */
public record CriteriaTrace(boolean result, List<ConditionOutcome> conditions) {
  public CriteriaTrace {
    conditions = List.copyOf(conditions);
  }

  /** The leaf conditions that evaluated false. */
  public List<ConditionOutcome> failed() {
    return conditions.stream().filter(c -> !c.result()).toList();
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
