package dev.relay.incentive;

import dev.relay.common.DealId;
import dev.relay.common.Money;
import dev.relay.common.RepId;
import dev.relay.fields.FieldValues;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One rep's credit on one deal: the input of commission statements and attainment. {@link CreditSplitter} makes them
 * from won deals; a host with its own booking system may make them directly.
 *
 * @param deal the credited deal
 * @param rep the credited rep
 * @param amount the credited amount, exact (a split share may have more digits than the currency)
 * @param kind revenue or overlay
 * @param bookedAt when the deal was won
 * @param collectedAt when it was paid, or {@code null} while unpaid
 * @param fields the deal's field values for SPIFF criteria, or {@code null} if not known (no SPIFF then matches)
 * @throws IllegalArgumentException if the amount is negative, the rep and deal belong to different tenants or the
 *     deal is collected before it was booked
 */
public record DealCredit(DealId deal, RepId rep, Money amount, CreditKind kind, Instant bookedAt,
    @Nullable Instant collectedAt, @Nullable FieldValues fields) {
  public DealCredit {
    Objects.requireNonNull(deal, "deal");
    Objects.requireNonNull(rep, "rep");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(bookedAt, "bookedAt");
    if (amount.isNegative()) {
      throw new IllegalArgumentException("credit of " + rep + " on " + deal + " is negative: " + amount);
    }
    if (!deal.tenant().equals(rep.tenant())) {
      throw new IllegalArgumentException("credit mixes tenants: " + deal + " and " + rep);
    }
    if (collectedAt != null && collectedAt.isBefore(bookedAt)) {
      throw new IllegalArgumentException("deal " + deal + " collected at " + collectedAt + " before it was booked at "
          + bookedAt);
    }
  }

  /** A revenue credit without fields, booked and not yet collected. */
  public static DealCredit revenue(DealId deal, RepId rep, Money amount, Instant bookedAt) {
    return new DealCredit(deal, rep, amount, CreditKind.REVENUE, bookedAt, null, null);
  }

  /** When this credit counts under {@code measure}, or {@code null} if it does not count yet (unpaid). */
  public @Nullable Instant countsAt(Measure measure) {
    return measure == Measure.BOOKED ? bookedAt : collectedAt;
  }
}
