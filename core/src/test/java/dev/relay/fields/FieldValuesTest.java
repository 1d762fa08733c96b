package dev.relay.fields;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.relay.common.Problem;
import dev.relay.common.ValidationException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldValuesTest {
  private final FieldSchema schema = FieldSchema.of(EntityKind.DEAL,
      List.of(new FieldDefinition("amount", FieldType.DECIMAL, List.of(), "Amount", true)),
      List.of(FieldDefinition.custom("budget", FieldType.DECIMAL),
          FieldDefinition.custom("employees", FieldType.INTEGER),
          FieldDefinition.custom("decision_maker", FieldType.STRING),
          FieldDefinition.custom("framework_agreement", FieldType.BOOLEAN),
          FieldDefinition.custom("expected_close", FieldType.DATE),
          FieldDefinition.customEnum("industry", FieldType.ENUM, List.of("machinery", "chemicals", "electronics")),
          FieldDefinition.customEnum("product_lines", FieldType.ENUM_LIST, List.of("pumps", "valves", "motors"))));

  @Test
  void everyCustomFieldTypeIsConvertedToItsCanonicalJavaType() {
    FieldValues v = FieldValues.empty(schema).with(Map.of(
        "budget", 1_200_000,
        "employees", new BigDecimal("350.00"),
        "decision_maker", "王总 (Mr. Wang)",
        "framework_agreement", true,
        "expected_close", "2026-12-31",
        "industry", "machinery",
        "product_lines", List.of("valves", "pumps", "valves")), false);
    assertEquals(new BigDecimal("1200000"), v.get("budget"));
    assertEquals(350L, v.get("employees"));
    assertEquals("王总 (Mr. Wang)", v.get("decision_maker"));
    assertEquals(Boolean.TRUE, v.get("framework_agreement"));
    assertEquals(LocalDate.of(2026, 12, 31), v.get("expected_close"));
    assertEquals("machinery", v.get("industry"));
    assertEquals(List.of("valves", "pumps"), v.get("product_lines"));
  }

  @Test
  void badWritesAreAllReportedWithTheirPathsAndChangeNothing() {
    FieldValues before = FieldValues.empty(schema).with("budget", 10);
    Map<String, Object> updates = new LinkedHashMap<>();
    updates.put("budget", "lots");
    updates.put("employees", 3.5);
    updates.put("industry", "textiles");
    updates.put("budgt", 1);
    updates.put("amount", 5);
    ValidationException e = assertThrows(ValidationException.class, () -> before.with(updates, false));
    assertEquals(List.of(
        new Problem("fields.budget", "expected a decimal, got string 'lots'"),
        new Problem("fields.employees", "expected an integer, got number 3.5"),
        new Problem("fields.industry", "'textiles' is not one of [machinery, chemicals, electronics]"),
        new Problem("fields.budgt", "unknown field 'budgt' (did you mean 'budget'?)"),
        new Problem("fields.amount", "'amount' is maintained by Relay and cannot be written directly")),
        e.problems());
    assertEquals(new BigDecimal("10"), before.get("budget"));
  }

  @Test
  void rebindingToANewSchemaKeepsFittingValuesAndDropsTheRest() {
    FieldValues v = FieldValues.empty(schema).with(Map.of("budget", 5, "industry", "chemicals"), false);
    FieldSchema next = FieldSchema.of(EntityKind.DEAL, List.of(),
        List.of(FieldDefinition.custom("budget", FieldType.INTEGER),
            FieldDefinition.customEnum("industry", FieldType.ENUM, List.of("machinery"))));
    FieldValues rebound = v.rebind(next);
    assertEquals(5L, rebound.get("budget"));
    assertNull(rebound.get("industry"));
    assertSame(next, rebound.schema());
    assertSame(v, v.rebind(schema));
  }
}
