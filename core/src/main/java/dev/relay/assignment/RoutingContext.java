package dev.relay.assignment;

import dev.relay.common.RepId;
import dev.relay.common.TenantId;
import dev.relay.fields.FieldValues;
import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What every filter and strategy of one decision reads besides the members and the ledger.
 *
 * @param tenant the tenant
 * @param now the decision's instant
 * @param rule the rule that applies
 * @param policy the assignment section
 * @param fields the lead's fields
 * @param grade the lead's grade ({@link AssignmentPolicy#gradeField()}), or {@code null}
 * @param avoid reps the request says to skip
 * @param stateKey where the rule's strategy keeps its cursor or pointers for this target
 */
record RoutingContext(TenantId tenant, Instant now, AssignmentRules.Rule rule, AssignmentPolicy policy,
    FieldValues fields, @Nullable String grade, Set<RepId> avoid, String stateKey) {

  RoutingRule routingRule() {
    return rule.rule();
  }
}
