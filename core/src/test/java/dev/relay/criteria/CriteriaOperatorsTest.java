package dev.relay.criteria;

import static dev.relay.criteria.Criteria.all;
import static dev.relay.criteria.Criteria.any;
import static dev.relay.criteria.Criteria.field;
import static dev.relay.criteria.Criteria.not;
import static dev.relay.criteria.SampleDeals.deal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relay.fields.EntityKind;
import dev.relay.fields.FieldDefinition;
import dev.relay.fields.FieldSchema;
import dev.relay.fields.FieldType;
import dev.relay.fields.FieldValues;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Every operator on every type it applies to, with a matching value, a non-matching one and a missing one. Each check
 * also runs the reference interpreter, so the examples pin both implementations to Operator's documented semantics.
 */
class CriteriaOperatorsTest {
  private static final FieldValues NO_VALUES = FieldValues.empty(SampleDeals.SCHEMA);

  private static void holds(Criteria criteria, FieldValues deal) {
    assertEquals(true, evaluate(criteria, deal), () -> CriteriaText.render(criteria) + " on " + deal);
  }

  private static void fails(Criteria criteria, FieldValues deal) {
    assertEquals(false, evaluate(criteria, deal), () -> CriteriaText.render(criteria) + " on " + deal);
  }

  private static boolean evaluate(Criteria criteria, FieldValues deal) {
    CompiledCriteria compiled = SampleDeals.compile(criteria);
    boolean result = compiled.test(deal);
    assertEquals(ReferenceInterpreter.test(criteria, SampleDeals.SCHEMA, deal), result, "reference interpreter");
    assertEquals(result, compiled.explain(deal).result(), "explain");
    return result;
  }

  @Nested
  class Strings {
    private final FieldValues acme = deal("name", "Acme Corp");

    @Test
    void eqIsExactAndCaseSensitive() {
      holds(field("name").eq("Acme Corp"), acme);
      fails(field("name").eq("acme corp"), acme);
      fails(field("name").eq("Acme Corp"), NO_VALUES);
    }

    @Test
    void neHoldsForOtherAndMissingValues() {
      holds(field("name").ne("Beta"), acme);
      fails(field("name").ne("Acme Corp"), acme);
      holds(field("name").ne("Acme Corp"), NO_VALUES);
    }

    @Test
    void inAndNotIn() {
      holds(field("name").in("Beta", "Acme Corp"), acme);
      fails(field("name").in("Beta", "Gamma"), acme);
      fails(field("name").in("Acme Corp"), NO_VALUES);
      holds(field("name").notIn("Beta", "Gamma"), acme);
      fails(field("name").notIn("Beta", "Acme Corp"), acme);
      holds(field("name").notIn("Acme Corp"), NO_VALUES);
    }

    @Test
    void containsIsCaseSensitive() {
      holds(field("name").contains("Corp"), acme);
      holds(field("name").contains(""), acme);
      fails(field("name").contains("corp"), acme);
      fails(field("name").contains(""), NO_VALUES);
    }

    @Test
    void startsWith() {
      holds(field("name").startsWith("Acme"), acme);
      fails(field("name").startsWith("Corp"), acme);
      fails(field("name").startsWith("Acme"), NO_VALUES);
    }

    @Test
    void anEmptyStringIsSetButBlank() {
      holds(field("name").isSet(), deal("name", ""));
      holds(field("name").isBlank(), deal("name", ""));
      holds(field("name").isBlank(), deal("name", " \t\n"));
      fails(field("name").isBlank(), acme);
      holds(field("name").isSet(), acme);
      fails(field("name").isSet(), NO_VALUES);
      holds(field("name").isBlank(), NO_VALUES);
    }
  }

  @Nested
  class Enums {
    private final FieldValues north = deal("region", "north");

    @Test
    void eqAndNe() {
      holds(field("region").eq("north"), north);
      fails(field("region").eq("east"), north);
      fails(field("region").eq("north"), NO_VALUES);
      holds(field("region").ne("east"), north);
      fails(field("region").ne("north"), north);
      holds(field("region").ne("north"), NO_VALUES);
    }

