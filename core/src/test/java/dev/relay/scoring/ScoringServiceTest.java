package dev.relay.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.relay.Relay;
import dev.relay.common.InMemoryEventPublisher;
import dev.relay.common.LeadId;
import dev.relay.common.NotFoundException;
import dev.relay.common.TenantId;
import dev.relay.fields.EntityKind;
import dev.relay.fields.FieldValues;
import dev.relay.playbook.LeadScoringPlaybook;
import dev.relay.testkit.ManualClock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Through the facade: train the playbook model's predictive part, score with it, re-score with events. */
class ScoringServiceTest {
  private static final TenantId ACME = TenantId.of("acme");
  private final ManualClock clock = ManualClock.at("2026-03-02T09:00:00Z");
  private final InMemoryEventPublisher events = new InMemoryEventPublisher();
  private final Relay relay = Relay.builder().clock(clock).events(events).build();

  @Test
  void aModelIsTrainedFromHistoryStoredAndScoresWithItsFactors() {
    relay.playbooks().publish(ACME, LeadScoringPlaybook.built());
    assertThrows(NotFoundException.class, () -> relay.scoring().scoring(ACME, "lead_score"));
    TrainingSet.Builder history = relay.scoring().history(ACME, "lead_score");
    for (int i = 0; i < 400; i++) {
      history.add(Map.of("industry", i % 3 == 0 ? "bank" : "retail", "employees", (long) (i % 50) * 40,
          "budget", (long) i * 1000), i % 3 == 0 ? i % 2 == 0 : i % 10 == 0, clock.instant(), null);
    }

    StoredModel stored = relay.scoring().train(ACME, "lead_score", history.build());
    Scoring scoring = relay.scoring().scoring(ACME, "lead_score");
    FieldValues lead = FieldValues.empty(relay.playbooks().current(ACME).playbook()
        .schema(EntityKind.LEAD)).with(Map.of("industry", "bank", "employees", 2000), false);
    Score score = scoring.score(lead, List.of(), null);

    assertEquals(1, stored.version());
    assertEquals(400, stored.model().summary().rows());
    assertEquals("industry", score.prediction().topPositive().get(0).field());
    assertEquals(0.5 * 50 + 0.5 * 100 * score.prediction().probability(), score.value(), 1e-9);

    relay.scoring().rescore(ACME, "lead_score", List.of(ScoringRequest.of(LeadId.of(ACME, "L-1"), lead, List.of(),
        null)));
    assertEquals(1, events.events(ScoringEvent.GradeChanged.class).size());
  }

  @Test
  void unknownModelsAreNotFound() {
    relay.playbooks().publish(ACME, LeadScoringPlaybook.built());

    assertThrows(NotFoundException.class, () -> relay.scoring().scoring(ACME, "deal_win"));
    assertThrows(NotFoundException.class, () -> relay.scoring().scoring(TenantId.of("globex"), "lead_score"));
  }
}
