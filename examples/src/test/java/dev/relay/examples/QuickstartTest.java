package dev.relay.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.relay.examples.quickstart.Quickstart;
import dev.relay.pipeline.Deal;
import dev.relay.pipeline.DealStatus;
import org.junit.jupiter.api.Test;

class QuickstartTest {
  @Test
  void theReadmeExampleRunsAndTheGateHoldsTheDealInInitialContact() {
    Deal deal = Quickstart.run(QuickstartTest.class.getResourceAsStream("/playbooks/b2b-manufacturing.json"));
    assertEquals("initial_contact", deal.stage());
    assertEquals(DealStatus.OPEN, deal.status());
    assertEquals(2, deal.history().size());
  }
}