    @Test
    void inAndNotIn() {
      holds(field("region").in("east", "north"), north);
      fails(field("region").in("east", "west"), north);
      fails(field("region").in("east", "north"), NO_VALUES);
      holds(field("region").notIn("east", "west"), north);
      fails(field("region").notIn("north"), north);
      holds(field("region").notIn("north"), NO_VALUES);
    }

    @Test
    void startsWithMatchesAPrefixOfTheOption() {
      holds(field("region").startsWith("no"), north);
      fails(field("region").startsWith("so"), north);
      fails(field("region").startsWith("no"), NO_VALUES);
    }

    @Test
    void isSetAndIsBlank() {
      holds(field("region").isSet(), north);
      fails(field("region").isBlank(), north);
      fails(field("region").isSet(), NO_VALUES);
      holds(field("region").isBlank(), NO_VALUES);
    }
  }

  @Nested
  class Integers {
    private final FieldValues fifty = deal("probability", 50);

    @Test
    void eqAndNeCompareByValue() {
      holds(field("probability").eq(50), fifty);
      holds(field("probability").eq(new BigDecimal("50.0")), fifty);
      fails(field("probability").eq(51), fifty);
      fails(field("probability").eq(50), NO_VALUES);
      holds(field("probability").ne(51), fifty);
      fails(field("probability").ne(50), fifty);
      holds(field("probability").ne(50), NO_VALUES);
    }

    @Test
    void inAndNotIn() {
      holds(field("probability").in(10, 50, 90), fifty);
      fails(field("probability").in(10, 90), fifty);
      fails(field("probability").in(50), NO_VALUES);
      holds(field("probability").notIn(10, 90), fifty);
      fails(field("probability").notIn(50), fifty);
      holds(field("probability").notIn(50), NO_VALUES);
    }

    @Test
    void orderedComparisons() {
      holds(field("probability").gt(49), fifty);
      fails(field("probability").gt(50), fifty);
      holds(field("probability").gte(50), fifty);
      fails(field("probability").gte(51), fifty);
      holds(field("probability").lt(51), fifty);
      fails(field("probability").lt(50), fifty);
      holds(field("probability").lte(50), fifty);
      fails(field("probability").lte(49), fifty);
      for (Criteria c : List.of(field("probability").gt(0), field("probability").gte(0), field("probability").lt(0),
          field("probability").lte(0), field("probability").between(0, 100))) {
        fails(c, NO_VALUES);
      }
    }

    @Test
    void betweenIncludesBothBounds() {
      holds(field("probability").between(50, 60), fifty);
      holds(field("probability").between(40, 50), fifty);
      holds(field("probability").between(50, 50), fifty);
      fails(field("probability").between(51, 60), fifty);
      fails(field("probability").between(40, 49), fifty);
    }

    @Test
    void extremeValues() {
      FieldValues max = deal("probability", Long.MAX_VALUE);
      holds(field("probability").eq(Long.MAX_VALUE), max);
      holds(field("probability").gt(Long.MAX_VALUE - 1), max);
      holds(field("probability").between(Long.MIN_VALUE, Long.MAX_VALUE), max);
    }

    @Test
    void isSetAndIsBlank() {
      holds(field("probability").isSet(), deal("probability", 0));
      fails(field("probability").isBlank(), deal("probability", 0));
      fails(field("probability").isSet(), NO_VALUES);
      holds(field("probability").isBlank(), NO_VALUES);
    }
  }

  @Nested
  class Decimals {
    private final FieldValues amount = deal("amount", new BigDecimal("100000.00"));

    @Test
    void eqAndNeIgnoreScale() {
      holds(field("amount").eq(100_000), amount);
      holds(field("amount").eq(new BigDecimal("100000.0")), amount);
      holds(field("amount").eq(new BigDecimal("1E+5")), amount);
      fails(field("amount").eq(new BigDecimal("100000.01")), amount);
      fails(field("amount").eq(100_000), NO_VALUES);
      holds(field("amount").ne(99_999), amount);
      fails(field("amount").ne(100_000), amount);
      holds(field("amount").ne(100_000), NO_VALUES);
    }

