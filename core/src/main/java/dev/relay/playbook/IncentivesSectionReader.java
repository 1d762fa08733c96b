package dev.relay.playbook;

import static dev.relay.playbook.ReadingContext.orElse;
import static dev.relay.playbook.ReadingContext.placeholder;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relay.common.DidYouMean;
import dev.relay.common.Money;
import dev.relay.criteria.Criteria;
import dev.relay.incentive.CommissionPlan;
import dev.relay.incentive.Component;
import dev.relay.incentive.CreditKind;
import dev.relay.incentive.DimensionKind;
import dev.relay.incentive.IncentivePolicy;
import dev.relay.incentive.Measure;
import dev.relay.incentive.RampUp;
import dev.relay.incentive.Reconciliation;
import dev.relay.incentive.Scorecard;
import dev.relay.incentive.ScorecardDimension;
import dev.relay.incentive.Seasonality;
import dev.relay.incentive.SplitPolicy;
import dev.relay.incentive.TargetEntry;
import dev.relay.incentive.TargetSettings;
import dev.relay.incentive.Tier;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The structural pass over the {@code incentives} section: credit splits, the collected stage, targets, scorecards and
 * commission plans with their components. Numbers are read exactly (rates, weights and money as decimals). A component
 * whose type is unknown or whose values its record refuses (a negative rate) is reported and stands in as unreadable.
 */
final class IncentivesSectionReader {
  static final List<String> SECTION_KEYS = List.of("splits", "collected_stage", "targets", "scorecards", "plans");
  static final List<String> SPLIT_KEYS = List.of("revenue", "overlay");
  static final List<String> TARGET_KEYS = List.of("reconciliation", "seasonality", "ramp_up", "levels");
  static final List<String> LEVEL_KEYS = List.of("owner", "period", "base", "stretch");
  static final List<String> SCORECARD_KEYS = List.of("role", "cap", "dimensions");
  static final List<String> DIMENSION_KEYS = List.of("kind", "weight", "target");
  static final List<String> PLAN_KEYS = List.of("key", "name", "measure", "currency", "components");
  static final List<String> TIER_KEYS = List.of("from", "rate");
  /** The component types and the keys each takes besides {@code type} and {@code key}. */
  static final Map<String, List<String>> COMPONENT_KEYS = Map.ofEntries(
      Map.entry("flat_rate", List.of("rate", "credit")),
      Map.entry("graduated_tiers", List.of("tiers")),
      Map.entry("retroactive_tiers", List.of("tiers")),
      Map.entry("accelerator", List.of("above", "extra_rate")),
      Map.entry("decelerator", List.of("below", "factor")),
      Map.entry("spiff", List.of("when", "bonus")),
      Map.entry("deal_cap", List.of("max")),
      Map.entry("period_cap", List.of("max")),
      Map.entry("manager_override", List.of("rate", "levels")),
      Map.entry("team_pool", List.of("share", "attainment_weight", "collaboration_weight")),
      Map.entry("clawback", List.of("within_days")),
      Map.entry("draw", List.of("amount", "recoverable", "guaranteed", "min_attainment")));

  private final ReadingContext in;
  private final Currency defaultCurrency;

  IncentivesSectionReader(ReadingContext in, Currency defaultCurrency) {
    this.in = in;
    this.defaultCurrency = defaultCurrency;
  }

