package dev.relay.criteria;

import static dev.relay.criteria.Criteria.all;
import static dev.relay.criteria.Criteria.any;
import static dev.relay.criteria.Criteria.field;
import static dev.relay.criteria.Criteria.not;
import static dev.relay.criteria.SampleDeals.deal;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.relay.fields.FieldValues;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link CompiledCriteria#test} allocates nothing: measured with the JVM's per-thread allocation counter over a
 * million evaluations a round that reach every kind of compiled node, hits and misses, set and missing values.
 */
class CompiledCriteriaAllocationTest {
  private static final int EVALUATIONS = 20_000;

  /** Every operator on every type, compiled one by one so that no short-circuit hides a node, plus the groups. */
  private static final List<Criteria> EVERY_NODE = List.of(
      field("name").eq("Acme"), field("name").ne("Beta"), field("name").in("Acme", "Beta"), field("name").notIn("x"),
      field("name").contains("cm"), field("name").startsWith("Ac"), field("name").isSet(), field("name").isBlank(),
      field("region").eq("east"), field("region").in("east", "west"), field("region").startsWith("ea"),
      field("tier").notIn("C"), field("tier").isBlank(),
      field("probability").eq(50), field("probability").in(10, 50), field("probability").gt(1),
      field("probability").gte(1), field("probability").lt(1), field("probability").lte(1),
      field("probability").between(1, 99), field("probability").ne(3),
      field("amount").eq(100), field("amount").in(1, new BigDecimal("2.5")), field("amount").gt(1),
      field("amount").gte(1), field("amount").lt(1), field("amount").lte(1), field("amount").between(1, 2),
      field("budget").isSet(),
      field("strategic").eq(true), field("strategic").in(true), field("strategic").notIn(false),
      field("strategic").isBlank(),
      field("close_date").eq("2026-01-01"), field("close_date").in("2026-01-01", "2026-02-01"),
      field("close_date").gt("2026-01-01"), field("close_date").gte("2026-01-01"), field("close_date").lt("2026-01-01"),
      field("close_date").lte("2026-01-01"), field("close_date").between("2026-01-01", "2026-12-31"),
      field("products").eq(List.of("crm", "analytics")), field("products").in("platform"),
      field("products").notIn("crm"), field("products").contains("analytics"), field("products").isBlank(),
      all(field("amount").gt(1), field("region").eq("east")),
      any(field("amount").gt(1), field("region").eq("east")),
      not(field("amount").gt(1)),
      not(field("region").eq("east")),
      all(),
      any());

  @Test
  void testAllocatesNothing() {
    com.sun.management.ThreadMXBean threads = allocationCounter();
    CompiledCriteria[] compiled = EVERY_NODE.stream().map(SampleDeals::compile).toArray(CompiledCriteria[]::new);
    FieldValues[] deals = {
        deal(),
        deal("name", "Acme", "region", "east", "tier", "A", "probability", 50, "amount", 100, "strategic", true,
            "close_date", "2026-01-01", "products", List.of("crm", "analytics"), "discount_pct", 5),
        deal("name", "  ", "region", "west", "tier", "C", "probability", 3, "amount", new BigDecimal("2.50"),
            "strategic", false, "close_date", "2027-01-01", "products", List.of(), "budget", 1),
        deal("name", "Beta", "probability", 99, "amount", 0, "products", List.of("platform"))};
    int matches = evaluate(compiled, deals);
    matches += evaluate(compiled, deals);
    long least = Long.MAX_VALUE;
    for (int round = 0; round < 5 && least > 0; round++) {
      long before = threads.getCurrentThreadAllocatedBytes();
      matches += evaluate(compiled, deals);
      least = Math.min(least, threads.getCurrentThreadAllocatedBytes() - before);
    }
    assertTrue(matches > 0, "some deals match, so the criteria were really evaluated");
    assertTrue(least < 1024,
        "test() allocated " + least + " bytes over " + EVALUATIONS + " rounds of " + compiled.length + " criteria");
  }

  private static int evaluate(CompiledCriteria[] compiled, FieldValues[] deals) {
    int matches = 0;
    for (int i = 0; i < EVALUATIONS; i++) {
      FieldValues deal = deals[i & 3];
      for (CompiledCriteria c : compiled) {
        if (c.test(deal)) {
          matches++;
        }
      }
    }
    return matches;
  }

  private static com.sun.management.ThreadMXBean allocationCounter() {
    boolean supported = ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t
        && t.isThreadAllocatedMemorySupported() && t.isThreadAllocatedMemoryEnabled();
    assumeTrue(supported, "this JVM does not count allocated bytes per thread");
    return (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  }
}
