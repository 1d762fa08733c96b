package dev.relay.playbook;

import static dev.relay.playbook.PlaybookJson.MAPPER;
import static dev.relay.playbook.PlaybookJson.durationText;
import static dev.relay.playbook.PlaybookJson.putCriteria;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.relay.criteria.Criteria;
import dev.relay.scoring.EngagementWindow;
import dev.relay.scoring.Grading;
import dev.relay.scoring.PredictiveModelJson;
import dev.relay.scoring.RuleGroup;
import dev.relay.scoring.ScoringModel;
import dev.relay.scoring.ScoringPolicy;
import dev.relay.scoring.ScoringRule;

/**
 * The canonical JSON of the {@code scoring} section, written only when the playbook has models (so that playbooks
 * without scoring read as before). Omitted because they mean "nothing": no score or grade field, no cap, no matrix, no
 * predictive part, a fit rule's {@code when} that takes every record. Grades and blend are always written. Whole
 * numbers are written without a fraction ({@code 30}, not {@code 30.0}).
 */
final class ScoringSectionWriter {
  private ScoringSectionWriter() {}

  static ObjectNode scoring(ScoringPolicy policy) {
    ObjectNode node = MAPPER.createObjectNode();
    ArrayNode models = node.putArray("models");
    policy.models().forEach(m -> models.add(model(m)));
    return node;
  }

  private static ObjectNode model(ScoringModel model) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("key", model.key());
    node.put("label", model.label());
    node.put("subject", model.subject().jsonName());
    if (model.scoreField() != null) {
      node.put("score_field", model.scoreField());
    }
    if (model.gradeField() != null) {
      node.put("grade_field", model.gradeField());
    }
    if (model.cap() != null) {
      number(node, "cap", model.cap());
    }
    ArrayNode groups = node.putArray("groups");
    model.groups().forEach(g -> groups.add(group(g)));
    node.set("grades", grading(model.grades()));
    if (model.matrix() != null) {
      ObjectNode matrix = node.putObject("matrix");
      matrix.set("fit", grading(model.matrix().fit()));
      matrix.set("engagement", grading(model.matrix().engagement()));
    }
    if (model.predictive() != null) {
      node.set("predictive", PredictiveModelJson.writeSpec(model.predictive()));
    }
    ObjectNode blend = node.putObject("blend");
    number(blend, "rule_weight", model.blend().ruleWeight());
    number(blend, "probability_weight", model.blend().probabilityWeight());
    return node;
  }

  private static ObjectNode group(RuleGroup group) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("key", group.key());
    node.put("label", group.label());
    node.put("dimension", group.dimension().jsonName());
    if (group.cap() != null) {
      number(node, "cap", group.cap());
    }
    ArrayNode rules = node.putArray("rules");
    for (ScoringRule rule : group.rules()) {
      ObjectNode r = rules.addObject();
      r.put("key", rule.key());
      r.put("label", rule.label());
      if (rule instanceof ScoringRule.FitRule fit) {
        putCriteria(r, "when", fit.when(), Criteria.always());
        number(r, "points", fit.points());
        continue;
      }
      ScoringRule.EngagementRule engagement = (ScoringRule.EngagementRule) rule;
      ArrayNode signals = r.putArray("signals");
      engagement.signals().forEach(signals::add);
      number(r, "points", engagement.points());
      r.put("max_count", engagement.maxCount());
      if (engagement.window() instanceof EngagementWindow.Within within) {
        r.put("within", durationText(within.frame()));
      } else {
        r.put("half_life", durationText(((EngagementWindow.HalfLife) engagement.window()).halfLife()));
      }
    }
    return node;
  }

  private static ArrayNode grading(Grading grading) {
    ArrayNode bands = MAPPER.createArrayNode();
    for (Grading.Band band : grading.bands()) {
      ObjectNode b = bands.addObject();
      b.put("grade", band.grade());
      if (band.min() != null) {
        number(b, "min", band.min());
      }
    }
    return bands;
  }

  private static boolean whole(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15;
  }

  private static void number(ObjectNode node, String key, double value) {
    if (whole(value)) {
      node.put(key, (long) value);
    } else {
      node.put(key, value);
    }
  }
}
