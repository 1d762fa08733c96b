package dev.relay.assignment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Exact pointer arithmetic on each member's own grid. */
class WeightedPointerTest {
  @Test
  void pointersCompareAsFractionsAcrossWeights() {
    assertEquals(0, new WeightedPointer(1, 2).compareTo(new WeightedPointer(2, 4)));
    assertTrue(new WeightedPointer(1, 3).compareTo(new WeightedPointer(1, 2)) < 0);
  }

  @Test
  void aReweightedPointerRoundsUpOnItsNewGrid() {
    assertEquals(new WeightedPointer(2, 3), new WeightedPointer(1, 2).reweighted(3), "1/2 → 2/3, never 1/3");
    assertEquals(new WeightedPointer(2, 4), new WeightedPointer(1, 2).reweighted(4));
  }

  @Test
  void atLeastRaisesToTheFloorOnItsOwnGrid() {
    assertEquals(new WeightedPointer(3, 2), WeightedPointer.zero(2).atLeast(new WeightedPointer(4, 3)));
    assertEquals(new WeightedPointer(5, 2), new WeightedPointer(5, 2).atLeast(new WeightedPointer(4, 3)));
  }

  @Test
  void wholeRoundsComeOffWithoutChangingTheOrder() {
    WeightedPointer p = new WeightedPointer(7, 3);

    assertEquals(2, p.wholeRounds());
    assertEquals(new WeightedPointer(1, 3), p.minusRounds(2));
    assertEquals("7/3", p.toString());
    assertEquals("2", new WeightedPointer(4, 2).toString());
  }

  @Test
  void aWeightBelowOneIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> WeightedPointer.zero(0));
  }
}