    @Test
    void inAndNotInIgnoreScale() {
      holds(field("discount_pct").in(new BigDecimal("2.50"), 5), deal("discount_pct", new BigDecimal("2.5")));
      holds(field("discount_pct").in(1, 5), deal("discount_pct", new BigDecimal("5.000")));
      fails(field("discount_pct").in(1, 5), deal("discount_pct", new BigDecimal("5.001")));
      fails(field("discount_pct").in(1, 5), NO_VALUES);
      holds(field("discount_pct").notIn(1, 5), deal("discount_pct", new BigDecimal("2")));
      fails(field("discount_pct").notIn(1, 5), deal("discount_pct", new BigDecimal("1.0")));
      holds(field("discount_pct").notIn(1, 5), NO_VALUES);
    }

    @Test
    void orderedComparisons() {
      holds(field("amount").gt(new BigDecimal("99999.99")), amount);
      fails(field("amount").gt(100_000), amount);
      holds(field("amount").gte(100_000), amount);
      fails(field("amount").gte(new BigDecimal("100000.01")), amount);
      holds(field("amount").lt(new BigDecimal("100000.001")), amount);
      fails(field("amount").lt(100_000), amount);
      holds(field("amount").lte(new BigDecimal("100000.0")), amount);
      fails(field("amount").lte(99_999), amount);
      holds(field("discount_pct").gt(15), deal("discount_pct", 15.5));
      for (Criteria c : List.of(field("amount").gt(0), field("amount").gte(0), field("amount").lt(0),
          field("amount").lte(0), field("amount").between(0, 1))) {
        fails(c, NO_VALUES);
      }
    }

    @Test
    void betweenIncludesBothBoundsWhateverTheirScale() {
      holds(field("amount").between(new BigDecimal("100000.000"), 200_000), amount);
      holds(field("amount").between(1, 100_000), amount);
      fails(field("amount").between(new BigDecimal("100000.01"), 200_000), amount);
      fails(field("amount").between(0, new BigDecimal("99999.99")), amount);
    }

    @Test
    void isSetAndIsBlank() {
      holds(field("budget").isSet(), deal("budget", 0));
      fails(field("budget").isBlank(), deal("budget", 0));
      fails(field("budget").isSet(), NO_VALUES);
      holds(field("budget").isBlank(), NO_VALUES);
    }
  }

  @Nested
  class Booleans {
    private final FieldValues strategic = deal("strategic", true);
    private final FieldValues tactical = deal("strategic", false);

    @Test
    void eqAndNe() {
      holds(field("strategic").eq(true), strategic);
      fails(field("strategic").eq(true), tactical);
      holds(field("strategic").eq(false), tactical);
      fails(field("strategic").eq(false), NO_VALUES);
      holds(field("strategic").ne(true), tactical);
      fails(field("strategic").ne(true), strategic);
      holds(field("strategic").ne(true), NO_VALUES);
    }

    @Test
    void inAndNotIn() {
      holds(field("strategic").in(true, false), tactical);
      holds(field("strategic").in(false), tactical);
      fails(field("strategic").in(true), tactical);
      fails(field("strategic").in(true, false), NO_VALUES);
      holds(field("strategic").notIn(true), tactical);
      fails(field("strategic").notIn(true, false), strategic);
      holds(field("strategic").notIn(true), NO_VALUES);
    }

    @Test
    void isSetAndIsBlank() {
      holds(field("strategic").isSet(), tactical);
      fails(field("strategic").isBlank(), tactical);
      fails(field("strategic").isSet(), NO_VALUES);
      holds(field("strategic").isBlank(), NO_VALUES);
    }
  }

  @Nested
  class Dates {
    private final FieldValues endOfQuarter = deal("close_date", "2026-03-31");

