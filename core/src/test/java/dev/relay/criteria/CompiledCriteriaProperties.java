package dev.relay.criteria;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.relay.common.Problem;
import dev.relay.criteria.CriteriaTrace.ConditionOutcome;
import dev.relay.fields.EntityKind;
import dev.relay.fields.FieldDefinition;
import dev.relay.fields.FieldSchema;
import dev.relay.fields.FieldType;
import dev.relay.fields.FieldValues;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
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
import org.jspecify.annotations.Nullable;

/**
 * The compiled predicate is the documented semantics: on random schemas, criteria and records (missing values,
 * mixed number scales, records of an equal but distinct schema read by name), {@code test} agrees with the naive
 * {@link ReferenceInterpreter}, {@code explain} agrees with {@code test} condition by condition, and the JSON form
 * round-trips. Statistics prove every operator on every type it applies to is exercised.
 */
class CompiledCriteriaProperties {
  private static final List<String> OPTION_POOL = List.of("x", "y", "z", "xz");
  private static final List<String> STRINGS = List.of("", " ", "a", "ab", "b", "ba", "abc", "A");
  private static final List<String> FRAGMENTS = List.of("", "a", "b", "ab", "c", "A", "x", "xz");
  private static final List<BigDecimal> DECIMALS = List.of("-1.5", "0", "0.0", "1", "1.00", "2.5", "2.50", "3")
      .stream().map(BigDecimal::new).toList();
  private static final LocalDate DAY_ZERO = LocalDate.of(2026, 3, 30);

  /**
   * A schema, criteria that pass its checks, and records to evaluate them on.
   *
   * @param schema the schema the criteria compile against
   * @param criteria well-typed criteria over {@code schema}
   * @param records deals of {@code schema} or of an equal schema instance, so both read paths are exercised
   */
  record Scenario(FieldSchema schema, Criteria criteria, List<FieldValues> records) {
    @Override
    public String toString() {
      return schema + "\n  " + CriteriaJson.writeString(criteria) + "\n  " + records;
    }
  }

  @Property(afterFailure = AfterFailureMode.PREVIOUS_SEED, edgeCases = EdgeCasesMode.NONE)
  void compiledTestAgreesWithTheReferenceInterpreter(@ForAll("scenarios") Scenario scenario) {
    CompiledCriteria compiled = CriteriaCompiler.compile(scenario.criteria(), scenario.schema(), "");
    for (FieldValues record : scenario.records()) {
      boolean expected = ReferenceInterpreter.test(scenario.criteria(), scenario.schema(), record);
      assertEquals(expected, compiled.test(record), () -> "on " + record);
      Statistics.label("outcome").collect(expected);
      Statistics.label("read by").collect(record.schema() == scenario.schema() ? "slot" : "name");
    }
    collectConditionStatistics(scenario);
    Statistics.label("operator").coverage(coverage -> {
      for (Operator op : Operator.values()) {
        coverage.check(op.jsonName()).count(n -> n > 0);
      }
    });
    Statistics.label("type and operator").coverage(coverage -> {
      for (FieldType type : FieldType.values()) {
        for (Operator op : applicableOperators(type)) {
          coverage.check(type.jsonName() + " " + op.jsonName()).count(n -> n > 0);
        }
      }
    });
    Statistics.label("outcome").coverage(coverage -> {
      coverage.check(true).percentage(p -> p > 10);
      coverage.check(false).percentage(p -> p > 10);
    });
    Statistics.label("value").coverage(coverage -> coverage.check("missing").percentage(p -> p > 5));
    Statistics.label("read by").coverage(coverage -> coverage.check("name").percentage(p -> p > 5));
  }

  @Property(afterFailure = AfterFailureMode.PREVIOUS_SEED, edgeCases = EdgeCasesMode.NONE)
  void explainAgreesWithTestConditionByCondition(@ForAll("scenarios") Scenario scenario) {
    CompiledCriteria compiled = CriteriaCompiler.compile(scenario.criteria(), scenario.schema(), "");
    List<Map.Entry<String, Criteria.Condition>> conditions = new ArrayList<>();
    conditions(scenario.criteria(), "", conditions);
    for (FieldValues record : scenario.records()) {
      CriteriaTrace trace = compiled.explain(record);
      assertEquals(compiled.test(record), trace.result());
      assertEquals(conditions.size(), trace.conditions().size());
      for (int i = 0; i < conditions.size(); i++) {
        ConditionOutcome outcome = trace.conditions().get(i);
        Criteria.Condition condition = conditions.get(i).getValue();
        assertEquals(conditions.get(i).getKey(), outcome.path());
        assertEquals(CriteriaText.render(condition), outcome.text());
        assertEquals(ReferenceInterpreter.test(condition, scenario.schema(), record), outcome.result(), outcome::path);
        assertEquals(record.get(condition.field()), outcome.actual());
      }
    }
  }

