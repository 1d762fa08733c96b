package dev.relay.criteria;

import dev.relay.fields.EntityKind;
import dev.relay.fields.FieldDefinition;
import dev.relay.fields.FieldSchema;
import dev.relay.fields.FieldType;
import dev.relay.fields.FieldValues;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A deal schema with one field of every type, and a terse way to write deals for the criteria tests. */
final class SampleDeals {
  static final FieldSchema SCHEMA = FieldSchema.of(EntityKind.DEAL,
      List.of(
          new FieldDefinition("name", FieldType.STRING, List.of(), "Deal name", true),
          new FieldDefinition("amount", FieldType.DECIMAL, List.of(), "Amount", true),
          new FieldDefinition("probability", FieldType.INTEGER, List.of(), "Win probability %", true)),
      List.of(
          FieldDefinition.customEnum("region", FieldType.ENUM, List.of("east", "north", "south", "west")),
          FieldDefinition.customEnum("tier", FieldType.ENUM, List.of("A", "B", "C")),
          FieldDefinition.custom("strategic", FieldType.BOOLEAN),
          FieldDefinition.custom("close_date", FieldType.DATE),
          FieldDefinition.customEnum("products", FieldType.ENUM_LIST, List.of("crm", "analytics", "platform")),
          FieldDefinition.custom("budget", FieldType.DECIMAL),
          FieldDefinition.custom("discount_pct", FieldType.DECIMAL)));

  private SampleDeals() {}

  /** A deal of {@link #SCHEMA} with the given {@code name, value} pairs set and every other field unset. */
  static FieldValues deal(Object... namesAndValues) {
    return deal(SCHEMA, namesAndValues);
  }

  static FieldValues deal(FieldSchema schema, Object... namesAndValues) {
    Map<String, Object> values = new HashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      values.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return FieldValues.empty(schema).with(values, true);
  }

  static CompiledCriteria compile(Criteria criteria) {
    return CriteriaCompiler.compile(criteria, SCHEMA, "");
  }
}
