package dev.relay.criteria;

import dev.relay.fields.FieldValues;

/**
 * Criteria checked against a schema and compiled into a predicate. {@link #test} allocates nothing; {@link #explain}
 * builds a trace for people and may allocate. Instances are immutable and thread-safe.
 */
public interface CompiledCriteria {
  /** Whether the record satisfies the criteria. Allocation-free. */
  boolean test(FieldValues record);

  /** The criteria this was compiled from. */
  Criteria source();

  /** Evaluates with a trace of every condition's outcome, for explanations and gate reasons. */
  CriteriaTrace explain(FieldValues record);
}
