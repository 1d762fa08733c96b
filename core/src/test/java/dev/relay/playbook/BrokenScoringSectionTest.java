package dev.relay.playbook;

import static dev.relay.playbook.PlaybookEdits.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Each mistake an author can make in the scoring section, reported with its path. Every case starts from the valid
 * {@link LeadScoringPlaybook} and breaks one thing.
 */
class BrokenScoringSectionTest {
  private static final String M = "scoring.models[0]";

  @Test
  void unknownKeysGetADidYouMean() {
    rejects(p -> model(p).put("grade_feild", "x"), M + ".grade_feild: unknown key 'grade_feild' (did you mean"
        + " 'grade_field'?)");
  }

  @Test
  void unknownSubjectListsTheSubjects() {
    rejects(p -> model(p).put("subject", "contact"), M + ".subject: unknown subject 'contact' (subjects: deal,"
        + " account, lead)");
  }

  @Test
  void fitCriteriaAreCheckedAgainstTheSubjectsFields() {
    rejects(p -> ((ObjectNode) rule(p, 0, 0).get("when")).put("field", "industy"),
        M + ".groups[0].rules[0].when.field: unknown field 'industy' (did you mean 'industry'?)");
  }

  @Test
  void anEngagementRuleNeedsSignalsAndOneWindow() {
    rejects(p -> rule(p, 1, 0).putArray("signals"),
        M + ".groups[1].rules[0].signals: an engagement rule needs at least one signal, e.g. email_opened");
    rejects(p -> rule(p, 1, 0).put("half_life", "P7D"),
        M + ".groups[1].rules[0]: give only one of 'within' and 'half_life'");
    rejects(p -> rule(p, 1, 1).remove("half_life"),
        M + ".groups[1].rules[1]: expected one of 'within' (a time frame like 'P30D') or 'half_life' (like 'P14D')");
    rejects(p -> rule(p, 1, 1).put("half_life", "PT0S"), M + ".groups[1].rules[1].half_life: must be positive, got"
        + " PT0S");
    rejects(p -> rule(p, 1, 0).put("max_count", 0), M + ".groups[1].rules[0].max_count: must be at least 1, got 0");
  }

  @Test
  void signalsAreLowerSnakeCase() {
    rejects(p -> ((ArrayNode) rule(p, 1, 0).get("signals")).add("Email Opened"),
        M + ".groups[1].rules[0].signals[1]: invalid signal 'Email Opened': expected lower snake case"
            + " [a-z][a-z0-9_]{0,63}");
  }

  @Test
  void aRuleOfTheOtherKindIsAnUnknownKeyInItsGroup() {
    rejects(p -> rule(p, 0, 1).set("signals", json("['visit']")),
        M + ".groups[0].rules[1].signals: unknown key 'signals' (keys: key, label, when, points)");
  }

  @Test
  void ruleKeysAreUniqueWithinAGroupAndPointsAreRequired() {
    rejects(p -> rule(p, 0, 1).put("key", "finance"),
        M + ".groups[0].rules[1].key: duplicate rule key 'finance' (first at " + M + ".groups[0].rules[0])");
    rejects(p -> rule(p, 0, 2).remove("points"), M + ".groups[0].rules[2]: missing required key 'points'");
  }

  @Test
  void capsAreNotNegative() {
    rejects(p -> group(p, 0).put("cap", -5), M + ".groups[0].cap: must not be negative, got -5.0");
  }

  @Test
  void gradesDescendAndOnlyTheLastHasNoMinimum() {
    rejects(p -> band(p, 1).put("min", 80), M + ".grades[1].min: minimums must descend, got 80.0 after 70.0");
    rejects(p -> band(p, 3).put("min", 0), M + ".grades[3].min: the last grade takes every lower score and has no"
        + " 'min'");
    rejects(p -> band(p, 2).remove("min"), M + ".grades[2]: missing required key 'min' (only the last grade has"
        + " none)");
  }

  @Test
  void theGradeFieldMustHoldEveryGrade() {
    rejects(p -> band(p, 0).put("grade", "A+"), M + ".grade_field: 'lead_grade' lacks the grades A+ (options: A, B,"
        + " C, D)");
    rejects(p -> model(p).put("grade_field", "budget"), M + ".grade_field: 'budget' is a decimal field; a grade field"
        + " must be an enum");
  }

  @Test
  void theScoreFieldIsNumeric() {
    rejects(p -> model(p).put("score_field", "industry"), M + ".score_field: 'industry' is an enum field; a score"
        + " field must be an integer or decimal field");
    rejects(p -> model(p).put("score_field", "scroe"), M + ".score_field: unknown lead field 'scroe'");
  }

  @Test
  void predictiveFeaturesAreDeclaredFieldsAndBinsNeedNumbers() {
    rejects(p -> feature(p, 0).put("field", "industri"),
        M + ".predictive.features[0].field: unknown lead field 'industri' (did you mean 'industry'?)");
    rejects(p -> feature(p, 0).put("quantiles", 4), M + ".predictive.features[0].field: 'industry' is an enum field;"
        + " bins and quantiles need an integer or decimal field");
    rejects(p -> feature(p, 1).set("edges", json("[100, 10]")),
        M + ".predictive.features[1].edges[1]: edges must ascend, got 10 after 100.0");
    rejects(p -> feature(p, 2).put("quantiles", 1), M + ".predictive.features[2].quantiles: needs at least 2 bins,"
        + " got 1");
    rejects(p -> predictive(p).put("kind", "random_forest"),
        M + ".predictive.kind: unknown model kind 'random_forest' (kinds: naive_bayes, logistic_regression)");
  }

  @Test
  void aBlendWeighsAProbabilityOnlyWithAPredictivePart() {
    rejects(p -> model(p).remove("predictive"), M + ".blend.probability_weight: weighs a probability, but the model"
        + " has no 'predictive' part");
    rejects(p -> ((ObjectNode) model(p).get("blend")).put("rule_weight", -1),
        M + ".blend: weights must not be negative and one must be positive, got rule_weight -1.0 and"
            + " probability_weight 0.5");
  }

  @Test
  void modelKeysAreUnique() {
    rejects(p -> ((ArrayNode) p.get("scoring").get("models")).add(model(p).deepCopy()),
        "scoring.models[1].key: duplicate model key 'lead_score' (first at scoring.models[0])");
  }

  private static void rejects(Consumer<ObjectNode> edit, String... expected) {
    PlaybookEdits.rejects(PlaybookEdits.edited(LeadScoringPlaybook.json(), edit), expected);
  }

  private static ObjectNode model(ObjectNode root) {
    return (ObjectNode) root.get("scoring").get("models").get(0);
  }

  private static ObjectNode group(ObjectNode root, int g) {
    return (ObjectNode) model(root).get("groups").get(g);
  }

  private static ObjectNode rule(ObjectNode root, int g, int r) {
    return (ObjectNode) group(root, g).get("rules").get(r);
  }

  private static ObjectNode band(ObjectNode root, int i) {
    return (ObjectNode) model(root).get("grades").get(i);
  }

  private static ObjectNode predictive(ObjectNode root) {
    return (ObjectNode) model(root).get("predictive");
  }

  private static ObjectNode feature(ObjectNode root, int i) {
    return (ObjectNode) predictive(root).get("features").get(i);
  }
}