  @Property(afterFailure = AfterFailureMode.PREVIOUS_SEED, edgeCases = EdgeCasesMode.NONE)
  void jsonRoundTripsAndGeneratedCriteriaAreWellTyped(@ForAll("scenarios") Scenario scenario) {
    Criteria criteria = scenario.criteria();
    assertEquals(List.of(), CriteriaCompiler.check(criteria, scenario.schema(), "x"));
    List<Problem> problems = new ArrayList<>();
    assertEquals(criteria, CriteriaJson.read(CriteriaJson.write(criteria), "", problems));
    assertEquals(List.of(), problems);
    assertEquals(criteria, CriteriaJson.parse(CriteriaJson.writeString(criteria)));
  }

  // ---- arbitraries

  @Provide
  Arbitrary<Scenario> scenarios() {
    return schemas().flatMap(schema -> {
      FieldSchema twin = FieldSchema.of(schema.kind(), schema.fields(), List.of());
      Arbitrary<Criteria> inner = criteria(schema, 2);
      Arbitrary<Criteria> root = Arbitraries.oneOf(
          inner.list().ofMinSize(1).ofMaxSize(5).map(Criteria.All::new),
          inner.list().ofMinSize(1).ofMaxSize(5).map(Criteria.Any::new),
          inner);
      return Combinators.combine(root, records(schema, twin).list().ofMinSize(1).ofMaxSize(6))
          .as((criteria, records) -> new Scenario(schema, criteria, records));
    });
  }

  static Arbitrary<FieldSchema> schemas() {
    Arbitrary<FieldDefinition> definition = Combinators.combine(
            Arbitraries.of(FieldType.class),
            Arbitraries.subsetOf(OPTION_POOL).ofMinSize(1).map(s -> OPTION_POOL.stream().filter(s::contains).toList()))
        .as((type, options) -> type.hasOptions()
            ? FieldDefinition.customEnum(type.jsonName(), type, options)
            : FieldDefinition.custom(type.jsonName(), type));
    return definition.list().ofMinSize(1).ofMaxSize(5).uniqueElements(FieldDefinition::name)
        .map(fields -> FieldSchema.of(EntityKind.DEAL, List.of(), fields));
  }

  static Arbitrary<FieldValues> records(FieldSchema schema, FieldSchema twin) {
    List<Arbitrary<@Nullable Object>> values = schema.fields().stream()
        .map(def -> recordValue(def).injectNull(0.3)).toList();
    return Combinators.combine(Combinators.combine(values).as(ArrayList::new), Arbitraries.of(schema, schema, twin))
        .as((row, target) -> {
          Map<String, Object> set = new HashMap<>();
          for (int i = 0; i < row.size(); i++) {
            if (row.get(i) != null) {
              set.put(schema.fieldAt(i).name(), row.get(i));
            }
          }
          return FieldValues.empty(target).with(set, true);
        });
  }

  static Arbitrary<Criteria> criteria(FieldSchema schema, int depth) {
    Arbitrary<Criteria> condition = Arbitraries.of(schema.fields()).flatMap(CompiledCriteriaProperties::condition);
    if (depth == 0) {
      return condition;
    }
    Arbitrary<Criteria> inner = criteria(schema, depth - 1);
    return Arbitraries.frequencyOf(
        Tuple.of(4, condition),
        Tuple.of(1, inner.list().ofMaxSize(4).map(Criteria.All::new)),
        Tuple.of(1, inner.list().ofMaxSize(4).map(Criteria.Any::new)),
        Tuple.of(1, inner.map(Criteria.Not::new)));
  }

  static Arbitrary<Criteria> condition(FieldDefinition def) {
    return Arbitraries.of(applicableOperators(def.type())).flatMap(op -> {
      if (op.isUnary()) {
        return Arbitraries.just(new Criteria.Condition(def.name(), op, null));
      }
      return operand(def, op).map(value -> new Criteria.Condition(def.name(), op, value));
    });
  }

  private static List<Operator> applicableOperators(FieldType type) {
    List<Operator> ops = new ArrayList<>(List.of(Operator.EQ, Operator.NE, Operator.IN, Operator.NOT_IN,
        Operator.IS_SET, Operator.IS_BLANK));
    if (type.isOrdered()) {
      ops.addAll(List.of(Operator.GT, Operator.GTE, Operator.LT, Operator.LTE, Operator.BETWEEN));
    }
    if (type == FieldType.STRING || type == FieldType.ENUM_LIST) {
      ops.add(Operator.CONTAINS);
    }
    if (type == FieldType.STRING || type == FieldType.ENUM) {
      ops.add(Operator.STARTS_WITH);
    }
    return ops;
  }

