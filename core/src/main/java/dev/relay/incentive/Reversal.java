package dev.relay.incentive;

import dev.relay.common.DealId;
import dev.relay.common.Money;
import java.time.Instant;
import java.util.Objects;

/**
 * A deal cancelled or refunded after it was credited: the input of clawbacks.
 *
 * @param deal the deal
 * @param bookedAt when the deal was booked, where the clawback window starts
 * @param at when it was cancelled or refunded
 * @param refunded how much of the deal's amount was given back; the deal's whole amount for a cancellation
 * @param dealAmount the deal's amount when it was credited, so that a partial refund claws back its share
 * @param reason why, e.g. {@code "customer cancelled within trial"}
 * @throws IllegalArgumentException if the refund is not positive or exceeds the deal's amount, or the reversal is
 *     before the booking
 */
public record Reversal(DealId deal, Instant bookedAt, Instant at, Money refunded, Money dealAmount, String reason) {
  public Reversal {
    Objects.requireNonNull(deal, "deal");
    Objects.requireNonNull(bookedAt, "bookedAt");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(refunded, "refunded");
    Objects.requireNonNull(dealAmount, "dealAmount");
    Objects.requireNonNull(reason, "reason");
    if (refunded.amount().signum() <= 0 || refunded.compareTo(dealAmount) > 0) {
      throw new IllegalArgumentException("refund of " + deal + " must be in (0, " + dealAmount + "]: " + refunded);
    }
    if (at.isBefore(bookedAt)) {
      throw new IllegalArgumentException("deal " + deal + " reversed at " + at + " before it was booked at " + bookedAt);
    }
  }

  /** The share of the deal given back, exact. */
  java.math.BigDecimal fraction() {
    return refunded.amount().divide(dealAmount.amount(), java.math.MathContext.DECIMAL128);
  }

  /** Whether the whole deal was given back. */
  public boolean isFull() {
    return refunded.compareTo(dealAmount) == 0;
  }
}
