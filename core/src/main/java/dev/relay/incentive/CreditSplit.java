package dev.relay.incentive;

import dev.relay.common.RepId;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One collaborator's share of a deal's credit.
 *
 * @param rep who is credited
 * @param percent the share in percent, in (0, 100]
 * @param kind revenue (the revenue shares of a deal total 100) or overlay (kept apart)
 * @throws IllegalArgumentException if the share is not in (0, 100]
 */
public record CreditSplit(RepId rep, BigDecimal percent, CreditKind kind) {
  public CreditSplit {
    Objects.requireNonNull(rep, "rep");
    Objects.requireNonNull(percent, "percent");
    Objects.requireNonNull(kind, "kind");
    if (percent.signum() <= 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
      throw new IllegalArgumentException("a credit share must be in (0, 100]: " + percent + " for " + rep);
    }
  }

  public static CreditSplit revenue(RepId rep, String percent) {
    return new CreditSplit(rep, new BigDecimal(percent), CreditKind.REVENUE);
  }

  public static CreditSplit overlay(RepId rep, String percent) {
    return new CreditSplit(rep, new BigDecimal(percent), CreditKind.OVERLAY);
  }
}
