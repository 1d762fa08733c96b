package dev.relay.benchmarks.criteria;

import dev.relay.fields.FieldSchema;
import dev.relay.fields.FieldValues;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * {@link DealWorkload#RULE} written directly in Java: the ceiling a compiled rule can hope to reach. It reads the same
 * {@link FieldValues} by precomputed slots, casts to the canonical types and compares with precomputed constants, in
 * the rule's order and with its short-circuits.
 */
final class HandWrittenDealRule {
  private static final BigDecimal MIN_AMOUNT = BigDecimal.valueOf(50_000);
  private static final BigDecimal MAX_DISCOUNT = BigDecimal.valueOf(25);
  private static final LocalDate CLOSE_FROM = LocalDate.of(2026, 1, 1);

  private final int amount;
  private final int discountPct;
  private final int region;
  private final int name;
  private final int source;
  private final int strategic;
  private final int closeDate;
  private final int products;
  private final int budget;
  private final int tier;
  private final int industry;

  HandWrittenDealRule(FieldSchema schema) {
    amount = schema.slotOf("amount");
    discountPct = schema.slotOf("discount_pct");
    region = schema.slotOf("region");
    name = schema.slotOf("name");
    source = schema.slotOf("source");
    strategic = schema.slotOf("strategic");
    closeDate = schema.slotOf("close_date");
    products = schema.slotOf("products");
    budget = schema.slotOf("budget");
    tier = schema.slotOf("tier");
    industry = schema.slotOf("industry");
  }

  boolean test(FieldValues deal) {
    Object v = deal.valueAt(amount);
    if (v == null || ((BigDecimal) v).compareTo(MIN_AMOUNT) <= 0) {
      return false;
    }
    v = deal.valueAt(discountPct);
    if (v == null || ((BigDecimal) v).signum() < 0 || ((BigDecimal) v).compareTo(MAX_DISCOUNT) > 0) {
      return false;
    }
    v = deal.valueAt(region);
    if (v == null || !(v.equals("east") || v.equals("north") || v.equals("west"))) {
      return false;
    }
    v = deal.valueAt(name);
    if (v == null || !((String) v).startsWith("ENT-")) {
      return false;
    }
    v = deal.valueAt(source);
    if (v == null || !((String) v).contains("partner")) {
      return false;
    }
    v = deal.valueAt(strategic);
    if (v == null || !((Boolean) v)) {
      return false;
    }
    v = deal.valueAt(closeDate);
    if (v == null || ((LocalDate) v).isBefore(CLOSE_FROM)) {
      return false;
    }
    v = deal.valueAt(products);
    if (v == null || !((List<?>) v).contains("platform")) {
      return false;
    }
    if (deal.valueAt(budget) == null) {
      return false;
    }
    Object t = deal.valueAt(tier);
    if (t != null && (t.equals("A") || t.equals("B"))) {
      return true;
    }
    Object i = deal.valueAt(industry);
    return i == null || !i.equals("government");
  }
}