  private static Arbitrary<Object> operand(FieldDefinition def, Operator op) {
    Arbitrary<Object> constant = constant(def);
    return switch (op) {
      case IN, NOT_IN -> constant.list().ofMinSize(1).ofMaxSize(3).map(l -> l);
      case BETWEEN -> constant.list().ofSize(2).map(l -> l.stream().sorted(ORDER).toList());
      case CONTAINS -> def.type() == FieldType.STRING ? Arbitraries.of(FRAGMENTS).map(s -> s) : constant;
      case STARTS_WITH -> Arbitraries.of(FRAGMENTS).map(s -> s);
      case EQ, NE -> def.type() == FieldType.ENUM_LIST ? enumList(def).map(l -> l) : constant;
      default -> constant;
    };
  }

  /** Orders constants of one ordered type: numbers by value, ISO dates as text (which is chronological). */
  private static final Comparator<Object> ORDER = (a, b) -> a instanceof String sa
      ? sa.compareTo((String) b)
      : new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString()));

  /** A constant as an author would write it: numbers of either JSON kind and any scale, dates as ISO strings. */
  private static Arbitrary<Object> constant(FieldDefinition def) {
    return switch (def.type()) {
      case STRING -> Arbitraries.of(STRINGS).map(s -> s);
      case ENUM, ENUM_LIST -> Arbitraries.of(def.options()).map(s -> s);
      case BOOLEAN -> Arbitraries.of(true, false).map(b -> b);
      case INTEGER -> Arbitraries.longs().between(-3, 3)
          .flatMap(l -> Arbitraries.of((Object) l, BigDecimal.valueOf(l).setScale(1)));
      case DECIMAL -> Arbitraries.oneOf(Arbitraries.of(DECIMALS), Arbitraries.longs().between(-2, 3)).map(n -> n);
      case DATE -> Arbitraries.integers().between(0, 4).map(d -> DAY_ZERO.plusDays(d).toString());
    };
  }

  /** A record's value in the field's canonical type. */
  private static Arbitrary<Object> recordValue(FieldDefinition def) {
    return switch (def.type()) {
      case STRING -> Arbitraries.of(STRINGS).map(s -> s);
      case ENUM -> Arbitraries.of(def.options()).map(s -> s);
      case ENUM_LIST -> enumList(def).map(l -> l);
      case BOOLEAN -> Arbitraries.of(true, false).map(b -> b);
      case INTEGER -> Arbitraries.longs().between(-3, 3).map(l -> l);
      case DECIMAL -> Arbitraries.of(DECIMALS).map(d -> d);
      case DATE -> Arbitraries.integers().between(0, 4).map(d -> DAY_ZERO.plusDays(d));
    };
  }

  private static Arbitrary<List<String>> enumList(FieldDefinition def) {
    return Arbitraries.subsetOf(def.options()).flatMap(s -> Arbitraries.shuffle(new ArrayList<>(s)));
  }

  // ---- statistics and tree walking

  private static void collectConditionStatistics(Scenario scenario) {
    List<Map.Entry<String, Criteria.Condition>> conditions = new ArrayList<>();
    conditions(scenario.criteria(), "", conditions);
    for (Map.Entry<String, Criteria.Condition> entry : conditions) {
      Criteria.Condition c = entry.getValue();
      FieldType type = scenario.schema().field(c.field()).orElseThrow().type();
      Statistics.label("operator").collect(c.op().jsonName());
      Statistics.label("type and operator").collect(type.jsonName() + " " + c.op().jsonName());
      for (FieldValues record : scenario.records()) {
        Statistics.label("value").collect(record.get(c.field()) == null ? "missing" : "set");
      }
    }
  }

  /** Every condition with its path, in tree order: what a trace lists. */
  private static void conditions(Criteria c, String path, List<Map.Entry<String, Criteria.Condition>> out) {
    if (c instanceof Criteria.Condition condition) {
      out.add(Map.entry(path, condition));
    } else if (c instanceof Criteria.Not not) {
      conditions(not.item(), path.isEmpty() ? "not" : path + ".not", out);
    } else {
      String kind = c instanceof Criteria.All ? "all" : "any";
      List<Criteria> items = c instanceof Criteria.All all ? all.items() : ((Criteria.Any) c).items();
      IntStream.range(0, items.size()).forEach(i ->
          conditions(items.get(i), (path.isEmpty() ? "" : path + ".") + kind + "[" + i + "]", out));
    }
  }
}
