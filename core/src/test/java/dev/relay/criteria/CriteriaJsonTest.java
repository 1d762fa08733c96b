package dev.relay.criteria;

import static dev.relay.criteria.Criteria.all;
import static dev.relay.criteria.Criteria.any;
import static dev.relay.criteria.Criteria.field;
import static dev.relay.criteria.Criteria.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.relay.common.Problem;
import dev.relay.common.ValidationException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JSON form: reading, writing, round trips and every structural problem with its path. */
class CriteriaJsonTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String RULE = "assignment.rules[3].criteria";

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text.replace('\'', '"'));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static List<String> problems(String text) {
    List<Problem> problems = new ArrayList<>();
    Criteria c = CriteriaJson.read(json(text), RULE, problems);
    assertNull(c, "a node with problems reads as null");
    return problems.stream().map(Problem::toString).toList();
  }

  @Test
  void readsTheDocumentedForm() {
    Criteria read = CriteriaJson.parse("""
        {"all": [
          {"field": "amount", "op": "gt", "value": 100000},
          {"any": [
            {"field": "region", "op": "in", "value": ["east", "north"]},
            {"not": {"field": "tier", "op": "eq", "value": "C"}}
          ]},
          {"field": "budget", "op": "is_set"},
          {"field": "discount_pct", "op": "between", "value": [0, 12.50]},
          {"field": "strategic", "op": "eq", "value": true}
        ]}""");
    Criteria expected = all(
        field("amount").gt(100_000L),
        any(field("region").in("east", "north"), not(field("tier").eq("C"))),
        field("budget").isSet(),
        field("discount_pct").between(0L, new BigDecimal("12.50")),
        field("strategic").eq(true));
    assertEquals(expected, read);
  }

  @Test
  void numbersReadAsLongWhenIntegralAndBigDecimalOtherwise() {
    Criteria.Condition c = (Criteria.Condition) CriteriaJson.parse(
        "{\"field\": \"x\", \"op\": \"in\", \"value\": [1, 1.0, 1.50, 1e3, 12345678901234567890123, -7]}");
    assertEquals(List.of(1L, new BigDecimal("1.0"), new BigDecimal("1.50"), 1000L,
        new BigDecimal("12345678901234567890123"), -7L), c.value());
  }

  @Test
  void javaBuiltCriteriaEqualTheirJsonForm() {
    Criteria built = all(field("amount").gt(100_000), field("close_date").gte(LocalDate.of(2026, 1, 1)),
        field("discount_pct").lt(12.5), field("probability").between((short) 1, new BigDecimal("90")));
    Criteria parsed = CriteriaJson.parse("""
        {"all": [{"field": "amount", "op": "gt", "value": 100000},
                 {"field": "close_date", "op": "gte", "value": "2026-01-01"},
                 {"field": "discount_pct", "op": "lt", "value": 12.5},
                 {"field": "probability", "op": "between", "value": [1, 90]}]}""");
    assertEquals(parsed, built);
  }

  @Test
  void writesTheCanonicalForm() {
    Criteria c = all(field("amount").gt(new BigDecimal("100000.50")), not(field("budget").isSet()),
        any(field("region").in("east")));
    String expected = "{'all':[{'field':'amount','op':'gt','value':100000.50},{'not':{'field':'budget','op':'is_set'}},"
        + "{'any':[{'field':'region','op':'in','value':['east']}]}]}";
    assertEquals(expected.replace('\'', '"'), CriteriaJson.writeString(c));
    assertEquals(CriteriaJson.writeString(c), CriteriaJson.write(c).toString());
  }

  @Test
  void roundTripsThroughNodesAndText() {
    List<Criteria> samples = List.of(
        Criteria.always(),
        any(),
        field("amount").gt(new BigDecimal("1.50")),
        field("amount").eq(new BigDecimal("1E+3")),
        field("amount").between(new BigDecimal("0.001"), new BigDecimal("12345678901234567890.5")),
        not(not(field("products").eq(List.of("crm", "analytics")))),
        all(field("name").startsWith("Ac"), any(field("strategic").ne(false), field("probability").notIn(-1, 0))),
        field("name").eq(""),
        field("name").contains("引号 \" and \\ backslash"));
    for (Criteria c : samples) {
      List<Problem> problems = new ArrayList<>();
      assertEquals(c, CriteriaJson.read(CriteriaJson.write(c), "", problems));
      assertEquals(List.of(), problems);
      assertEquals(c, CriteriaJson.parse(CriteriaJson.writeString(c)), () -> CriteriaJson.writeString(c));
    }
  }

  @Test
  void unknownOperatorIsReportedAtItsPath() {
    assertEquals(List.of(RULE + ".all[1].op: unknown operator 'like'"), problems(
        "{'all': [{'field': 'amount', 'op': 'gt', 'value': 1}, {'field': 'name', 'op': 'like', 'value': 'A%'}]}"));
  }

  @Test
  void anObjectIsEitherAGroupOrACondition() {
    assertEquals(List.of(RULE + ": criteria are either \"all\", \"any\", \"not\" or a condition, got \"all\" and "
        + "\"field/op/value\""), problems("{'all': [], 'field': 'amount', 'op': 'is_set'}"));
    assertEquals(List.of(RULE + ": criteria are either \"all\", \"any\", \"not\" or a condition, got \"any\" and "
        + "\"not\""), problems("{'any': [], 'not': {'all': []}}"));
  }

  @Test
  void unknownKeys() {
    assertEquals(List.of(RULE + ".not: unknown key 'valeu' (expected all, any, not, or field, op, value)"),
        problems("{'not': {'field': 'amount', 'op': 'gt', 'valeu': 1}}"));
  }

  @Test
  void nodesThatAreNotObjects() {
    assertEquals(List.of(RULE + ": expected criteria: an object with \"all\", \"any\", \"not\" or \"field\", got an "
        + "array"), problems("[]"));
    assertEquals(List.of(RULE + ".any[0]: expected criteria: an object with \"all\", \"any\", \"not\" or \"field\", "
        + "got string 'amount > 5'"), problems("{'any': ['amount > 5']}"));
    assertEquals(List.of(RULE + ".all: \"all\" needs an array of criteria, got an object"),
        problems("{'all': {'field': 'amount', 'op': 'is_set'}}"));
    assertEquals(List.of(RULE + ".not: expected criteria: an object with \"all\", \"any\", \"not\" or \"field\", got "
        + "null"), problems("{'not': null}"));
  }

  @Test
  void missingOrMistypedFieldAndOp() {
    assertEquals(List.of(RULE + ".field: missing \"field\"", RULE + ".op: missing \"op\""), problems("{}"));
    assertEquals(List.of(RULE + ".field: \"field\" must be a string, got number 5",
        RULE + ".op: \"op\" must be a string, got an array"), problems("{'field': 5, 'op': ['gt']}"));
  }

  @Test
  void valuesMustBeScalarsOrFlatLists() {
    assertEquals(List.of(RULE + ".value: expected a number, string, boolean or list, got an object"),
        problems("{'field': 'amount', 'op': 'eq', 'value': {'amount': 5}}"));
    assertEquals(List.of(RULE + ".value[1]: list items must be numbers, strings or booleans, got an array"),
        problems("{'field': 'amount', 'op': 'in', 'value': [1, [2]]}"));
    assertEquals(List.of(RULE + ".value[0]: list items must be numbers, strings or booleans, got null"),
        problems("{'field': 'amount', 'op': 'in', 'value': [null]}"));
  }

  @Test
  void aNullValueIsNoValue() {
    assertEquals(field("budget").isSet(),
        CriteriaJson.parse("{\"field\": \"budget\", \"op\": \"is_set\", \"value\": null}"));
  }

  @Test
  void everyStructuralProblemIsReported() {
    assertEquals(List.of(
            RULE + ".all[0].op: unknown operator 'like'",
            RULE + ".all[1].any[0].field: missing \"field\"",
            RULE + ".all[2]: unknown key 'extra' (expected all, any, not, or field, op, value)"),
        problems("{'all': [{'field': 'a', 'op': 'like'}, {'any': [{'op': 'is_set'}]},"
            + " {'field': 'a', 'op': 'is_set', 'extra': 1}]}"));
  }

  @Test
  void parseThrowsWithPathsFromTheRoot() {
    ValidationException e = assertThrows(ValidationException.class,
        () -> CriteriaJson.parse("{\"all\": [{\"field\": \"a\", \"op\": \"is_set\"},"
            + " {\"field\": \"b\", \"op\": \"like\"}]}"));
    assertEquals(List.of(new Problem("all[1].op", "unknown operator 'like'")), e.problems());
    ValidationException malformed = assertThrows(ValidationException.class, () -> CriteriaJson.parse("{\"all\": ["));
    assertEquals("", malformed.problems().get(0).path());
    assertThrows(ValidationException.class, () -> CriteriaJson.parse(""));
  }
}
