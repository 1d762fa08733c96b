package dev.relay.criteria;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.relay.fields.FieldDefinition;
import dev.relay.fields.FieldSchema;
import dev.relay.fields.FieldType;
import dev.relay.fields.FieldValues;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.AfterFailureMode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * The indexed first-match lookup is exactly "test every entry in order": on random schemas, rule lists of up to 150
 * entries (so masks span several words) that mostly pin string and enum fields with {@code eq}/{@code in} as
 * assignment rules do, mixed with arbitrary criteria, and records with missing values or of another schema instance.
 */
class CriteriaTableProperties {

  record Scenario(FieldSchema schema, List<Criteria> entries, List<FieldValues> records) {
    @Override
    public String toString() {
      return schema + "\n  " + entries.stream().map(CriteriaJson::writeString).toList() + "\n  " + records;
    }
  }

  @Property(afterFailure = AfterFailureMode.PREVIOUS_SEED, edgeCases = EdgeCasesMode.NONE, tries = 300)
  void firstMatchIsTheFirstEntryInOrderThatHolds(@ForAll("scenarios") Scenario scenario) {
    List<CompiledCriteria> compiled = new ArrayList<>();
    for (Criteria c : scenario.entries()) {
      compiled.add(CriteriaCompiler.compile(c, scenario.schema(), ""));
    }
    CriteriaTable table = CriteriaTable.of(compiled);
    for (FieldValues record : scenario.records()) {
      int expected = -1;
      for (int i = 0; i < compiled.size() && expected < 0; i++) {
        if (compiled.get(i).test(record)) {
          expected = i;
        }
      }
      assertEquals(expected, table.firstMatch(record), () -> "on " + record);
      Statistics.label("answer").collect(expected < 0 ? "none" : expected == 0 ? "first" : "later");
      Statistics.label("read by").collect(record.schema() == scenario.schema() ? "slot" : "name");
    }
    Statistics.label("indexed fields").collect(table.indexedFields());
    Statistics.label("words").collect(compiled.size() > 64 ? "several" : "one");
    Statistics.label("answer").coverage(c -> {
      c.check("none").count(n -> n > 0);
      c.check("later").count(n -> n > 0);
    });
    Statistics.label("indexed fields").coverage(c -> c.check(0).percentage(p -> p < 60));
    Statistics.label("words").coverage(c -> c.check("several").count(n -> n > 0));
  }

  @Provide
  Arbitrary<Scenario> scenarios() {
    return CompiledCriteriaProperties.schemas().flatMap(schema -> {
      FieldSchema twin = FieldSchema.of(schema.kind(), schema.fields(), List.of());
      Arbitrary<Criteria> entry = Arbitraries.frequencyOf(
          Tuple.of(4, ruleLike(schema)),
          Tuple.of(1, CompiledCriteriaProperties.criteria(schema, 1)));
      Arbitrary<List<Criteria>> entries = Arbitraries.frequencyOf(
          Tuple.of(4, entry.list().ofMinSize(0).ofMaxSize(20)),
          Tuple.of(1, entry.list().ofMinSize(60).ofMaxSize(150)));
      return Combinators.combine(entries, CompiledCriteriaProperties.records(schema, twin).list().ofMinSize(1)
              .ofMaxSize(8))
          .as((list, records) -> new Scenario(schema, list, records));
    });
  }

  /** A conjunction that pins some string or enum fields with eq or in, plus maybe one arbitrary condition. */
  private static Arbitrary<Criteria> ruleLike(FieldSchema schema) {
    List<FieldDefinition> pinnable = schema.fields().stream()
        .filter(f -> f.type() == FieldType.STRING || f.type() == FieldType.ENUM).toList();
    Arbitrary<Criteria> any = Arbitraries.of(schema.fields()).flatMap(CompiledCriteriaProperties::condition);
    if (pinnable.isEmpty()) {
      return any.list().ofMaxSize(2).map(Criteria.All::new);
    }
    Arbitrary<Criteria> pin = Arbitraries.of(pinnable).flatMap(f -> {
      Arbitrary<String> value = f.type() == FieldType.ENUM ? Arbitraries.of(f.options())
          : Arbitraries.of("", "a", "ab", "b", "A");
      return Arbitraries.oneOf(
          value.map(v -> (Criteria) new Criteria.Condition(f.name(), Operator.EQ, v)),
          value.list().ofMinSize(1).ofMaxSize(3).map(v -> (Criteria) new Criteria.Condition(f.name(), Operator.IN,
              v)));
    });
    return Combinators.combine(pin.list().ofMinSize(1).ofMaxSize(3), any.list().ofMaxSize(1))
        .as((pins, extra) -> {
          List<Criteria> items = new ArrayList<>(pins);
          items.addAll(extra);
          return (Criteria) new Criteria.All(items);
        });
  }
}