  /** The incentives section; {@link IncentivePolicy#defaults()} if absent. */
  IncentivePolicy read(JsonObjectReader top) {
    JsonNode node = top.node("incentives", false);
    if (node == null) {
      return IncentivePolicy.defaults();
    }
    JsonObjectReader o = in.object(node, top.path("incentives"), SECTION_KEYS);
    if (o == null) {
      in.unreadable("incentives");
      return IncentivePolicy.defaults();
    }
    IncentivePolicy.Builder b = IncentivePolicy.builder().splits(splits(o)).targets(targets(o));
    String collected = o.string("collected_stage", false);
    if (collected != null) {
      b.collectedStage(collected);
    }
    in.unreadableIfGiven(o, "collected_stage", collected);
    List<JsonNode> scorecards = o.array("scorecards", false);
    for (int i = 0; scorecards != null && i < scorecards.size(); i++) {
      b.scorecard(scorecard(scorecards.get(i), o.path("scorecards") + "[" + i + "]"));
    }
    List<JsonNode> plans = o.array("plans", false);
    for (int i = 0; plans != null && i < plans.size(); i++) {
      b.plan(plan(plans.get(i), o.path("plans") + "[" + i + "]"));
    }
    return b.build();
  }

  private SplitPolicy splits(JsonObjectReader section) {
    JsonNode node = section.node("splits", false);
    JsonObjectReader o = node == null ? null : in.object(node, section.path("splits"), SPLIT_KEYS);
    if (o == null) {
      return SplitPolicy.ownerTakesAll();
    }
    Map<String, BigDecimal> revenue = in.map(o, "revenue", (m, role) -> share(m, role));
    Map<String, BigDecimal> overlay = in.map(o, "overlay", (m, role) -> share(m, role));
    return new SplitPolicy(revenue, overlay);
  }

  private @Nullable BigDecimal share(JsonObjectReader m, String role) {
    BigDecimal percent = decimal(m, role, false);
    if (percent != null && (percent.signum() <= 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0)) {
      in.problem(m.path(role), "a share is a percentage in (0, 100], got " + percent.toPlainString());
      return null;
    }
    return percent;
  }

  private TargetSettings targets(JsonObjectReader section) {
    TargetSettings defaults = TargetSettings.defaults();
    JsonNode node = section.node("targets", false);
    JsonObjectReader o = node == null ? null : in.object(node, section.path("targets"), TARGET_KEYS);
    if (o == null) {
      return defaults;
    }
    Reconciliation reconciliation = orElse(in.choice(o, "reconciliation", false, Reconciliation.values(),
        Reconciliation::jsonName, "reconciliation rule", "rules"), defaults.reconciliation());
    Seasonality seasonality = defaults.seasonality();
    List<BigDecimal> months = decimals(o, "seasonality");
    if (months != null) {
      try {
        seasonality = new Seasonality(months);
      } catch (IllegalArgumentException e) {
        in.problem(o.path("seasonality"), e.getMessage());
      }
    }
    RampUp rampUp = defaults.rampUp();
    List<BigDecimal> ramp = decimals(o, "ramp_up");
    if (ramp != null) {
      try {
        rampUp = new RampUp(ramp);
      } catch (IllegalArgumentException e) {
        in.problem(o.path("ramp_up"), e.getMessage());
      }
    }
    List<TargetEntry> entries = new ArrayList<>();
    List<JsonNode> levels = o.array("levels", false);
    for (int i = 0; levels != null && i < levels.size(); i++) {
      String path = o.path("levels") + "[" + i + "]";
      JsonObjectReader l = in.object(levels.get(i), path, LEVEL_KEYS);
      if (l == null) {
        in.unreadable(path);
        continue;
      }
      String owner = l.string("owner", true);
      String period = l.string("period", true);
      BigDecimal base = decimal(l, "base", true);
      BigDecimal stretch = decimal(l, "stretch", false);
      if (owner == null || period == null || base == null) {
        in.unreadable(path);
        entries.add(new TargetEntry(placeholder(path), placeholder(path), Money.zero(defaultCurrency),
            Money.zero(defaultCurrency)));
        continue;
      }
      entries.add(new TargetEntry(owner, period, new Money(base, defaultCurrency),
          new Money(orElse(stretch, base), defaultCurrency)));
    }
    return new TargetSettings(reconciliation, seasonality, rampUp, entries);
  }

