package dev.relay.playbook;

import static dev.relay.playbook.PlaybookJson.MAPPER;
import static dev.relay.playbook.PlaybookJson.durationText;
import static dev.relay.playbook.PlaybookJson.inOrder;
import static dev.relay.playbook.PlaybookJson.putCriteria;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.relay.assignment.AssignmentPolicy;
import dev.relay.assignment.BestFitCriterion;
import dev.relay.assignment.CapacityCap;
import dev.relay.assignment.RepGroup;
import dev.relay.assignment.RoutingRule;
import dev.relay.assignment.Target;
import dev.relay.criteria.Criteria;
import dev.relay.fields.EntityKind;
import dev.relay.fields.FieldDefinition;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The canonical JSON of the {@code assignment} section, always written. Omitted because they mean "nothing": no grade
 * field, no group weights, a rule's {@code when} that takes every lead (always so for the default rule), no best-fit
 * terms, minimum seniorities, caps, fallback owner or per-grade SLAs, and an {@code open_leads} cap's window and
 * rolling (it has neither). Per-grade entries follow the grade field's option order, weights the group's member order.
 */
final class AssignmentSectionWriter {
  private AssignmentSectionWriter() {}

  static ObjectNode assignment(AssignmentPolicy policy, Playbook playbook) {
    ObjectNode node = MAPPER.createObjectNode();
    List<String> grades = List.of();
    if (policy.gradeField() != null) {
      node.put("grade_field", policy.gradeField());
      grades = playbook.schema(EntityKind.LEAD).field(policy.gradeField()).map(FieldDefinition::options)
          .orElse(List.of());
    }
    ArrayNode levels = node.putArray("seniority_levels");
    policy.seniorityLevels().forEach(levels::add);
    node.put("account_owner_first", policy.accountOwnerFirst());
    ArrayNode groups = node.putArray("groups");
    policy.groups().forEach(g -> groups.add(group(g)));
    ArrayNode rules = node.putArray("rules");
    for (RoutingRule rule : policy.rules()) {
      rules.add(rule(rule, grades));
    }
    node.set("default", rule(policy.defaultRule(), grades));
    return node;
  }

  private static ObjectNode group(RepGroup group) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("key", group.key());
    node.put("label", group.label());
    ArrayNode members = node.putArray("members");
    group.members().forEach(members::add);
    if (!group.weights().isEmpty()) {
      ObjectNode weights = node.putObject("weights");
      inOrder(group.weights().keySet(), group.members()).forEach(m -> weights.put(m, group.weights().get(m)));
    }
    return node;
  }

  private static ObjectNode rule(RoutingRule rule, List<String> grades) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("key", rule.key());
    node.put("label", rule.label());
    putCriteria(node, "when", rule.when(), Criteria.always());
    target(node, rule.target());
    node.put("strategy", rule.strategy().jsonName());
    if (!rule.bestFit().isEmpty()) {
      ArrayNode terms = node.putArray("best_fit");
      rule.bestFit().forEach(t -> terms.add(bestFit(t)));
    }
    if (!rule.minSeniority().isEmpty()) {
      ObjectNode byGrade = node.putObject("min_seniority");
      inOrder(rule.minSeniority().keySet(), grades).forEach(g -> byGrade.put(g, rule.minSeniority().get(g)));
    }
    if (!rule.caps().isEmpty()) {
      ArrayNode caps = node.putArray("caps");
      rule.caps().forEach(c -> caps.add(cap(c)));
    }
    node.put("when_none_eligible", rule.whenNoneEligible().jsonName());
    if (rule.fallbackOwner() != null) {
      node.put("fallback_owner", rule.fallbackOwner());
    }
    node.put("first_contact_sla", durationText(rule.firstContactSla()));
    if (!rule.slaByGrade().isEmpty()) {
      ObjectNode byGrade = node.putObject("sla_by_grade");
      Map<String, Duration> slas = rule.slaByGrade();
      inOrder(slas.keySet(), grades).forEach(g -> byGrade.put(g, durationText(slas.get(g))));
    }
    node.put("sla_clock", rule.slaClock().jsonName());
    node.put("remember_last", rule.rememberLast());
    node.put("max_reroutes", rule.maxReroutes());
    return node;
  }

  private static void target(ObjectNode rule, Target target) {
    if (target instanceof Target.TeamMembers team) {
      rule.putObject("target").put("team", team.teamId());
    } else if (target instanceof Target.OneRep rep) {
      rule.putObject("target").put("rep", rep.repId());
    } else if (target instanceof Target.GroupMembers group) {
      rule.putObject("target").put("group", group.groupKey());
    } else {
      rule.put("target", AssignmentSectionReader.EVERYONE);
    }
  }

  private static ObjectNode bestFit(BestFitCriterion term) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("attribute", term.attribute().jsonName());
    node.put("lead_field", term.leadField());
    node.put("weight", term.weight());
    return node;
  }

  private static ObjectNode cap(CapacityCap cap) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("metric", cap.metric().jsonName());
    if (cap.window() != null) {
      node.put("window", durationText(cap.window()));
    }
    if (cap.metric() == CapacityCap.Metric.ASSIGNED) {
      node.put("rolling", cap.rolling());
    }
    node.put("max", cap.max());
    return node;
  }
}
