package dev.relay.criteria;

import static dev.relay.criteria.Criteria.all;
import static dev.relay.criteria.Criteria.any;
import static dev.relay.criteria.Criteria.field;
import static dev.relay.criteria.Criteria.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relay.common.ErrorCode;
import dev.relay.common.Problem;
import dev.relay.common.ValidationException;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Load errors: each problem a configuration author can make, reported with its path, all of them at once. */
class CriteriaCheckTest {
  private static final String GATE = "pipeline.stages[2].gate";

  private static List<String> problems(Criteria criteria) {
    return CriteriaCompiler.check(criteria, SampleDeals.SCHEMA, GATE).stream().map(Problem::toString).toList();
  }

  private static void rejects(Criteria criteria, String... expected) {
    assertEquals(List.of(expected), problems(criteria));
  }

  private static Criteria.Condition condition(String field, Operator op, Object value) {
    return new Criteria.Condition(field, op, value);
  }

  @Test
  void wellTypedCriteriaHaveNoProblems() {
    Criteria good = all(field("amount").gt(100_000), field("probability").between(10, new BigDecimal("90.0")),
        field("region").in("east", "north"), field("tier").startsWith("A"), field("name").contains("Acme"),
        field("strategic").eq(true), field("close_date").gte("2026-01-01"), field("products").contains("crm"),
        field("products").eq(List.of()), field("budget").isSet(), not(field("discount_pct").isBlank()), any());
    assertEquals(List.of(), CriteriaCompiler.check(good, SampleDeals.SCHEMA, GATE));
  }

  @Test
  void unknownFieldSuggestsTheClosestName() {
    rejects(field("budgt").isSet(), GATE + ".field: unknown field 'budgt' (did you mean 'budget'?)");
    rejects(field("zzz").isSet(), GATE + ".field: unknown field 'zzz'");
  }

  @Test
  void pathsFollowTheNesting() {
    Criteria criteria = all(field("amount").gt(1), any(field("region").eq("east"), not(field("budgt").isSet())));
    rejects(criteria, GATE + ".all[1].any[1].not.field: unknown field 'budgt' (did you mean 'budget'?)");
  }

  @Test
  void anEmptyBasePathStartsWithoutADot() {
    assertEquals(List.of(new Problem("all[0].field", "unknown field 'budgt' (did you mean 'budget'?)")),
        CriteriaCompiler.check(all(field("budgt").isSet()), SampleDeals.SCHEMA, ""));
    assertEquals(List.of(new Problem("field", "unknown field 'zzz'")),
        CriteriaCompiler.check(field("zzz").isSet(), SampleDeals.SCHEMA, ""));
  }

  @Test
  void operatorsThatDoNotApplyToTheFieldType() {
    rejects(field("region").gt(1), GATE + ".op: operator 'gt' does not apply to enum field 'region'");
    rejects(field("name").between("a", "b"), GATE + ".op: operator 'between' does not apply to string field 'name'");
    rejects(field("amount").contains(1), GATE + ".op: operator 'contains' does not apply to decimal field 'amount'");
    rejects(field("region").contains("e"), GATE + ".op: operator 'contains' does not apply to enum field 'region'");
    rejects(field("probability").startsWith("5"),
        GATE + ".op: operator 'starts_with' does not apply to integer field 'probability'");
    rejects(field("products").startsWith("c"),
        GATE + ".op: operator 'starts_with' does not apply to enum_list field 'products'");
    rejects(field("strategic").lte(true), GATE + ".op: operator 'lte' does not apply to boolean field 'strategic'");
    rejects(field("products").gte("crm"), GATE + ".op: operator 'gte' does not apply to enum_list field 'products'");
  }

  @Test
  void numbersNeverCompareWithStrings() {
    rejects(field("amount").gt("abc"), GATE + ".value: field 'amount' is decimal, got string 'abc'");
    rejects(field("amount").eq("100"), GATE + ".value: field 'amount' is decimal, got string '100'");
    rejects(field("probability").lt("5"), GATE + ".value: field 'probability' is integer, got string '5'");
    rejects(field("name").eq(5), GATE + ".value: field 'name' is string, got number 5");
    rejects(field("name").contains(5), GATE + ".value: field 'name' is string, got number 5");
  }

  @Test
  void integerFieldsOnlyCompareWithIntegralNumbers() {
    rejects(field("probability").gt(new BigDecimal("49.5")),
        GATE + ".value: field 'probability' is integer, got number 49.5");
    rejects(field("probability").in(1, 2.5), GATE + ".value: field 'probability' is integer, got number 2.5");
    assertEquals(List.of(), problems(field("probability").gt(new BigDecimal("49.000"))));
  }

  @Test
  void otherTypeMismatches() {
    rejects(field("strategic").eq("yes"), GATE + ".value: field 'strategic' is boolean, got string 'yes'");
    rejects(field("close_date").gt("tomorrow"),
        GATE + ".value: field 'close_date' is date, got string 'tomorrow' (expected a date like 2026-03-31)");
    rejects(field("close_date").gt(20260331), GATE + ".value: field 'close_date' is date, got number 20260331");
    rejects(field("region").eq(1), GATE + ".value: field 'region' is enum, got number 1");
  }