  private Scorecard scorecard(JsonNode node, String path) {
    JsonObjectReader o = in.object(node, path, SCORECARD_KEYS);
    if (o == null) {
      in.unreadable(path);
      return new Scorecard(placeholder(path), List.of(), BigDecimal.ONE);
    }
    String role = o.string("role", true);
    BigDecimal cap = orElse(decimal(o, "cap", false), BigDecimal.ONE);
    List<ScorecardDimension> dimensions = new ArrayList<>();
    List<JsonNode> items = o.array("dimensions", true);
    boolean readable = role != null && items != null;
    for (int i = 0; items != null && i < items.size(); i++) {
      String dPath = o.path("dimensions") + "[" + i + "]";
      JsonObjectReader d = in.object(items.get(i), dPath, DIMENSION_KEYS);
      if (d == null) {
        readable = false;
        continue;
      }
      DimensionKind kind = in.choice(d, "kind", true, DimensionKind.values(), DimensionKind::jsonName,
          "scorecard dimension", "dimensions");
      BigDecimal weight = decimal(d, "weight", true);
      BigDecimal target = orElse(decimal(d, "target", false), BigDecimal.ONE);
      if (kind == null || weight == null) {
        readable = false;
        continue;
      }
      try {
        dimensions.add(new ScorecardDimension(kind, weight, target));
      } catch (IllegalArgumentException e) {
        in.problem(dPath, e.getMessage());
        readable = false;
      }
    }
    if (!readable) {
      in.unreadable(path);
    }
    return new Scorecard(orElse(role, placeholder(path)), dimensions, cap);
  }

  private CommissionPlan plan(JsonNode node, String path) {
    JsonObjectReader o = in.object(node, path, PLAN_KEYS);
    if (o == null) {
      in.unreadable(path);
      return new CommissionPlan(placeholder(path), path, Measure.BOOKED, defaultCurrency, List.of());
    }
    String key = o.string("key", true);
    if (key == null) {
      in.unreadable(path);
    }
    String planKey = orElse(key, placeholder(path));
    Measure measure = orElse(in.choice(o, "measure", false, Measure.values(), Measure::jsonName, "measure",
        "measures"), Measure.BOOKED);
    Currency currency = currency(o);
    List<Component> components = new ArrayList<>();
    List<JsonNode> items = o.array("components", true);
    for (int i = 0; items != null && i < items.size(); i++) {
      String cPath = o.path("components") + "[" + i + "]";
      Component c = component(items.get(i), cPath, currency);
      if (c == null) {
        in.unreadable(cPath);
      } else {
        components.add(c);
      }
    }
    if (items == null || components.size() < items.size()) {
      // Indexes of the remaining components no longer match their paths: leave the plan's own checks out.
      in.unreadable(path);
    }
    return new CommissionPlan(planKey, orElse(o.string("name", false), planKey), measure, currency, components);
  }

  private Currency currency(JsonObjectReader plan) {
    String code = plan.string("currency", false);
    if (code == null) {
      return defaultCurrency;
    }
    try {
      return Currency.getInstance(code);
    } catch (IllegalArgumentException e) {
      in.problem(plan.path("currency"), "unknown currency code '" + code + "' (expected an ISO 4217 code like 'CNY')");
      return defaultCurrency;
    }
  }

