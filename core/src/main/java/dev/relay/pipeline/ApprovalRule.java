package dev.relay.pipeline;

import dev.relay.criteria.Criteria;
import java.util.Objects;

/**
 * An approval a deal needs before it may leave a stage, when its criteria match the deal — e.g. "a discount above 15%
 * needs the owner's manager".
 *
 * @param key stable key within the stage, e.g. {@code big_discount}
 * @param label shown to people
 * @param when the deals this applies to ({@link Criteria#always()} for every deal)
 * @param approver who decides
 */
public record ApprovalRule(String key, String label, Criteria when, Approver approver) {
  public ApprovalRule {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(when, "when");
    Objects.requireNonNull(approver, "approver");
  }
}