  @Test
  void enumValuesMustBeOptions() {
    rejects(field("region").eq("mars"),
        GATE + ".value: 'mars' is not an option of enum field 'region' [east, north, south, west]");
    rejects(field("region").notIn("east", "mars"),
        GATE + ".value: 'mars' is not an option of enum field 'region' [east, north, south, west]");
    rejects(field("products").contains("erp"),
        GATE + ".value: 'erp' is not an option of enum_list field 'products' [crm, analytics, platform]");
    rejects(field("products").in("crm", "erp"),
        GATE + ".value: 'erp' is not an option of enum_list field 'products' [crm, analytics, platform]");
    assertEquals(List.of(), problems(field("region").startsWith("ma")), "a prefix need not be an option");
  }

  @Test
  void enumListEqualityTakesAListOfOptions() {
    rejects(field("products").eq("crm"), GATE + ".value: field 'products' is enum_list, eq needs a list of options "
        + "(or use contains), got string 'crm'");
    rejects(field("products").ne(List.of("erp")),
        GATE + ".value: 'erp' is not an option of enum_list field 'products' [crm, analytics, platform]");
  }

  @Test
  void betweenTakesExactlyTwoOrderedValues() {
    rejects(condition("amount", Operator.BETWEEN, List.of(1, 2, 3)),
        GATE + ".value: between needs exactly 2 values [low, high], got 3");
    rejects(condition("amount", Operator.BETWEEN, List.of(1)),
        GATE + ".value: between needs exactly 2 values [low, high], got 1");
    rejects(condition("amount", Operator.BETWEEN, 5),
        GATE + ".value: between needs a list of 2 values [low, high], got number 5");
    rejects(field("amount").between(10, new BigDecimal("9.99")),
        GATE + ".value: between needs low <= high, got [10, 9.99]");
    rejects(field("close_date").between("2026-12-31", "2026-01-01"),
        GATE + ".value: between needs low <= high, got [2026-12-31, 2026-01-01]");
    rejects(field("probability").between(90, 10), GATE + ".value: between needs low <= high, got [90, 10]");
  }

  @Test
  void inAndNotInTakeANonEmptyList() {
    rejects(condition("region", Operator.IN, List.of()),
        GATE + ".value: in needs a non-empty list of values, got list []");
    rejects(condition("region", Operator.NOT_IN, "east"),
        GATE + ".value: not_in needs a non-empty list of values, got string 'east'");
  }

  @Test
  void unaryOperatorsTakeNoValueAndTheOthersNeedOne() {
    rejects(condition("budget", Operator.IS_SET, true), GATE + ".value: is_set takes no value, got boolean true");
    rejects(condition("budget", Operator.IS_BLANK, ""), GATE + ".value: is_blank takes no value, got string ''");
    rejects(new Criteria.Condition("budget", Operator.GT, null), GATE + ".value: gt needs a value");
    rejects(condition("budget", Operator.GT, List.of(1, 2)), GATE + ".value: gt needs a single value, got list [1, 2]");
  }

  @Test
  void everyProblemIsReportedNotJustTheFirst() {
    Criteria criteria = all(
        field("budgt").gt(1),
        field("region").gt(1),
        field("amount").gt("abc"),
        any(field("region").eq("mars"), not(condition("tier", Operator.IN, List.of()))),
        new Criteria.Condition("nope", Operator.BETWEEN, List.of(1)));
    rejects(criteria,
        GATE + ".all[0].field: unknown field 'budgt' (did you mean 'budget'?)",
        GATE + ".all[1].op: operator 'gt' does not apply to enum field 'region'",
        GATE + ".all[2].value: field 'amount' is decimal, got string 'abc'",
        GATE + ".all[3].any[0].value: 'mars' is not an option of enum field 'region' [east, north, south, west]",
        GATE + ".all[3].any[1].not.value: in needs a non-empty list of values, got list []",
        GATE + ".all[4].field: unknown field 'nope'",
        GATE + ".all[4].value: between needs exactly 2 values [low, high], got 1");
  }

  @Test
  void compileThrowsEveryProblemOfCheck() {
    Criteria criteria = all(field("budgt").gt(1), field("amount").gt("abc"));
    ValidationException e = assertThrows(ValidationException.class,
        () -> CriteriaCompiler.compile(criteria, SampleDeals.SCHEMA, GATE));
    assertEquals(ErrorCode.VALIDATION_FAILED, e.code());
    assertEquals(CriteriaCompiler.check(criteria, SampleDeals.SCHEMA, GATE), e.problems());
    assertTrue(e.getMessage().contains(GATE + ".all[1].value: field 'amount' is decimal, got string 'abc'"),
        e.getMessage());
  }

  @Test
  void conditionsRejectValuesThatHaveNoJsonForm() {
    assertThrows(IllegalArgumentException.class, () -> field("amount").gt(new Object()));
    assertThrows(IllegalArgumentException.class, () -> field("amount").gt(Double.NaN));
    assertThrows(NullPointerException.class, () -> CriteriaCompiler.check(field("amount").gt(1), null, ""));
  }
}