  private @Nullable Component component(JsonNode node, String path, Currency currency) {
    JsonObjectReader any = JsonObjectReader.ofAnyKeys(node, path, in.problems());
    if (any == null) {
      return null;
    }
    String type = any.string("type", true);
    if (type == null) {
      return null;
    }
    List<String> extra = COMPONENT_KEYS.get(type);
    if (extra == null) {
      in.problem(any.path("type"), "unknown component type '" + type + "'"
          + DidYouMean.hint(type, COMPONENT_KEYS.keySet().stream().sorted().toList(), "types"));
      return null;
    }
    List<String> keys = new ArrayList<>(List.of("type", "key"));
    keys.addAll(extra);
    JsonObjectReader o = in.object(node, path, keys);
    if (o == null) {
      return null;
    }
    int before = in.problemCount();
    String key = orElse(o.string("key", true), "");
    try {
      Component c = switch (type) {
        case "flat_rate" -> new Component.FlatRate(key, req(o, "rate"), orElse(in.choice(o, "credit", false,
            CreditKind.values(), k -> k.name().toLowerCase(java.util.Locale.ROOT), "credit kind", "kinds"),
            CreditKind.REVENUE));
        case "graduated_tiers" -> new Component.GraduatedTiers(key, tiers(o));
        case "retroactive_tiers" -> new Component.RetroactiveTiers(key, tiers(o));
        case "accelerator" -> new Component.Accelerator(key, req(o, "above"), req(o, "extra_rate"));
        case "decelerator" -> new Component.Decelerator(key, req(o, "below"), req(o, "factor"));
        case "spiff" -> new Component.Spiff(key, in.criteria(o, "when", Criteria.always()),
            new Money(req(o, "bonus"), currency));
        case "deal_cap" -> new Component.DealCap(key, new Money(req(o, "max"), currency));
        case "period_cap" -> new Component.PeriodCap(key, new Money(req(o, "max"), currency));
        case "manager_override" -> new Component.ManagerOverride(key, req(o, "rate"),
            orElse(o.integer("levels", false), 1));
        case "team_pool" -> new Component.TeamPool(key, req(o, "share"), req(o, "attainment_weight"),
            req(o, "collaboration_weight"));
        case "clawback" -> new Component.Clawback(key, orElse(o.integer("within_days", true), 0));
        default -> new Component.Draw(key, new Money(req(o, "amount"), currency),
            orElse(o.bool("recoverable", false), true), orElse(o.bool("guaranteed", false), true),
            decimal(o, "min_attainment", false));
      };
      return in.problemCount() > before ? null : c;
    } catch (IllegalArgumentException | NullPointerException e) {
      if (in.problemCount() == before) {
        in.problem(path, e.getMessage() == null ? "invalid " + type : e.getMessage());
      }
      return null;
    }
  }

  private List<Tier> tiers(JsonObjectReader component) {
    List<Tier> tiers = new ArrayList<>();
    List<JsonNode> items = component.array("tiers", true);
    for (int i = 0; items != null && i < items.size(); i++) {
      JsonObjectReader t = in.object(items.get(i), component.path("tiers") + "[" + i + "]", TIER_KEYS);
      if (t != null) {
        tiers.add(new Tier(req(t, "from"), req(t, "rate")));
      }
    }
    return tiers;
  }

  /** A required decimal; a missing or non-numeric one is reported and gives a placeholder the caller discards. */
  private BigDecimal req(JsonObjectReader o, String key) {
    return orElse(decimal(o, key, true), BigDecimal.ZERO);
  }

  /** An exact decimal from a JSON number (or a numeric string), or {@code null} if absent or not a number (reported). */
  private @Nullable BigDecimal decimal(JsonObjectReader o, String key, boolean required) {
    JsonNode value = o.node(key, required);
    if (value == null) {
      return null;
    }
    if (value.isNumber()) {
      return value.decimalValue();
    }
    if (value.isTextual()) {
      try {
        return new BigDecimal(value.textValue());
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    in.problem(o.path(key), "expected a number, got " + JsonObjectReader.describe(value));
    return null;
  }

  /** An optional array of numbers, or {@code null} if absent or unreadable (reported). */
  private @Nullable List<BigDecimal> decimals(JsonObjectReader o, String key) {
    List<JsonNode> items = o.array(key, false);
    if (items == null) {
      return null;
    }
    List<BigDecimal> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      JsonNode item = items.get(i);
      if (!item.isNumber()) {
        in.problem(o.path(key) + "[" + i + "]", "expected a number, got " + JsonObjectReader.describe(item));
        return null;
      }
      out.add(item.decimalValue());
    }
    return out;
  }
}
