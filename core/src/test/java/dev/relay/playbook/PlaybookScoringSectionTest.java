package dev.relay.playbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.relay.fields.EntityKind;
import dev.relay.scoring.Grading;
import dev.relay.scoring.RuleScorer;
import dev.relay.scoring.ScoringModel;
import dev.relay.scoring.ScoringPolicy;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code scoring} section: read, written and built alike; a playbook without models writes no section. */
class PlaybookScoringSectionTest {
  @Test
  void theJsonAndTheBuilderGiveTheSamePlaybook() {
    assertEquals(LeadScoringPlaybook.built(), PlaybookJson.read(LeadScoringPlaybook.json()));
  }

  @Test
  void writingGivesTheCanonicalTextBack() {
    assertEquals(LeadScoringPlaybook.json(), PlaybookJson.write(PlaybookJson.read(LeadScoringPlaybook.json())));
  }

  @Test
  void aPlaybookWithoutModelsWritesNoScoringSection() {
    Playbook plain = SmallTeamPlaybook.built();

    assertEquals(ScoringPolicy.defaults(), plain.scoring());
    assertFalse(PlaybookJson.write(plain).contains("\"scoring\""));
  }

  @Test
  void changingAModelMakesAnotherPlaybook() {
    ScoringModel other = LeadScoringPlaybook.model().grades(Grading.of("A", 75, "B", 45, "C", 20, "D")).build();

    assertNotEquals(LeadScoringPlaybook.built(),
        LeadScoringPlaybook.builder().scoring(ScoringPolicy.of(other)).build());
  }

  @Test
  void theModelCompilesAgainstTheSubjectsSchema() {
    Playbook playbook = LeadScoringPlaybook.built();
    ScoringModel model = playbook.scoring().model("lead_score").orElseThrow();

    RuleScorer scorer = RuleScorer.compile(model, playbook.schema(EntityKind.LEAD));

    var lead = dev.relay.fields.FieldValues.empty(playbook.schema(EntityKind.LEAD))
        .with(Map.of("industry", "bank", "employees", 5), false);
    assertEquals(14.5, scorer.points(lead, java.util.List.of(), java.time.Instant.EPOCH));
  }
}
