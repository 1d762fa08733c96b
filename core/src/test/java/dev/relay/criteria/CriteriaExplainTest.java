package dev.relay.criteria;

import static dev.relay.criteria.Criteria.all;
import static dev.relay.criteria.Criteria.any;
import static dev.relay.criteria.Criteria.field;
import static dev.relay.criteria.Criteria.not;
import static dev.relay.criteria.SampleDeals.deal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relay.criteria.CriteriaTrace.ConditionOutcome;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Explanations a host can show: the rule in words and every condition's outcome with the value it saw. */
class CriteriaExplainTest {
  private static final Criteria LARGE_DEAL_APPROVAL = all(
      field("discount_pct").gt(15),
      any(field("region").in("east", "north"), not(field("tier").eq("C"))),
      field("budget").isSet());

  @Test
  void rendersWholeTreesInWords() {
    assertEquals("amount > 100000 and (region in [east] or not (tier = C))",
        CriteriaText.render(
            all(field("amount").gt(100_000), any(field("region").in("east"), not(field("tier").eq("C"))))));
    assertEquals("discount_pct > 15 and (region in [east, north] or not (tier = C)) and budget is set",
        CriteriaText.render(LARGE_DEAL_APPROVAL));
    assertEquals("always", CriteriaText.render(Criteria.always()));
    assertEquals("never", CriteriaText.render(any()));
    assertEquals("not (a is blank and b != 2.50)",
        CriteriaText.render(not(all(field("a").isBlank(), field("b").ne(new BigDecimal("2.50"))))));
    assertEquals("a between 1 and 5 or (b not in [x, y] and c starts with Ac) or d contains crm",
        CriteriaText.render(any(field("a").between(1, 5), all(field("b").notIn("x", "y"), field("c").startsWith("Ac")),
            all(field("d").contains("crm")))));
    assertEquals("a >= 1 and a < 2 and a <= 3 and a = true",
        CriteriaText.render(all(field("a").gte(1), field("a").lt(2), field("a").lte(3), field("a").eq(true))));
  }

  @Test
  void traceShowsEveryConditionWithItsPathTextAndActualValue() {
    CompiledCriteria compiled = SampleDeals.compile(LARGE_DEAL_APPROVAL);
    CriteriaTrace trace = compiled.explain(deal("discount_pct", 20, "region", "west", "tier", "C"));
    assertFalse(trace.result());
    assertEquals(List.of(
            new ConditionOutcome("all[0]", "discount_pct > 15", true, new BigDecimal("20")),
            new ConditionOutcome("all[1].any[0]", "region in [east, north]", false, "west"),
            new ConditionOutcome("all[1].any[1].not", "tier = C", true, "C"),
            new ConditionOutcome("all[2]", "budget is set", false, null)),
        trace.conditions());
    assertEquals(List.of(
            new ConditionOutcome("all[1].any[0]", "region in [east, north]", false, "west"),
            new ConditionOutcome("all[1].any[1].not", "not (tier = C)", false, "C"),
            new ConditionOutcome("all[2]", "budget is set", false, null)),
        trace.failed());
  }

  @Test
  void onlyTheConditionsThatDecidedAFailureAreBlamed() {
    CompiledCriteria compiled = SampleDeals.compile(
        all(field("budget").isSet(), any(field("region").eq("east"), field("tier").eq("A"))));
    CriteriaTrace trace = compiled.explain(deal("region", "east", "tier", "C"));
    assertFalse(trace.result());
    assertEquals(List.of("all[0]"), trace.failed().stream().map(ConditionOutcome::path).toList());
    assertEquals(List.of(), compiled.explain(deal("budget", 1, "region", "east")).failed());
  }

  @Test
  void aConditionThatHeldUnderNotIsBlamedAsItsNegation() {
    CompiledCriteria compiled = SampleDeals.compile(all(field("budget").isSet(), not(field("discount_pct").gt(40))));
    CriteriaTrace trace = compiled.explain(deal("budget", 1, "discount_pct", 45));
    assertEquals(List.of(new ConditionOutcome("all[1].not", "not (discount_pct > 40)", false, new BigDecimal("45"))),
        trace.failed());
  }

  @Test
  void traceEvaluatesPastTheFirstFailureAndAgreesWithTest() {
    CompiledCriteria compiled = SampleDeals.compile(LARGE_DEAL_APPROVAL);
    var passing = deal("discount_pct", 16, "region", "east", "budget", 1);
    assertTrue(compiled.test(passing));
    assertTrue(compiled.explain(passing).result());
    assertEquals(4, compiled.explain(deal()).conditions().size());
    assertFalse(compiled.explain(deal()).result());
  }

  @Test
  void aSingleConditionHasTheEmptyPath() {
    CriteriaTrace trace = SampleDeals.compile(field("budget").isBlank()).explain(deal());
    assertEquals(List.of(new ConditionOutcome("", "budget is blank", true, null)), trace.conditions());
  }

  @Test
  void compiledCriteriaKeepTheirSource() {
    CompiledCriteria compiled = SampleDeals.compile(LARGE_DEAL_APPROVAL);
    assertSame(LARGE_DEAL_APPROVAL, compiled.source());
    assertEquals(CriteriaText.render(LARGE_DEAL_APPROVAL), compiled.toString());
  }
}