    @Test
    void eqAndNeTakeIsoStringsOrDates() {
      holds(field("close_date").eq("2026-03-31"), endOfQuarter);
      holds(field("close_date").eq(LocalDate.of(2026, 3, 31)), endOfQuarter);
      fails(field("close_date").eq("2026-04-01"), endOfQuarter);
      fails(field("close_date").eq("2026-03-31"), NO_VALUES);
      holds(field("close_date").ne("2026-04-01"), endOfQuarter);
      fails(field("close_date").ne("2026-03-31"), endOfQuarter);
      holds(field("close_date").ne("2026-03-31"), NO_VALUES);
    }

    @Test
    void inAndNotIn() {
      holds(field("close_date").in("2026-06-30", "2026-03-31"), endOfQuarter);
      fails(field("close_date").in("2026-06-30"), endOfQuarter);
      fails(field("close_date").in("2026-03-31"), NO_VALUES);
      holds(field("close_date").notIn("2026-06-30"), endOfQuarter);
      fails(field("close_date").notIn("2026-03-31"), endOfQuarter);
      holds(field("close_date").notIn("2026-03-31"), NO_VALUES);
    }

    @Test
    void orderedComparisons() {
      holds(field("close_date").gt("2026-03-30"), endOfQuarter);
      fails(field("close_date").gt("2026-03-31"), endOfQuarter);
      holds(field("close_date").gte("2026-03-31"), endOfQuarter);
      fails(field("close_date").gte("2026-04-01"), endOfQuarter);
      holds(field("close_date").lt("2026-04-01"), endOfQuarter);
      fails(field("close_date").lt("2026-03-31"), endOfQuarter);
      holds(field("close_date").lte("2026-03-31"), endOfQuarter);
      fails(field("close_date").lte("2025-12-31"), endOfQuarter);
      holds(field("close_date").between("2026-01-01", "2026-03-31"), endOfQuarter);
      holds(field("close_date").between("2026-03-31", "2026-06-30"), endOfQuarter);
      fails(field("close_date").between("2026-04-01", "2026-06-30"), endOfQuarter);
      for (Criteria c : List.of(field("close_date").gt("2000-01-01"), field("close_date").gte("2000-01-01"),
          field("close_date").lt("2100-01-01"), field("close_date").lte("2100-01-01"),
          field("close_date").between("2000-01-01", "2100-01-01"))) {
        fails(c, NO_VALUES);
      }
    }

    @Test
    void isSetAndIsBlank() {
      holds(field("close_date").isSet(), endOfQuarter);
      fails(field("close_date").isBlank(), endOfQuarter);
      fails(field("close_date").isSet(), NO_VALUES);
      holds(field("close_date").isBlank(), NO_VALUES);
    }
  }

  @Nested
  class EnumLists {
    private final FieldValues crmAndAnalytics = deal("products", List.of("crm", "analytics"));
    private final FieldValues none = deal("products", List.of());

    @Test
    void eqIgnoresOrder() {
      holds(field("products").eq(List.of("analytics", "crm")), crmAndAnalytics);
      holds(field("products").eq(List.of("crm", "analytics", "crm")), crmAndAnalytics);
      fails(field("products").eq(List.of("crm")), crmAndAnalytics);
      fails(field("products").eq(List.of("crm", "analytics", "platform")), crmAndAnalytics);
      holds(field("products").eq(List.of()), none);
      fails(field("products").eq(List.of()), NO_VALUES);
    }

    @Test
    void ne() {
      holds(field("products").ne(List.of("crm")), crmAndAnalytics);
      fails(field("products").ne(List.of("analytics", "crm")), crmAndAnalytics);
      holds(field("products").ne(List.of("crm")), NO_VALUES);
    }

    @Test
    void inMeansSharingAnOption() {
      holds(field("products").in("platform", "analytics"), crmAndAnalytics);
      fails(field("products").in("platform"), crmAndAnalytics);
      fails(field("products").in("platform"), none);
      fails(field("products").in("crm"), NO_VALUES);
      holds(field("products").notIn("platform"), crmAndAnalytics);
      fails(field("products").notIn("platform", "crm"), crmAndAnalytics);
      holds(field("products").notIn("platform"), none);
      holds(field("products").notIn("crm"), NO_VALUES);
    }

