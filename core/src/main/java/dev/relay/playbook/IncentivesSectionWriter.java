package dev.relay.playbook;

import static dev.relay.playbook.PlaybookJson.MAPPER;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.relay.criteria.Criteria;
import dev.relay.criteria.CriteriaJson;
import dev.relay.incentive.CommissionPlan;
import dev.relay.incentive.Component;
import dev.relay.incentive.IncentivePolicy;
import dev.relay.incentive.Scorecard;
import dev.relay.incentive.ScorecardDimension;
import dev.relay.incentive.TargetEntry;
import dev.relay.incentive.TargetSettings;
import dev.relay.incentive.Tier;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical JSON of the {@code incentives} section. The section is written only when something is configured (so
 * playbooks without incentives keep their form); inside it every key is written except a missing collected stage,
 * and a plan's currency when it is the playbook's. Split shares are sorted by role.
 */
final class IncentivesSectionWriter {
  private IncentivesSectionWriter() {}

  static ObjectNode incentives(IncentivePolicy incentives, Playbook playbook) {
    ObjectNode node = MAPPER.createObjectNode();
    ObjectNode splits = node.putObject("splits");
    shares(splits.putObject("revenue"), incentives.splits().revenuePercentByRole());
    shares(splits.putObject("overlay"), incentives.splits().overlayPercentByRole());
    if (incentives.collectedStage() != null) {
      node.put("collected_stage", incentives.collectedStage());
    }
    node.set("targets", targets(incentives.targets()));
    ArrayNode scorecards = node.putArray("scorecards");
    incentives.scorecards().forEach(s -> scorecards.add(scorecard(s)));
    ArrayNode plans = node.putArray("plans");
    incentives.plans().forEach(p -> plans.add(plan(p, playbook)));
    return node;
  }

  private static void shares(ObjectNode node, Map<String, BigDecimal> shares) {
    new TreeMap<>(shares).forEach(node::put);
  }

  private static ObjectNode targets(TargetSettings targets) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("reconciliation", targets.reconciliation().jsonName());
    ArrayNode months = node.putArray("seasonality");
    targets.seasonality().monthWeights().forEach(months::add);
    ArrayNode ramp = node.putArray("ramp_up");
    targets.rampUp().percents().forEach(ramp::add);
    ArrayNode levels = node.putArray("levels");
    for (TargetEntry e : targets.entries()) {
      ObjectNode level = levels.addObject();
      level.put("owner", e.owner());
      level.put("period", e.period());
      level.put("base", e.base().amount());
      level.put("stretch", e.stretch().amount());
    }
    return node;
  }

  private static ObjectNode scorecard(Scorecard card) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("role", card.role());
    node.put("cap", card.cap());
    ArrayNode dimensions = node.putArray("dimensions");
    for (ScorecardDimension d : card.dimensions()) {
      ObjectNode dim = dimensions.addObject();
      dim.put("kind", d.kind().jsonName());
      dim.put("weight", d.weight());
      dim.put("target", d.target());
    }
    return node;
  }

  private static ObjectNode plan(CommissionPlan plan, Playbook playbook) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("key", plan.key());
    node.put("name", plan.name());
    node.put("measure", plan.measure().jsonName());
    if (!plan.currency().equals(playbook.currency())) {
      node.put("currency", plan.currency().getCurrencyCode());
    }
    ArrayNode components = node.putArray("components");
    plan.components().forEach(c -> components.add(component(c)));
    return node;
  }

  static ObjectNode component(Component c) {
    ObjectNode node = MAPPER.createObjectNode();
    if (c instanceof Component.FlatRate f) {
      head(node, "flat_rate", c);
      node.put("rate", f.rate());
      node.put("credit", f.credit().name().toLowerCase(Locale.ROOT));
    } else if (c instanceof Component.GraduatedTiers g) {
      head(node, "graduated_tiers", c);
      tiers(node, g.tiers());
    } else if (c instanceof Component.RetroactiveTiers r) {
      head(node, "retroactive_tiers", c);
      tiers(node, r.tiers());
    } else if (c instanceof Component.Accelerator a) {
      head(node, "accelerator", c);
      node.put("above", a.above());
      node.put("extra_rate", a.extraRate());
    } else if (c instanceof Component.Decelerator d) {
      head(node, "decelerator", c);
      node.put("below", d.below());
      node.put("factor", d.factor());
    } else if (c instanceof Component.Spiff s) {
      head(node, "spiff", c);
      if (!s.when().equals(Criteria.always())) {
        node.set("when", CriteriaJson.write(s.when()));
      }
      node.put("bonus", s.bonus().amount());
    } else if (c instanceof Component.DealCap d) {
      head(node, "deal_cap", c);
      node.put("max", d.max().amount());
    } else if (c instanceof Component.PeriodCap p) {
      head(node, "period_cap", c);
      node.put("max", p.max().amount());
    } else if (c instanceof Component.ManagerOverride o) {
      head(node, "manager_override", c);
      node.put("rate", o.rate());
      node.put("levels", o.levels());
    } else if (c instanceof Component.TeamPool t) {
      head(node, "team_pool", c);
      node.put("share", t.share());
      node.put("attainment_weight", t.attainmentWeight());
      node.put("collaboration_weight", t.collaborationWeight());
    } else if (c instanceof Component.Clawback k) {
      head(node, "clawback", c);
      node.put("within_days", k.withinDays());
    } else if (c instanceof Component.Draw d) {
      head(node, "draw", c);
      node.put("amount", d.amount().amount());
      node.put("recoverable", d.recoverable());
      // Only when not the default, so the canonical JSON of playbooks written before conditional draws is unchanged.
      if (!d.guaranteed()) {
        node.put("guaranteed", false);
      }
      if (d.minAttainment() != null) {
        node.put("min_attainment", d.minAttainment());
      }
    }
    return node;
  }

  private static void head(ObjectNode node, String type, Component c) {
    node.put("type", type);
    node.put("key", c.key());
  }

  private static void tiers(ObjectNode node, List<Tier> tiers) {
    ArrayNode list = node.putArray("tiers");
    for (Tier t : tiers) {
      ObjectNode tier = list.addObject();
      tier.put("from", t.from());
      tier.put("rate", t.rate());
    }
  }

}
