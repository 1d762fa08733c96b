package dev.relay.pipeline;

import static dev.relay.pipeline.PipelineFixture.LI;
import static dev.relay.pipeline.PipelineFixture.TENANT;
import static dev.relay.pipeline.PipelineFixture.WANG;
import static dev.relay.pipeline.PipelineFixture.ZHAO;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.relay.common.Money;
import dev.relay.common.RelayEvent;
import dev.relay.pipeline.PipelineEvent.DealCreated;
import dev.relay.pipeline.PipelineEvent.DealLost;
import dev.relay.pipeline.PipelineEvent.DealReopened;
import dev.relay.pipeline.PipelineEvent.DealWon;
import dev.relay.pipeline.PipelineEvent.StageChanged;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PipelineEventsTest {
  private final PipelineFixture f = new PipelineFixture();

  @Test
  void eventsPublishedForEachTransition() {
    Instant start = f.clock.instant();
    Deal deal = f.createReady(0);
    for (int i = 0; i < 3; i++) {
      f.clock.advance(Duration.ofHours(1));
      f.service.advance(deal.id(), LI).orThrow();
    }
    Instant wonAt = f.clock.advance(Duration.ofHours(1));
    f.service.advance(deal.id(), LI).orThrow();
    Deal other = f.createReady(0);
    f.service.markLost(other.id(), LI, "price").orThrow();
    f.service.reopen(other.id(), WANG).orThrow();

    assertEquals(List.of(
            "pipeline.deal_created",
            "pipeline.stage_changed", "pipeline.stage_changed", "pipeline.stage_changed",
            "pipeline.stage_changed", "pipeline.deal_won",
            "pipeline.deal_created", "pipeline.deal_lost", "pipeline.stage_changed", "pipeline.deal_reopened"),
        f.events.events().stream().map(RelayEvent::type).toList());
    assertEquals(new DealCreated(deal.id(), start, "lead", LI, LI, Money.of(120_000, "CNY"), LI, 1),
        f.events.events(DealCreated.class).get(0));
    assertEquals(new StageChanged(deal.id(), wonAt, "quote", "contract", TransitionKind.WON, ZHAO, LI, 1),
        f.events.events(StageChanged.class).get(3));
    assertEquals(new DealWon(deal.id(), wonAt, "contract", Money.of(120_000, "CNY"), LI, LI, 1),
        f.events.events(DealWon.class).get(0));
    assertEquals("price", f.events.events(DealLost.class).get(0).reason());
    assertEquals("lead", f.events.events(DealReopened.class).get(0).stage());
    f.events.events().forEach(e -> assertEquals(TENANT, e.tenant()));
  }
}
