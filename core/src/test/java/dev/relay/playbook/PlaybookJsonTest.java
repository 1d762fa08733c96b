package dev.relay.playbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relay.criteria.Criteria;
import dev.relay.pipeline.BackMovePolicy;
import dev.relay.pipeline.StageDefinition;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON form: canonical writing, round trips, and the defaults of optional keys. */
class PlaybookJsonTest {
  /** Only the required keys: every optional one takes the Java builder's default. */
  private static final String MINIMAL = """
      {
        "pipeline": {
          "key": "simple",
          "stages": [
            {"key": "open", "probability": 20},
            {"key": "closed", "probability": 100}
          ],
          "lost_reasons": [{"key": "price"}]
        }
      }
      """;

  @Test
  void canonicalTextIsAFixedPointOfReadThenWrite() {
    String canonical = SmallTeamPlaybook.json();
    assertEquals(canonical, PlaybookJson.write(PlaybookJson.read(canonical)));
  }

  @Test
  void writeThenReadGivesAnEqualPlaybook() {
    Playbook built = SmallTeamPlaybook.built();
    Playbook read = PlaybookJson.read(PlaybookJson.write(built));
    assertEquals(built, read);
    assertEquals(built.hashCode(), read.hashCode());
    assertEquals(built.fingerprint(), read.fingerprint());
    assertEquals(built.pipeline(), read.pipeline());
    assertEquals(built.roles(), read.roles());
  }

  @Test
  void optionalKeysTakeTheBuildersDefaults() {
    Playbook read = PlaybookJson.read(MINIMAL);
    assertEquals("playbook", read.name());
    assertEquals(ZoneId.of("UTC"), read.zone());
    assertEquals("CNY", read.currency().getCurrencyCode());
    assertTrue(read.roles().isEmpty());
    StageDefinition open = read.pipeline().firstStage();
    assertEquals("open", open.label());
    assertEquals(Criteria.always(), open.gate());
    assertEquals(StageDefinition.OWNER, open.responsibleRole());
    assertFalse(open.skippable());
    assertTrue(open.maxDwell().isEmpty());
    assertEquals("simple", read.pipeline().label());
    assertEquals(BackMovePolicy.PREVIOUS, read.pipeline().backMoves());
    assertFalse(read.pipeline().lostReasons().get(0).requiresNote());
    assertEquals(null, read.pipeline().wonStage());

    Playbook built = Playbook.builder()
        .pipeline(dev.relay.pipeline.PipelineDefinition.builder("simple", "simple")
            .stage(StageDefinition.builder("open", "open", 20))
            .stage(StageDefinition.builder("closed", "closed", 100))
            .lostReason("price", "price"))
        .build();
    assertEquals(built, read);
  }

  @Test
  void wholeDaysAreWrittenAsDaysAndOtherDurationsAsIsoTime() {
    Playbook read = PlaybookJson.read(MINIMAL
        .replace("\"probability\": 20}", "\"probability\": 20, \"sla\": \"PT72H\"}")
        .replace("\"probability\": 100}", "\"probability\": 100, \"sla\": \"PT36H30M\"}"));
    assertEquals(Duration.ofDays(3), read.pipeline().stages().get(0).sla());
    String written = PlaybookJson.write(read);
    assertTrue(written.contains("\"sla\": \"P3D\""), written);
    assertTrue(written.contains("\"sla\": \"PT36H30M\""), written);
  }

  @Test
  void canonicalFormIsStableAndOmitsOnlyWhatMeansNothing() {
    String written = PlaybookJson.write(PlaybookJson.read(MINIMAL));
    assertEquals(written, PlaybookJson.write(PlaybookJson.read(written)));
    assertFalse(written.contains("\"gate\""), written);
    assertFalse(written.contains("\"approvals\""), written);
    assertFalse(written.contains("\"sla\""), written);
    assertFalse(written.contains("\"won_stage\""), written);
    assertTrue(written.contains("\"responsible\": \"owner\""), written);
    assertTrue(written.contains("\"lead\": []"), written);
    assertTrue(written.endsWith("}\n"), written);
  }

  @Test
  void decimalsInCriteriaKeepTheirValueThroughARoundTrip() {
    String json = SmallTeamPlaybook.json().replace("\"value\": 15", "\"value\": 15.5");
    Playbook read = PlaybookJson.read(json);
    assertTrue(PlaybookJson.write(read).contains("\"value\": 15.5"));
    assertEquals(read, PlaybookJson.read(PlaybookJson.write(read)));
    assertNotEquals(SmallTeamPlaybook.built(), read);
  }

  @Test
  void readsFromStreamsAndFiles(@TempDir Path dir) throws IOException {
    String json = SmallTeamPlaybook.json();
    Path file = Files.writeString(dir.resolve("small-team.json"), json, StandardCharsets.UTF_8);
    assertEquals(SmallTeamPlaybook.built(), PlaybookJson.read(file));
    assertEquals(SmallTeamPlaybook.built(),
        PlaybookJson.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))));
  }

  @Test
  void unicodeLabelsSurviveARoundTrip() {
    Playbook built = SmallTeamPlaybook.builder("销售规则 \"引号\" \\ back").build();
    Playbook read = PlaybookJson.read(PlaybookJson.write(built));
    assertEquals("销售规则 \"引号\" \\ back", read.name());
    assertEquals(built, read);
  }
}