    @Test
    void containsAnOption() {
      holds(field("products").contains("analytics"), crmAndAnalytics);
      fails(field("products").contains("platform"), crmAndAnalytics);
      fails(field("products").contains("crm"), none);
      fails(field("products").contains("crm"), NO_VALUES);
    }

    @Test
    void anEmptyListIsSetButBlank() {
      holds(field("products").isSet(), none);
      holds(field("products").isBlank(), none);
      holds(field("products").isSet(), crmAndAnalytics);
      fails(field("products").isBlank(), crmAndAnalytics);
      fails(field("products").isSet(), NO_VALUES);
      holds(field("products").isBlank(), NO_VALUES);
    }
  }

  @Nested
  class Combinations {
    private final FieldValues big = deal("amount", 200_000, "region", "east", "tier", "C");

    @Test
    void emptyAllAlwaysHoldsAndEmptyAnyNever() {
      holds(Criteria.always(), NO_VALUES);
      holds(all(), NO_VALUES);
      fails(any(), NO_VALUES);
      fails(not(all()), NO_VALUES);
      holds(not(any()), NO_VALUES);
    }

    @Test
    void allAnyAndNot() {
      holds(all(field("amount").gt(100_000), field("region").in("east")), big);
      fails(all(field("amount").gt(100_000), field("region").in("west")), big);
      holds(any(field("amount").gt(1_000_000), field("region").in("east")), big);
      fails(any(field("amount").gt(1_000_000), field("region").in("west")), big);
      fails(not(field("tier").eq("C")), big);
      holds(not(not(field("tier").eq("C"))), big);
      holds(not(field("tier").eq("C")), NO_VALUES);
    }

    @Test
    void notOfAComparisonWithAMissingValueHolds() {
      // not(gt) is not lte: with no amount, gt is false, so its negation is true while lte is false.
      holds(not(field("amount").gt(100)), NO_VALUES);
      fails(field("amount").lte(100), NO_VALUES);
      holds(not(field("region").in("east")), NO_VALUES);
      holds(not(field("region").notIn("east")), big);
      fails(not(field("region").notIn("east")), NO_VALUES);
    }

    @Test
    void deeplyNestedGroupsFlattenWithoutChangingTheResult() {
      Criteria nested = all(all(all(field("amount").gt(1))),
          any(any(field("tier").eq("A")), any(field("tier").eq("C"))),
          all(), any(all(), field("tier").eq("A")));
      holds(nested, big);
      fails(nested, deal("amount", 200_000, "tier", "B"));
      fails(all(field("amount").gt(1), any()), big);
    }
  }

  @Nested
  class RecordsOfAnotherSchema {
    @Test
    void areReadByFieldName() {
      FieldSchema older = FieldSchema.of(EntityKind.DEAL, List.of(), List.of(
          FieldDefinition.customEnum("region", FieldType.ENUM, List.of("east", "north")),
          FieldDefinition.custom("amount", FieldType.DECIMAL)));
      CompiledCriteria compiled = SampleDeals.compile(all(field("amount").gt(10), field("region").eq("east")));
      assertTrue(compiled.test(deal(older, "region", "east", "amount", 11)));
      assertFalse(compiled.test(deal(older, "region", "north", "amount", 11)));
      assertFalse(compiled.test(deal(older, "region", "east")));
    }

    @Test
    void convertAFieldThatChangedTypeOrDropItIfItNoLongerFits() {
      FieldSchema older = FieldSchema.of(EntityKind.DEAL, List.of(), List.of(
          FieldDefinition.custom("amount", FieldType.STRING),
          FieldDefinition.custom("probability", FieldType.DECIMAL)));
      CompiledCriteria amountAbove10 = SampleDeals.compile(field("amount").gt(10));
      assertTrue(amountAbove10.test(deal(older, "amount", "12.5")));
      assertFalse(amountAbove10.test(deal(older, "amount", "twelve")));
      CompiledCriteria probabilitySet = SampleDeals.compile(field("probability").isSet());
      assertTrue(probabilitySet.test(deal(older, "probability", new BigDecimal("50.0"))));
      assertFalse(probabilitySet.test(deal(older, "probability", new BigDecimal("50.5"))));
    }
  }
}
