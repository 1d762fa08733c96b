package dev.relay.benchmarks.criteria;

import static dev.relay.criteria.Criteria.all;
import static dev.relay.criteria.Criteria.any;
import static dev.relay.criteria.Criteria.field;
import static dev.relay.criteria.Criteria.not;

import dev.relay.criteria.Criteria;
import dev.relay.fields.EntityKind;
import dev.relay.fields.FieldDefinition;
import dev.relay.fields.FieldSchema;
import dev.relay.fields.FieldType;
import dev.relay.fields.FieldValues;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * What the criteria benchmark evaluates: a deal schema with built-in and custom fields of every type, an approval rule
 * of ten conditions in the shape tenants write them, and deterministic deals of which roughly half match.
 *
 * <p>Each deal fails any one condition with a small probability, so a typical evaluation reads most fields before it
 * decides, as a real rule over mostly-qualifying deals does.
 */
final class DealWorkload {

  /**
   * The rule: {@code amount > 50000 and discount_pct between 0 and 25 and … and (tier in [A, B] or not (industry =
   * government))}.
   */
  static final Criteria RULE = all(
      field("amount").gt(50_000),
      field("discount_pct").between(0, 25),
      field("region").in("east", "north", "west"),
      field("name").startsWith("ENT-"),
      field("source").contains("partner"),
      field("strategic").eq(true),
      field("close_date").gte("2026-01-01"),
      field("products").contains("platform"),
      field("budget").isSet(),
      any(field("tier").in("A", "B"), not(field("industry").eq("government"))));

  static final FieldSchema SCHEMA = FieldSchema.of(EntityKind.DEAL,
      List.of(
          new FieldDefinition("name", FieldType.STRING, List.of(), "Deal name", true),
          new FieldDefinition("amount", FieldType.DECIMAL, List.of(), "Amount", true),
          new FieldDefinition("currency", FieldType.STRING, List.of(), "Currency", true),
          new FieldDefinition("stage", FieldType.ENUM, List.of("lead", "qualified", "proposal", "contract"), "Stage",
              true),
          new FieldDefinition("owner", FieldType.STRING, List.of(), "Owner", true),
          new FieldDefinition("probability", FieldType.INTEGER, List.of(), "Win probability %", true)),
      List.of(
          FieldDefinition.custom("discount_pct", FieldType.DECIMAL),
          FieldDefinition.customEnum("region", FieldType.ENUM, List.of("east", "north", "south", "west", "central")),
          FieldDefinition.customEnum("industry", FieldType.ENUM,
              List.of("software", "retail", "finance", "government", "healthcare")),
          FieldDefinition.customEnum("tier", FieldType.ENUM, List.of("A", "B", "C")),
          FieldDefinition.custom("source", FieldType.STRING),
          FieldDefinition.custom("strategic", FieldType.BOOLEAN),
          FieldDefinition.custom("close_date", FieldType.DATE),
          FieldDefinition.customEnum("products", FieldType.ENUM_LIST,
              List.of("crm", "analytics", "platform", "support")),
          FieldDefinition.custom("budget", FieldType.DECIMAL)));

  /** The chance that a deal misses one particular condition: about half the deals then miss none. */
  private static final double MISS = 0.07;

  private DealWorkload() {}

  /** {@code count} deals of {@link #SCHEMA} from a seeded generator: every run and the agreement test see the same. */
  static FieldValues[] deals(int count, long seed) {
    Random random = new Random(seed);
    FieldValues[] deals = new FieldValues[count];
    for (int i = 0; i < count; i++) {
      deals[i] = deal(random, i);
    }
    return deals;
  }

  private static FieldValues deal(Random random, int index) {
    Map<String, Object> v = new HashMap<>();
    v.put("name", (miss(random) ? "SMB-" : "ENT-") + (10_000 + index) + " renewal");
    v.put("currency", "CNY");
    v.put("stage", pick(random, "lead", "qualified", "proposal", "contract"));
    v.put("owner", "rep-" + random.nextInt(40));
    v.put("probability", (long) random.nextInt(101));
    v.put("amount", miss(random)
        ? BigDecimal.valueOf(random.nextInt(50_001), 0)
        : BigDecimal.valueOf(5_000_001L + random.nextInt(500_000_000), 2));
    if (!miss(random) || random.nextBoolean()) {
      v.put("discount_pct", miss(random) ? new BigDecimal("30.5") : BigDecimal.valueOf(random.nextInt(2501), 2));
    }
    v.put("region", miss(random) ? pick(random, "south", "central") : pick(random, "east", "north", "west"));
    v.put("industry", pick(random, "software", "retail", "finance", "government", "healthcare"));
    v.put("tier", pick(random, "A", "B", "C"));
    if (!miss(random)) {
      v.put("source", pick(random, "partner:acme", "web+partner", "partner referral"));
    } else if (random.nextBoolean()) {
      v.put("source", pick(random, "web", "event", "cold call"));
    }
    v.put("strategic", !miss(random));
    v.put("close_date", miss(random)
        ? LocalDate.of(2025, 12, 31).minusDays(random.nextInt(365))
        : LocalDate.of(2026, 1, 1).plusDays(random.nextInt(365)));
    v.put("products",
        miss(random) ? List.of("crm") : List.of("crm", "platform", "support").subList(random.nextInt(2), 3));
    if (!miss(random)) {
      v.put("budget", BigDecimal.valueOf(random.nextInt(1_000_000)));
    }
    return FieldValues.empty(SCHEMA).with(v, true);
  }

  private static boolean miss(Random random) {
    return random.nextDouble() < MISS;
  }

  private static String pick(Random random, String... options) {
    return options[random.nextInt(options.length)];
  }
}
