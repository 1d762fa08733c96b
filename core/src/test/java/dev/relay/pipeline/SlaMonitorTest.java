package dev.relay.pipeline;

import static dev.relay.pipeline.PipelineFixture.CHEN;
import static dev.relay.pipeline.PipelineFixture.LI;
import static dev.relay.pipeline.PipelineFixture.TENANT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relay.pipeline.PipelineEvent.SlaBreached;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlaMonitorTest {
  private final PipelineFixture f = new PipelineFixture();

  @Test
  void slaBreachReportedExactlyOnceAndEventEmitted() {
    Instant created = f.clock.instant();
    Deal deal = f.create(Map.of());
    f.clock.advance(Duration.ofHours(24));
    assertEquals(List.of(), f.sla.checkBreaches(TENANT), "exactly at the limit is not yet a breach");

    Instant now = f.clock.advance(Duration.ofMinutes(90));
    List<SlaBreach> breaches = f.sla.checkBreaches(TENANT);

    Instant due = created.plus(Duration.ofHours(24));
    assertEquals(List.of(new SlaBreach(deal.id(), "lead", LI, created, due, Duration.ofMinutes(90))), breaches);
    assertEquals(List.of(new SlaBreached(deal.id(), now, "lead", LI, created, due, Duration.ofMinutes(90))),
        f.events.events(SlaBreached.class));
    Deal marked = f.service.get(deal.id());
    assertTrue(marked.isSlaBreachReported());
    assertEquals(deal.version() + 1, marked.version());

    f.clock.advance(Duration.ofDays(2));
    assertEquals(List.of(), f.sla.checkBreaches(TENANT));
    assertEquals(1, f.events.events(SlaBreached.class).size());
  }

  @Test
  void aNewVisitOfTheStageCanBreachAgain() {
    Deal deal = f.createReady(0);
    f.service.advance(deal.id(), LI).orThrow();
    f.service.advance(deal.id(), LI).orThrow();
    f.clock.advance(Duration.ofDays(4));
    assertEquals(1, f.sla.checkBreaches(TENANT).size());

    f.service.moveBack(deal.id(), "qualify", LI).orThrow();
    Instant reentered = f.clock.advance(Duration.ofHours(1));
    f.service.advance(deal.id(), LI).orThrow();
    assertEquals(List.of(), f.sla.checkBreaches(TENANT), "the new visit starts its own clock");
    f.clock.advance(Duration.ofDays(3).plusMinutes(1));

    List<SlaBreach> second = f.sla.checkBreaches(TENANT);

    assertEquals(1, second.size());
    assertEquals("demo", second.get(0).stage());
    assertEquals(reentered, second.get(0).enteredAt());
    assertEquals(2, f.events.events(SlaBreached.class).size());
  }

  @Test
  void wonDealsAreWatchedInPostSaleStagesAndLostDealsNotAtAll() {
    Deal won = f.inQuote(0);
    f.service.advance(won.id(), LI).orThrow();
    f.service.advance(won.id(), LI).orThrow();
    Deal lost = f.create(Map.of());
    f.service.markLost(lost.id(), LI, "price").orThrow();
    f.clock.advance(Duration.ofDays(31));

    List<SlaBreach> breaches = f.sla.checkBreaches(TENANT);

    assertEquals(1, breaches.size());
    assertEquals(won.id(), breaches.get(0).deal());
    assertEquals("payment", breaches.get(0).stage());
    assertEquals(CHEN, breaches.get(0).responsible());
    assertEquals(Duration.ofDays(1), breaches.get(0).overdue());
  }
}
