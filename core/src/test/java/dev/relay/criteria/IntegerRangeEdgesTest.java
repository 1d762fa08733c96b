package dev.relay.criteria;

import static dev.relay.criteria.Criteria.field;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relay.fields.EntityKind;
import dev.relay.fields.FieldDefinition;
import dev.relay.fields.FieldSchema;
import dev.relay.fields.FieldType;
import dev.relay.fields.FieldValues;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One-sided integer comparisons are compiled to inclusive ranges; the ends of {@code long} must not wrap. */
class IntegerRangeEdgesTest {
  private final FieldSchema schema =
      FieldSchema.of(EntityKind.LEAD, List.of(), List.of(FieldDefinition.custom("n", FieldType.INTEGER)));

  private boolean test(Criteria c, long n) {
    return CriteriaCompiler.compile(c, schema, "").test(FieldValues.empty(schema).with("n", n));
  }

  @Test
  void greaterThanTheLargestLongMatchesNothing() {
    assertFalse(test(field("n").gt(Long.MAX_VALUE), Long.MAX_VALUE));
    assertTrue(test(field("n").gte(Long.MAX_VALUE), Long.MAX_VALUE));
  }

  @Test
  void lessThanTheSmallestLongMatchesNothing() {
    assertFalse(test(field("n").lt(Long.MIN_VALUE), Long.MIN_VALUE));
    assertTrue(test(field("n").lte(Long.MIN_VALUE), Long.MIN_VALUE));
  }

  @Test
  void boundsAreExclusiveForGtAndLtAndInclusiveOtherwise() {
    assertFalse(test(field("n").gt(5), 5));
    assertTrue(test(field("n").gt(5), 6));
    assertFalse(test(field("n").lt(5), 5));
    assertTrue(test(field("n").lt(5), 4));
    assertTrue(test(field("n").between(5, 5), 5));
  }
}
